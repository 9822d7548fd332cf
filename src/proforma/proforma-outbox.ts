import { odata, type TableClient, type TransactionAction } from "@azure/data-tables";
import type { ActivityFeed } from "../activity-feed/activity-feed";
import { BOROUGHS } from "../domain/boroughs";
import { guardStorage } from "../storage/guard-storage";
import { MAX_BATCH, statusCodeOf } from "../storage/table-limits";
import { eventFromOutbox, OUTBOX_PREFIX, rangeOf } from "./proforma-rows";

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string };

/** How long a saved feed row waits for others to move with it (so many saves share a few requests). */
export const RELAY_DELAY_MS = 100;

/**
 * Moves proforma feed rows from the outbox (written in the save's own transaction) to the week's
 * activity partition. Saves hand their rows over as they commit; within RELAY_DELAY_MS they move
 * together: one transaction per week for the feed rows, then one per borough partition to clear the
 * outbox. Every reader of the feed drains what is left first, so a row is never lost if the process
 * stops in between, and writing it twice (same key) leaves one row.
 */
export class ProformaOutbox {
  private waiting: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly moving = new Set<Promise<void>>();

  constructor(
    private readonly table: TableClient,
    private readonly feed: ActivityFeed,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly delayMs = RELAY_DELAY_MS,
  ) {}

  /** Takes a row just saved (its content in hand: no read); a failure leaves it for the next drain. */
  relay(row: Row): void {
    this.waiting.push(row);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    // A row still waiting when the process stops stays in the outbox for the next drain.
    this.timer.unref();
  }

  /** Moves every row still in the outbox (one RowKey range per borough partition); answers how many. */
  drain(): Promise<number> {
    return guardStorage(async () => {
      const { from, to } = rangeOf(OUTBOX_PREFIX);
      const rows = await Promise.all(
        BOROUGHS.map(async (b) => {
          const found: Row[] = [];
          const filter = odata`PartitionKey eq ${b.code} and RowKey ge ${from} and RowKey lt ${to}`;
          for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(e as Row);
          return found;
        }),
      );
      const all = rows.flat();
      if (all.length > 0) await this.move(all);
      return all.length;
    });
  }

  /** Waits for the rows handed over so far to be moved (a clean stop, and tests). */
  async idle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.flush();
    }
    while (this.moving.size > 0) await Promise.allSettled([...this.moving]);
  }

  private flush(): void {
    this.timer = undefined;
    const rows = this.waiting;
    this.waiting = [];
    const move: Promise<void> = guardStorage(() => this.move(rows))
      .catch(this.onError)
      .finally(() => this.moving.delete(move));
    this.moving.add(move);
  }

  private async move(rows: Row[]): Promise<void> {
    // The feed rows first, then the outbox rows go: a stop in between leaves rows the next drain
    // writes again under the same keys.
    await this.feed.recordAll(rows.map(eventFromOutbox));
    const byBorough = new Map<string, Row[]>();
    for (const r of rows) byBorough.set(r.partitionKey, [...(byBorough.get(r.partitionKey) ?? []), r]);
    for (const group of byBorough.values()) {
      for (let i = 0; i < group.length; i += MAX_BATCH) await this.clear(group.slice(i, i + MAX_BATCH));
    }
  }

  /** Deletes moved rows in one transaction; if another mover took some already, one by one. */
  private async clear(rows: Row[]): Promise<void> {
    const keys = [...new Map(rows.map((r) => [r.rowKey, r])).values()].map((r) => ({ partitionKey: r.partitionKey, rowKey: r.rowKey }));
    try {
      await this.table.submitTransaction(keys.map((k): TransactionAction => ["delete", k]));
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
      for (const k of keys) {
        try {
          await this.table.deleteEntity(k.partitionKey, k.rowKey);
        } catch (e) {
          if (statusCodeOf(e) !== 404) throw e;
        }
      }
    }
  }
}

/**
 * The activity feed as readers see it: a week is read (or a person erased) only after the proforma
 * outbox is drained. Every other method is the feed's own.
 */
export function feedAfterOutbox(feed: ActivityFeed, outbox: ProformaOutbox): ActivityFeed {
  const drained: ActivityFeed = Object.create(feed);
  drained.week = async (week) => {
    await outbox.drain();
    return feed.week(week);
  };
  drained.forgetActor = async (actorId) => {
    await outbox.drain();
    return feed.forgetActor(actorId);
  };
  return drained;
}
