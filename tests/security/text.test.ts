import { textSuite } from "./cases/text-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(textSuite);
