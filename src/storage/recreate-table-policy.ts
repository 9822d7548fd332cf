import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/**
 * When storage answers "table not found" (storage came back empty, e.g. a fresh Azurite, or a table was
 * deleted), creates the table and sends the request once more, so the service recovers by itself.
 * Placed per call, before signing, so the second attempt is signed afresh.
 */
export function recreateMissingTablePolicy(createTable: () => Promise<void>): PipelinePolicy {
  return {
    name: "hubRecreateMissingTable",
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status !== 404 || response.headers.get("x-ms-error-code") !== "TableNotFound") return response;
      await createTable();
      return next(request);
    },
  };
}
