// Totals vitest and Playwright JSON reports into the one closing line CI reads: "N passed, N failed".
//   node dev/test-summary.mjs <dir> <expected report>...   (a missing report counts as one failure)
import fs from "node:fs";
import path from "node:path";

const [dir = "test-results", ...listed] = process.argv.slice(2);
const expected = [...new Set(listed)];
let passed = 0;
let failed = 0;
for (const f of expected) {
  const file = path.join(dir, f);
  if (!fs.existsSync(file)) {
    console.log(`  ${f}: missing (the suite did not run to the end): counted as 1 failed`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  let p, x, s;
  if (r.stats && "expected" in r.stats) {
    // Playwright: expected = passed, unexpected = failed; flaky (passed only on retry) counts as failed.
    [p, x, s] = [r.stats.expected, r.stats.unexpected + (r.stats.flaky ?? 0), r.stats.skipped];
    if (r.errors?.length) x += r.errors.length; // global setup or worker errors
  } else {
    [p, x, s] = [r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests ?? 0)];
    // A file that failed to load has no failed tests but a failed suite.
    const brokenFiles = (r.testResults ?? []).filter((t) => t.status === "failed" && !(t.assertionResults ?? []).some((a) => a.status === "failed")).length;
    x += brokenFiles;
  }
  passed += p;
  failed += x;
  console.log(`  ${f}: ${p} passed, ${x} failed, ${s} skipped`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
