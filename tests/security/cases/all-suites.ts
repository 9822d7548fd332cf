import { authSuite } from "./auth-cases";
import { digestSuite } from "./digest-cases";
import { edgeSuite } from "./edge-cases";
import { faultSuite } from "./fault-cases";
import { inputSuite } from "./input-cases";
import { loadSuite } from "./load-cases";
import { recordsSuite } from "./records-cases";
import { startupSuite } from "./startup-cases";
import { submitSuite } from "./submit-cases";
import { textSuite } from "./text-cases";
import type { ReliabilitySuite } from "../support/reliability-case";

/** Every suite, in the order the reliability table lists them. */
export const ALL_SUITES: ReliabilitySuite<any>[] = [
  startupSuite,
  authSuite,
  recordsSuite,
  submitSuite,
  inputSuite,
  textSuite,
  edgeSuite,
  digestSuite,
  faultSuite,
  loadSuite,
];
