import { odata, type TableClient } from "@azure/data-tables";
import type { ActivityFeed } from "../activity-feed/activity-feed";
import { BOROUGHS } from "../domain/boroughs";
import { guardStorage } from "../storage/guard-storage";
import { statusCodeOf } from "../storage/table-limits";
import { eventFromOutbox, OUTBOX_PREFIX, rangeOf } from "./proforma-rows";

/**
 * Moves proforma feed rows from the outbox (written in the save's own transaction) to the week's
 * activity partition. A save starts the move right after it is stored; every reader of the feed drains
 * what is left first, so a row is never lost if the process stops in between, and writing it twice
 * (same key) leaves one row.
 */
export class ProformaOutbox {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly table: TableClient,
    private readonly feed: ActivityFeed,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Starts moving one row just saved (its content in hand: no read); a failure leaves it for the next drain. */
  relay(entity: Record<string, unknown> & { partitionKey: string; rowKey: string }): void {
    const move: Promise<void> = guardStorage(() => this.move(entity))
      .catch(this.onError)
      .finally(() => this.pending.delete(move));
    this.pending.add(move);
  }

  /** Moves every row still in the outbox (one RowKey range per borough partition); answers how many. */
  drain(): Promise<number> {
    return guardStorage(async () => {
      const { from, to } = rangeOf(OUTBOX_PREFIX);
      const rows = await Promise.all(
        BOROUGHS.map(async (b) => {
          const found: Record<string, unknown>[] = [];
          const filter = odata`PartitionKey eq ${b.code} and RowKey ge ${from} and RowKey lt ${to}`;
          for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(e);
          return found;
        }),
      );
      const all = rows.flat();
      for (const e of all) await this.move(e);
      return all.length;
    });
  }

  /** Waits for the moves already started (tests, and a clean stop). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async move(e: Record<string, unknown>): Promise<void> {
    // The feed row first, then the outbox row goes: a stop in between leaves a row the next drain
    // writes again under the same key.
    await this.feed.record(eventFromOutbox(e));
    try {
      await this.table.deleteEntity(String(e.partitionKey), String(e.rowKey));
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
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
