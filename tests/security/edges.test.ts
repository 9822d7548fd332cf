import { edgeSuite } from "./cases/edge-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(edgeSuite);
