import type { Proforma } from "./proforma";

/** A line of "my proformas": enough to list a person's entries without reading them all. */
export interface AuthoredEntry {
  id: string;
  borough: string;
  title: string;
  status: string;
  updatedAt: string;
}

export interface ProformaStore {
  /**
   * Stores a new proforma under its server-made id. If that id is already stored (a retried or
   * double-clicked submit) nothing changes and the stored one comes back with `created: false`.
   */
  create(proforma: Proforma): Promise<{ created: boolean; proforma: Proforma }>;
  get(borough: string, id: string): Promise<Proforma | undefined>;
  listByAuthor(authorId: string): Promise<AuthoredEntry[]>;
}
