import { recordsSuite } from "./cases/records-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(recordsSuite);
