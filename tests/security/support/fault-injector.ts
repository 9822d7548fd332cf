import { createHttpHeaders, RestError, type PipelinePolicy, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import type { Storage } from "../../../src/storage/open-storage";
import { TABLES } from "../../../src/storage/table-names";

/**
 * What to do with one storage request: pass it, fail it before it is sent, lose its answer after, say
 * the server is busy (retried), refuse it outright (403: not retried, like a process that stopped), or
 * hold it a while (slow).
 */
export type Fault = "pass" | "fail-before" | "lose-answer" | "server-busy" | "refused" | "slow";

/** How long a "slow" request is held before it is sent. */
export const SLOW_MS = 2000;

export interface StorageRequestSeen {
  table: string;
  method: string;
  write: boolean;
}

/**
 * Injects faults into the service's real storage clients (a pipeline policy placed after the SDK's
 * retry, so each retry passes through it too). `decide` sees every request in order.
 */
export class FaultInjector {
  readonly seen: StorageRequestSeen[] = [];
  decide: (request: StorageRequestSeen, index: number) => Fault = () => "pass";
  private readonly name = `test-fault-${Math.random().toString(36).slice(2)}`;

  constructor(private readonly storage: Storage) {
    const policy: PipelinePolicy = { name: this.name, sendRequest: (request, next) => this.handle(request, next) };
    for (const table of TABLES) storage.tableClient(table).pipeline.addPolicy(policy, { afterPhase: "Retry" });
  }

  remove(): void {
    for (const table of TABLES) this.storage.tableClient(table).pipeline.removePolicy({ name: this.name });
  }

  writes(): StorageRequestSeen[] {
    return this.seen.filter((s) => s.write);
  }

  private async handle(request: PipelineRequest, next: (r: PipelineRequest) => Promise<PipelineResponse>): Promise<PipelineResponse> {
    const path = new URL(request.url).pathname.split("/")[2] ?? "";
    const seen = { table: path.replace(/\(.*$/, ""), method: request.method, write: request.method !== "GET" };
    this.seen.push(seen);
    const fault = this.decide(seen, this.seen.length - 1);
    if (fault === "fail-before") throw new RestError("connect ECONNREFUSED (injected)", { code: "ECONNREFUSED" });
    if (fault === "server-busy")
      return { request, status: 503, headers: createHttpHeaders({ "x-ms-error-code": "ServerBusy" }), bodyAsText: '{"odata.error":{"code":"ServerBusy"}}' };
    if (fault === "refused")
      return {
        request,
        status: 403,
        headers: createHttpHeaders({ "x-ms-error-code": "AuthorizationFailure" }),
        bodyAsText: '{"odata.error":{"code":"AuthorizationFailure"}}',
      };
    if (fault === "slow") await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    const response = await next(request);
    if (fault === "lose-answer") throw new RestError("socket hang up (injected after the write)", { code: "ECONNRESET" });
    return response;
  }
}
