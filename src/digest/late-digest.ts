import { noticeCard } from "../cards/notice-card";
import { londonLabel } from "../domain/london-time";
import type { DeliveryPlan } from "../delivery/deliver-run";

/** What the coordinators are told when a week's digest went out late. */
export interface LateDigest {
  week: string;
  dueAt: string;
  sentAt: string;
  channels: number;
  reason: string;
}

/**
 * The notice to the coordinators' channels that a week's digest went out late, and why: a run of its
 * own, so however many instances finish the digest, each coordinators' channel is told once.
 */
export function lateDigestPlan(late: LateDigest): DeliveryPlan {
  return {
    runKey: `digest-late-${late.week}`,
    label: `the notice that the digest for ${late.week} was late`,
    audience: "coordinators",
    compose: async () => JSON.stringify(late),
    render: (content) => {
      const l = JSON.parse(content) as LateDigest;
      return noticeCard(
        "The weekly digest went out late",
        `The digest for ${l.week} was due ${londonLabel(new Date(l.dueAt))} and went out ${londonLabel(new Date(l.sentAt))} ` +
          `to ${l.channels} DCS channel(s), because ${l.reason}.`,
        "Warning",
      );
    },
  };
}
