import type { Nomination, NominationStatus } from "./nomination";

export interface NominationStore {
  /** Stores a new nomination; if its id is already stored (a double click), the stored one comes back. */
  create(nomination: Nomination): Promise<{ created: boolean; nomination: Nomination }>;
  get(borough: string, id: string): Promise<Nomination | undefined>;
  /** Finds a nomination by id alone: one point read per borough. */
  find(id: string): Promise<Nomination | undefined>;
  /** Replaces a nomination if it has not changed since it was read (its etag); else "changed-since-opened". */
  update(nomination: Nomination): Promise<Nomination>;
  remove(borough: string, id: string): Promise<void>;
  /** A borough's nominations, optionally only those in the given states. */
  inBorough(borough: string, statuses?: NominationStatus[]): Promise<Nomination[]>;
  /** Every borough's nominations in the given states (one partition query per borough). */
  everywhere(statuses?: NominationStatus[]): Promise<Nomination[]>;
  /** Nominations naming the person as nominee, nominator or the one who decided (confirmed, declined, withdrew). */
  involving(objectId: string): Promise<Nomination[]>;
}
