import { loadSuite } from "./cases/load-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(loadSuite);
