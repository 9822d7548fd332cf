import { digestSuite } from "./cases/digest-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(digestSuite);
