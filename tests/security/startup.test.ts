import { startupSuite } from "./cases/startup-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(startupSuite);
