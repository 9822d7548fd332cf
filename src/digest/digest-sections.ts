import type { DigestSectionSource } from "./digest-section-source";
import { actionsSection } from "./sections/actions-section";
import { circulationSection } from "./sections/circulation-section";
import { conversationsSection } from "./sections/conversations-section";
import { leadsSection } from "./sections/leads-section";
import { proformasSection } from "./sections/proformas-section";

/** Every section of the weekly digest. A feature adds its section with one line here. */
export const DIGEST_SECTIONS: readonly DigestSectionSource[] = [proformasSection, circulationSection, leadsSection, conversationsSection, actionsSection];
