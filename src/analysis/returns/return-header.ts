import { RefusedFile } from "./return-counts";

/** Where a return's LA and year come from when its own header does not say. */
export interface ReturnContext {
  laCode: string | null;
  /** Reference date YYYY-MM-DD (31 March for CIN and SSDA903). */
  referenceDate: string | null;
}

/** What an XML return's header says about itself (`Source/LEA`, `CollectionDetails/ReferenceDate` and `/Collection`). */
export interface ReturnHeader {
  lea: string | null;
  referenceDate: string | null;
  collection: string | null;
}

export function emptyHeader(): ReturnHeader {
  return { lea: null, referenceDate: null, collection: null };
}

/** Keeps a header element's text as it closes; false when the element is not one of the header's. */
export function readHeaderElement(header: ReturnHeader, name: string, parent: string | undefined, text: string): boolean {
  if (parent === "CollectionDetails" && name === "ReferenceDate") header.referenceDate = text;
  else if (parent === "CollectionDetails" && name === "Collection") header.collection = text;
  else if (parent === "Source" && name === "LEA") header.lea = text;
  else return false;
  return true;
}

/**
 * The LA and reference date the file's records belong to: the header's, else the folder's or the
 * command line's. The file is refused when its header names another collection or no LA is known;
 * the reference date is left for the reader to check.
 */
export function headerPlace(header: ReturnHeader, context: ReturnContext, collection: string): { lea: string; referenceDate: string | null } {
  const lea = header.lea ?? context.laCode;
  const referenceDate = header.referenceDate ?? context.referenceDate;
  if (header.collection && header.collection.toUpperCase() !== collection)
    throw new RefusedFile(`the header says collection ${header.collection}, not ${collection}`, "Collection");
  if (!lea) throw new RefusedFile("the local authority is not known (no LEA in the header, folder name or --la)", "LEA");
  return { lea, referenceDate };
}
