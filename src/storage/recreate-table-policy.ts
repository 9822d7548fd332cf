import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";

type Failure = {
  status?: number;
  statusCode?: number;
  headers?: { get(name: string): string | undefined };
  response?: { headers?: { get(name: string): string | undefined } };
  details?: unknown;
  code?: string;
};

function isTableNotFound(failure: Failure): boolean {
  const status = failure.status ?? failure.statusCode;
  const details = failure.details as { errorCode?: string; "odata.error"?: { code?: string } } | undefined;
  const code =
    failure.headers?.get("x-ms-error-code") ??
    failure.response?.headers?.get("x-ms-error-code") ??
    details?.errorCode ??
    details?.["odata.error"]?.code ??
    failure.code;
  return status === 404 && code === "TableNotFound";
}

/**
 * When storage answers "table not found" (storage came back empty, e.g. a fresh Azurite, or a table was
 * deleted), creates the table and sends the request once more, so the service recovers by itself.
 * Placed per call, before signing, so the second attempt is signed afresh. The answer may come back as
 * a response or, once the SDK has read it, as a thrown error: both are recognised.
 */
export function recreateMissingTablePolicy(createTable: () => Promise<void>): PipelinePolicy {
  return {
    name: "hubRecreateMissingTable",
    async sendRequest(request, next) {
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        if (!isTableNotFound(error as Failure)) throw error;
        await createTable();
        return next(request);
      }
      if (!isTableNotFound(response)) return response;
      await createTable();
      return next(request);
    },
  };
}
