// Totals vitest and Playwright JSON reports into the one closing line CI reads: "N passed, N failed".
//   node dev/test-summary.mjs <dir> <expected report>...   (a missing report counts as one failure)
import fs from "node:fs";
import path from "node:path";

const [dir = "test-results", ...listed] = process.argv.slice(2);
const expected = [...new Set(listed)];
let passed = 0;
let failed = 0;
const failures = [];
const firstLine = (m) =>
  String(m ?? "")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 240) ?? "";
// Playwright nests suites; collect every test whose final result is not the expected one.
function playwrightFailures(suite, into) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status === "unexpected" || t.status === "flaky") {
        const last = t.results?.[t.results.length - 1];
        into.push(`${spec.file}:${spec.line} ${spec.title} (${t.status}): ${firstLine(last?.error?.message)}`);
      }
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, into);
}
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
    for (const suite of r.suites ?? []) playwrightFailures(suite, failures);
    for (const e of r.errors ?? []) failures.push(`${f}: ${firstLine(e.message)}`);
  } else {
    [p, x, s] = [r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests ?? 0)];
    // A file that failed to load has no failed tests but a failed suite.
    const brokenFiles = (r.testResults ?? []).filter(
      (t) => t.status === "failed" && !(t.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    x += brokenFiles;
    for (const t of r.testResults ?? []) {
      const file = path.relative(process.cwd(), t.name ?? "");
      const bad = (t.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of bad) failures.push(`${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
      if (t.status === "failed" && !bad.length) failures.push(`${file}: ${firstLine(t.message)}`);
    }
  }
  passed += p;
  failed += x;
  console.log(`  ${f}: ${p} passed, ${x} failed, ${s} skipped`);
}
if (failures.length) {
  console.log("  failed:");
  for (const l of failures) console.log(`    ${l}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
