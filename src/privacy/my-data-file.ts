import type { PrivacyDeps } from "./privacy-deps";
import { HubError } from "../domain/errors";
import { personalData } from "./my-data";

/** A person's `my data` as a file: everything held about them, every line, as JSON. */
export interface MyDataFile {
  fileName: string;
  body: string;
}

/**
 * The file behind a download address: made when it is fetched (no copy of the data is stored), for
 * the person the live token names. An unknown, malformed or expired token is "not found".
 */
export async function myDataFile(ctx: PrivacyDeps, token: string): Promise<MyDataFile> {
  const now = ctx.now();
  const owner = await ctx.downloads.ownerOf(token, now);
  if (!owner)
    throw new HubError(
      "not-found",
      "This download address is not known or has expired (they work for ten minutes). Type my data in your chat with the bot for a new one.",
    );
  const data = await personalData(ctx, owner.tenantId, owner.objectId);
  const file = {
    about: "Everything the Disparities Hub holds about you",
    objectId: data.objectId,
    madeAt: now.toISOString(),
    sections: data.sections,
  };
  return { fileName: `disparities-hub-my-data-${now.toISOString().slice(0, 10)}.json`, body: `${JSON.stringify(file, null, 2)}\n` };
}
