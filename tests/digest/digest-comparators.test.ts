import assert from "node:assert/strict";
import { toDigestHeadlines } from "../../src/digest/compose-digest";
import { digestCard } from "../../src/digest/digest-card";
import type { DigestData } from "../../src/digest/digest-data";
import { MAX_CARD_BYTES } from "../../src/cards/render-card";
import { BOROUGHS } from "../../src/domain/boroughs";
import type { StoredHeadline } from "../../src/headlines/measure-store";
import { checkCard } from "../support/card-check";

const line = (name: string) => `${name} 2.1 (1.6 to 2.8) · East London 1.8 · London 1.7 · England 1.5 · no clear trend in the ratio`;

describe("the digest's headlines beside East London, London and England", () => {
  it("when eight boroughs' findings carry their comparators, then each shows its one line and the card stays under 28 KB", () => {
    const data: DigestData = {
      week: "2026-W48",
      weekLabel: "Monday 23 to Sunday 29 November 2026",
      composedAt: "",
      events: 0,
      sections: [],
      headlines: BOROUGHS.map((b, i) => ({
        rank: i + 1,
        text: `In ${b.name} in 2017, Mixed children were 2.1 times as likely as White children to be looked after (95% CI 1.6 to 2.8).`,
        label: `Mixed, ${b.name}`,
        measure: "cla-rate-per-pupil",
        ratio: 2.1,
        ratioLow: 1.6,
        ratioHigh: 2.8,
        comparison: line(b.name),
        period: "2017",
        source: "DfE CLA",
        synthetic: false,
      })),
    };
    const check = checkCard(digestCard(data));
    assert.deepEqual(check.errors, []);
    assert.ok(check.bytes < MAX_CARD_BYTES, `${check.bytes} bytes`);
    for (const b of BOROUGHS) assert.ok(check.texts.includes(line(b.name)), `${b.name}'s comparators`);
    const without = checkCard(digestCard({ ...data, headlines: data.headlines.map(({ comparison: _c, ...h }) => h) }));
    assert.ok(!without.texts.some((t) => t.includes("East London")), "an older stored digest without comparators shows no empty line");
  });

  it("when stored headlines are read for the digest, then the comparison's line comes with them", () => {
    const stored = {
      rank: 1,
      text: "t",
      measure: "cla-rate-per-pupil",
      areaCode: "E09000012",
      areaName: "Hackney",
      period: "2017",
      group: "Mixed",
      ratio: 2.1,
      ratioLow: 1.6,
      ratioHigh: 2.8,
      source: "s",
      synthetic: false,
      comparison: { text: line("Hackney") },
    } as unknown as StoredHeadline;
    assert.equal(toDigestHeadlines([stored])[0]!.comparison, line("Hackney"));
    assert.equal(toDigestHeadlines([{ ...stored, comparison: null }])[0]!.comparison, undefined);
  });
});
