import type { DigestDeps } from "../digest/digest-deps";
import type { ConveningDeps } from "../convening/convening-deps";
import type { PrivacyDeps } from "../privacy/privacy-deps";

/** What the weekly digest schedule uses, given at composition (src/composition.ts). */
export interface SchedulerDeps extends DigestDeps, ConveningDeps, PrivacyDeps {}
