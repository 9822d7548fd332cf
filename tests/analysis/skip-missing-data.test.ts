import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./support";

describe("shared data tests without the data folder", () => {
  it("when DISPARITY_DATA_DIR names a missing folder, then the real-data tests are skipped with the reason printed", function () {
    this.timeout(60_000);
    const missing = path.join(REPO_ROOT, "no-such-data-folder");
    const mocha = path.join(REPO_ROOT, "node_modules/mocha/bin/mocha.js");
    const run = spawnSync(
      process.execPath,
      [mocha, "--no-config", "--require", "tsx/cjs", "--extension", "ts", "--reporter", "dot", "tests/analysis/shared-data.test.ts"],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DISPARITY_DATA_DIR: missing },
        encoding: "utf8",
      },
    );
    const output = run.stdout + run.stderr;
    assert.equal(run.status, 0, output);
    assert.ok(output.includes(`skipping: real data folder ${missing} is missing`), output);
    assert.match(output, /0 passing/);
    assert.match(output, /\d+ pending/);
    assert.doesNotMatch(output, /failing/);
  });
});
