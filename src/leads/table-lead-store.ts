import { odata, type TableClient, type TransactionAction } from "@azure/data-tables";
import { BOROUGHS } from "../domain/boroughs";
import { HubError } from "../domain/errors";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, statusCodeOf } from "../storage/table-limits";
import type { LeadStore } from "./lead-store";
import type { BoroughRoster, LeadTerm } from "./lead-term";

/**
 * leads: PartitionKey borough GSS code. RowKey `term-<nomination id>` for each term, and one
 * `current-lead` row naming the current lead's term: every change to it goes through one
 * same-partition transaction with its ETag, so two confirmations at once cannot both win.
 */
const POINTER = "current-lead";
const termKey = (id: string) => `term-${id}`;

type Row = { partitionKey: string; rowKey: string; [key: string]: unknown };

export class TableLeadStore implements LeadStore {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("leads");
  }

  roster(borough: string): Promise<BoroughRoster> {
    return guardStorage(async () => {
      const { terms, pointer } = await this.partition(borough);
      const lead = terms.find((t) => t.id === pointer?.termId && !t.until);
      const deputies = terms.filter((t) => t.kind === "deputy" && !t.until);
      const history = terms.filter((t) => t !== lead && !deputies.includes(t)).sort((a, b) => (a.since < b.since ? 1 : -1));
      return { borough, lead, deputies, history };
    });
  }

  confirm(term: LeadTerm): Promise<{ created: boolean; replaced?: LeadTerm }> {
    return guardStorage(async () => {
      const entity = toEntity(term);
      assertEntityFits(entity);
      for (let attempt = 0; attempt < 3; attempt++) {
        const { terms, pointer } = await this.partition(term.borough);
        if (terms.some((t) => t.id === term.id)) return { created: false };
        const actions: TransactionAction[] = [["create", entity]];
        let replaced: LeadTerm | undefined;
        if (term.kind === "lead") {
          const pointerEntity = { partitionKey: term.borough, rowKey: POINTER, termId: term.id };
          if (pointer) {
            actions.push(["update", pointerEntity, "Replace", { etag: pointer.etag }]);
            replaced = terms.find((t) => t.id === pointer.termId && !t.until);
            if (replaced) actions.push(["update", toEntity({ ...replaced, until: term.since }), "Replace", { etag: replaced.etag }]);
          } else {
            actions.push(["create", pointerEntity]);
          }
        }
        try {
          await this.table.submitTransaction(actions);
          return { created: true, replaced: replaced && { ...replaced, until: term.since } };
        } catch (error) {
          // Someone else changed the borough's post at the same moment: read again and retry.
          if (statusCodeOf(error) !== 409 && statusCodeOf(error) !== 412) throw error;
        }
      }
      throw new HubError("conflict", "Another confirmation for this borough happened at the same moment. Please try again.");
    });
  }

  end(term: LeadTerm, until: string): Promise<void> {
    return guardStorage(async () => {
      const { pointer } = await this.partition(term.borough);
      const actions: TransactionAction[] = [["update", toEntity({ ...term, until }), "Replace", { etag: term.etag ?? "*" }]];
      if (pointer?.termId === term.id) actions.push(["update", { partitionKey: term.borough, rowKey: POINTER, termId: "" }, "Replace", { etag: pointer.etag }]);
      await this.table.submitTransaction(actions);
    });
  }

  rewrite(term: LeadTerm): Promise<void> {
    return guardStorage(async () => {
      const entity = toEntity(term);
      assertEntityFits(entity);
      await this.table.updateEntity(entity, "Replace", { etag: term.etag ?? "*" });
    });
  }

  confirmedBy(objectId: string): Promise<LeadTerm[]> {
    return this.termsWhere((code) => odata`PartitionKey eq ${code} and confirmedById eq ${objectId}`);
  }

  private termsWhere(filterFor: (code: string) => string): Promise<LeadTerm[]> {
    return guardStorage(async () => {
      const lists = await Promise.all(
        BOROUGHS.map(async (b) => {
          const found: LeadTerm[] = [];
          for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: filterFor(b.code) } })) found.push(fromEntity(e));
          return found;
        }),
      );
      return lists.flat();
    });
  }

  heldBy(objectId: string): Promise<LeadTerm[]> {
    return guardStorage(async () => {
      const lists = await Promise.all(
        BOROUGHS.map(async (b) => {
          const found: LeadTerm[] = [];
          const filter = odata`PartitionKey eq ${b.code} and objectId eq ${objectId}`;
          for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(fromEntity(e));
          return found;
        }),
      );
      return lists.flat();
    });
  }

  private async partition(borough: string): Promise<{ terms: LeadTerm[]; pointer?: { termId: string; etag: string } }> {
    const terms: LeadTerm[] = [];
    let pointer: { termId: string; etag: string } | undefined;
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${borough}` } })) {
      if (e.rowKey === POINTER) pointer = { termId: String(e.termId ?? ""), etag: String(e.etag ?? "*") };
      else terms.push(fromEntity(e));
    }
    return { terms, pointer };
  }
}

function toEntity(t: LeadTerm): Row {
  return {
    partitionKey: t.borough,
    rowKey: termKey(t.id),
    kind: t.kind,
    objectId: t.objectId,
    tenantId: t.tenantId,
    name: t.name,
    jobTitle: t.jobTitle,
    since: t.since,
    until: t.until,
    confirmedById: t.confirmedById,
  };
}

function fromEntity(e: Record<string, unknown>): LeadTerm {
  const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
  return {
    borough: s("partitionKey"),
    id: s("rowKey").replace(/^term-/, ""),
    kind: s("kind") === "deputy" ? "deputy" : "lead",
    objectId: s("objectId"),
    tenantId: s("tenantId"),
    name: s("name"),
    jobTitle: s("jobTitle"),
    since: s("since"),
    until: s("until"),
    confirmedById: s("confirmedById"),
    etag: typeof e.etag === "string" ? e.etag : undefined,
  };
}
