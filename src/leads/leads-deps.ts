import type { MeetingStore } from "../convening/meeting-store";
import type { NominationStore } from "../nominations/nomination-store";
import type { PeopleStore } from "../people/people-store";
import type { LeadStore } from "./lead-store";

/** What the borough leads uses, given at composition (src/composition.ts). */
export interface LeadDeps {
  leads: LeadStore;
  meetings: MeetingStore;
  nominations: NominationStore;
  now: () => Date;
  people: PeopleStore;
}
