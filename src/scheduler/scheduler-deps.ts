import type { DigestDeps } from "../digest/digest-deps";
import type { MeetingsDeps } from "../meetings/meetings-deps";
import type { PrivacyDeps } from "../privacy/privacy-deps";

/** What the weekly digest schedule uses, given at composition (src/composition.ts). */
export interface SchedulerDeps extends DigestDeps, MeetingsDeps, PrivacyDeps {}
