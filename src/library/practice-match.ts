import type { LibraryEntry } from "../proforma/public-view";
import { entryTargetAtoms, resolveGroupName } from "./ethnic-target";
import { findingArea } from "./practice-rules";

/** A published practice entry a finding links to: enough to open it (proforma.view) and name it. */
export interface PracticeLink {
  id: string;
  title: string;
  /** GSS code of the borough that shared it. */
  borough: string;
  boroughName: string;
}

/** A data finding as the matcher reads it: the headline's measure, ladder step (if any) and group. */
export interface Finding {
  measure: string;
  level?: string | null;
  group: string;
}

/** What the library holds for one finding: the matching entries, or the gap in words. */
export interface PracticeAnswer {
  /** The outcome area the finding belongs to (a proforma value), for convening on it. */
  outcomeArea: string;
  practice: PracticeLink[];
  /** "No borough has shared practice on suspensions of Black Caribbean pupils yet." when nothing matches, else "". */
  gap: string;
}

/**
 * Matches one finding to published practice. An entry matches when all three hold:
 * 1. outcome area: the entry lists the finding's outcome area (e.g. education for suspensions);
 * 2. ethnic group: the children the entry is aimed at (its broad groups, narrowed by the groups its
 *    detail names) overlap the finding's group, read in any classification: an entry for Black
 *    children answers a finding on Black Caribbean pupils and one for Black Caribbean boys answers a
 *    finding on Black pupils, but one for Black African families does not answer Black Caribbean,
 *    and White and Black Caribbean (Mixed) is not Black Caribbean; an entry aimed at no group
 *    answers no group's finding;
 * 3. level of intervention: the entry lists a level at which the finding's children are served, or
 *    lists no level (it did not say, so it is not ruled out).
 * Entries that state the level come first, then the newest. Undefined when the finding is not one the
 * rules can read (an unknown measure or group): then nothing is linked and no gap is claimed.
 */
export function matchPractice(finding: Finding, entries: readonly LibraryEntry[]): PracticeAnswer | undefined {
  const area = findingArea(finding.measure, finding.level);
  const group = resolveGroupName(finding.group);
  if (!area || !group) return undefined;
  const matched = entries
    .filter((e) => e.outcomeAreas.includes(area.outcomeArea))
    .filter((e) => {
      const target = entryTargetAtoms(e);
      return group.atoms.some((a) => target.has(a));
    })
    .filter((e) => e.levels.length === 0 || area.levels.length === 0 || e.levels.some((l) => area.levels.includes(l)))
    .sort((a, b) => {
      const stated = Number(b.levels.length > 0) - Number(a.levels.length > 0);
      if (stated !== 0) return stated;
      return a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? 1 : -1;
    });
  return {
    outcomeArea: area.outcomeArea,
    practice: matched.map((e) => ({ id: e.id, title: e.title, borough: e.borough.code, boroughName: e.borough.name })),
    gap: matched.length ? "" : `No borough has shared practice on ${findingSubject(area.subject, finding.group)} yet.`,
  };
}

/** The finding in words with the group named as the headline names it. */
export function findingSubject(subject: string, group: string): string {
  return subject.replace("{group}", group);
}
