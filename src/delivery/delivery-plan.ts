import type { AdaptiveCard } from "../domain/card";
import type { ChannelRecord, ChannelRole } from "../channels/channel-store";
import type { Pacer } from "./pacer";
import type { RunStore } from "./run-store";

/** What to send: a run key that names it once for all instances, its content and how a channel sees it. */
export interface DeliveryPlan {
  /** e.g. digest-2026-W48 or headlines-<measure run id>: one run, one card per channel, ever. */
  runKey: string;
  /** In plain words for reports: "the digest for 2026-W48". */
  label: string;
  audience: ChannelRole;
  /** Makes the content when the run is first claimed; later passes reuse what was stored. */
  compose(): Promise<string>;
  /** The card a channel gets from the stored content (a DCS channel's borough may lead it). */
  render(content: string, channel: ChannelRecord): AdaptiveCard;
}

export interface DeliveryOptions {
  /** Identifies this pass in the lease; each pass gets its own. */
  owner?: string;
  leaseMs?: number;
  /** Channels sent to at once (each still paced). */
  concurrency?: number;
  /** Attempts per channel for retryable answers (412, 429, 502, 503, 504). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  pacer?: Pacer;
  store?: RunStore;
}
