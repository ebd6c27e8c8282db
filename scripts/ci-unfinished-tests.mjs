// CI (.ci/run): the test files to run once more after a Vitest run that failed with no failing test.
// Vitest 4's forks pool now and then loses a worker that exits on its own ("Worker exited unexpectedly",
// vitest-dev/vitest#10587 and the reports it links): the run fails, no test has failed, and the tests of the
// file that worker held stay "pending", never finished. Those files are printed (one line, space-separated)
// for the caller to run again. Anything else exits 1 and prints why: a failed test, a failed file, or a
// failed run with nothing unfinished to explain it.
import { readFileSync } from "node:fs";
import path from "node:path";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (report.numFailedTests > 0 || report.numFailedTestSuites > 0) {
  console.error(`${report.numFailedTests} failed tests, ${report.numFailedTestSuites} failed suites: not a lost worker`);
  process.exit(1);
}
const unfinished = report.testResults
  .filter((file) => file.status !== "passed" || file.assertionResults.some((t) => t.status === "pending"))
  .map((file) => path.relative(process.cwd(), file.name));
if (unfinished.length === 0) {
  console.error("the run failed with every test finished: not a lost worker");
  process.exit(1);
}
console.log(unfinished.join(" "));
