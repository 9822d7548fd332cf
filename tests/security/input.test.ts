import { inputSuite } from "./cases/input-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(inputSuite);
