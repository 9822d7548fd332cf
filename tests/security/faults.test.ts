import { faultSuite } from "./cases/fault-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(faultSuite);
