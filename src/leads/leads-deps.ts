import type { MeetingStore } from "../meetings/meeting-store";
import type { PeopleStore } from "../people/people-store";
import type { LeadStore } from "./lead-store";

/** What the borough leads uses, given at composition (src/composition.ts). */
export interface LeadDeps {
  leads: LeadStore;
  meetings: MeetingStore;
  now: () => Date;
  people: PeopleStore;
}
