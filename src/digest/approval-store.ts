import { guardStorage } from "../storage/guard-storage";
import type { TableClient } from "@azure/data-tables";
import { HubError } from "../domain/errors";
import { safeKey } from "../storage/table-limits";

/** One analysis run's headlines on their way out: who proposed them, who approved, on which data. */
export interface HeadlineApproval {
  runId: string;
  /** The figures' data version: the run and the checksums of the files behind its headlines. */
  dataVersion: string;
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
}

/** Approvals of data headlines (table `approvals`): one row per run, and a pointer to the run the digest carries. */
export interface ApprovalStore {
  get(runId: string): Promise<{ approval: HeadlineApproval; etag: string } | undefined>;
  /** Creates the proposal; a second proposal of the same run is a conflict. */
  propose(approval: HeadlineApproval): Promise<void>;
  /** Records the approval if the row is as read (its ETag), and points the digest at the run. */
  approve(approval: HeadlineApproval, etag: string): Promise<void>;
  /** The run whose headlines the digest and posts carry: the latest one approved. */
  approvedRunId(): Promise<string | undefined>;
}

const ROW = "approval";
const POINTER = { partitionKey: "approved", rowKey: "latest" };

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

class UnguardedApprovalStore implements ApprovalStore {
  constructor(private readonly client: TableClient) {}

  async get(runId: string): Promise<{ approval: HeadlineApproval; etag: string } | undefined> {
    try {
      const e = await this.client.getEntity<Record<string, unknown>>(safeKey(runId), ROW);
      const text = (name: string) => (typeof e[name] === "string" ? (e[name] as string) : undefined);
      return {
        etag: String(e.etag),
        approval: {
          runId: String(e.runId),
          dataVersion: String(e.dataVersion),
          proposedBy: String(e.proposedBy),
          proposedByName: String(e.proposedByName),
          proposedAt: String(e.proposedAt),
          approvedBy: text("approvedBy"),
          approvedByName: text("approvedByName"),
          approvedAt: text("approvedAt"),
        },
      };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async propose(a: HeadlineApproval): Promise<void> {
    try {
      await this.client.createEntity({
        partitionKey: safeKey(a.runId),
        rowKey: ROW,
        runId: a.runId,
        dataVersion: a.dataVersion,
        proposedBy: a.proposedBy,
        proposedByName: a.proposedByName,
        proposedAt: a.proposedAt,
      });
    } catch (error) {
      if (statusOf(error) === 409) throw new HubError("conflict", "These headlines have already been proposed.");
      throw error;
    }
  }

  async approve(a: HeadlineApproval, etag: string): Promise<void> {
    try {
      await this.client.updateEntity(
        { partitionKey: safeKey(a.runId), rowKey: ROW, approvedBy: a.approvedBy ?? "", approvedByName: a.approvedByName ?? "", approvedAt: a.approvedAt ?? "" },
        "Merge",
        { etag },
      );
    } catch (error) {
      if (statusOf(error) === 412) throw new HubError("changed-since-opened", "Someone else approved these headlines at the same moment.");
      throw error;
    }
    await this.client.upsertEntity({ ...POINTER, runId: a.runId, approvedAt: a.approvedAt ?? "" }, "Replace");
  }

  async approvedRunId(): Promise<string | undefined> {
    try {
      return String((await this.client.getEntity(POINTER.partitionKey, POINTER.rowKey)).runId);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

/** The Table store with storage failures turned into a HubError a person can read. */
export class TableApprovalStore implements ApprovalStore {
  private readonly inner: UnguardedApprovalStore;
  constructor(client: TableClient) {
    this.inner = new UnguardedApprovalStore(client);
  }
  get(runId: string) {
    return guardStorage(() => this.inner.get(runId));
  }
  propose(approval: HeadlineApproval) {
    return guardStorage(() => this.inner.propose(approval));
  }
  approve(approval: HeadlineApproval, etag: string) {
    return guardStorage(() => this.inner.approve(approval, etag));
  }
  approvedRunId() {
    return guardStorage(() => this.inner.approvedRunId());
  }
}
