import { boroughName } from "./sections/feed-lines";
import type { DigestData } from "./digest-data";

/** The digest as plain text, for the command line. */
export function digestText(data: DigestData): string {
  const out: string[] = [`Weekly digest ${data.week}: ${data.weekLabel}`, `${data.events} activity rows this week`, ""];
  for (const s of data.sections) {
    out.push(`## ${s.title}`);
    if (s.summary) out.push(s.summary);
    if (s.lines.length === 0 && !s.summary) out.push("Nothing this week.");
    for (const l of s.lines) out.push(`- ${boroughName(l.borough)} · ${l.text}${l.subject ? ` · ${l.subject}` : ""}`);
    if (s.omitted > 0) out.push(`- and ${s.omitted} more`);
    out.push("");
  }
  out.push("## Data headlines");
  if (data.headlines.length === 0) out.push("Nothing this week: no headlines have been stored yet.");
  // The headline's sentence carries its ratio and 95% interval itself (analysis/headlines.ts).
  for (const h of data.headlines) out.push(`${h.rank}. ${h.text}`);
  return out.join("\n") + "\n";
}
