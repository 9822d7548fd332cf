import { submitSuite } from "./cases/submit-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(submitSuite);
