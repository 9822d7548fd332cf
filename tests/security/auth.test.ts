import { authSuite } from "./cases/auth-cases";
import { describeSuite } from "./support/run-suite";

describeSuite(authSuite);
