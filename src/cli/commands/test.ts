/**
 * `policyc test`: policy unit tests. Runs named cases (a request and the
 * decision expected for it) from test files, or the `requests.jsonl` /
 * `expected.jsonl` pairs beside the policy, and reports each failure with
 * what differs and the explanation of its request, then `N passed, M
 * failed`. Exit 0 when all pass, 1 when one fails (or the policy or a test
 * file has errors), 2 on usage or I/O errors.
 */
import type { Command } from "commander";
import { findTests, isTestPath } from "../../policy-test/find-tests.js";
import { formatTestRunJson } from "../../policy-test/report-json.js";
import { formatTestRunJunit } from "../../policy-test/report-junit.js";
import { formatTestRunText } from "../../policy-test/report-text.js";
import { runTests } from "../../policy-test/run-tests.js";
import type { TestRun } from "../../policy-test/types.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { renderDiagnostics } from "../output.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption } from "../sources.js";
import { loadExplainablePolicy } from "./explain.js";

type TestFormat = "text" | "json" | "junit";

interface TestOptions {
  readonly settings?: string;
  readonly flavor?: string;
  readonly format: string;
}

export function registerTest(program: Command): void {
  program
    .command("test")
    .description("run policy unit tests: requests with the decisions expected for them; exit 1 when one fails")
    .argument(
      "<paths...>",
      "the policy (configuration directory, YAML files, .policy files or a compiled policy.json), then test files (`*tests.yml`, `*tests.json`) or requests files (`*.jsonl`, decisions in the `expected` file); without test paths, the tests beside the policy",
    )
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option("--format <format>", "`text`, `json` or `junit` (JUnit XML, for CI systems)", "text")
    .action((paths: string[], options: TestOptions) => {
      const format = testFormat(options.format);
      const policyPaths = paths.filter((path) => !isTestPath(path));
      if (policyPaths.length === 0) throw new CliError("give the policy before the test files");
      const tests = findTests(policyPaths, paths.filter(isTestPath));
      process.stderr.write(renderDiagnostics(tests.diagnostics, "text"));
      const policy = loadExplainablePolicy(policyPaths, options.settings, flavorOption(options.flavor));
      if (!policy || tests.diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const run = runTests(policy, tests.cases);
      process.stdout.write(formatRun(run, format));
      process.exitCode = run.failed > 0 ? EXIT_POLICY_ERRORS : EXIT_OK;
    });
}

function testFormat(value: string): TestFormat {
  if (value === "text" || value === "json" || value === "junit") return value;
  throw new CliError(`unknown format \`${value}\`; use \`text\`, \`json\` or \`junit\``);
}

function formatRun(run: TestRun, format: TestFormat): string {
  switch (format) {
    case "text":
      return formatTestRunText(run);
    case "json":
      return formatTestRunJson(run);
    case "junit":
      return formatTestRunJunit(run);
  }
}
