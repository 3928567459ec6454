/**
 * `policyc test --format text`: each failed case with what differs and the
 * explanation of its request, then the summary line `N passed, M failed`.
 * Passed cases are only counted.
 */
import { formatExplanationText } from "../cli/explanation-text.js";
import { formatLocation } from "../diagnostics/source-file.js";
import { describeMismatch } from "./describe-mismatch.js";
import type { CaseResult, TestRun } from "./types.js";

export function formatTestRunText(run: TestRun): string {
  const failures = run.results.filter((result) => result.mismatches.length > 0).map(failureText);
  return [...failures, summaryLine(run)].join("\n");
}

export function summaryLine(run: TestRun): string {
  return `${run.passed} passed, ${run.failed} failed\n`;
}

/** The case's headline, its differences and (indented) the explanation of its request. */
export function failureText(result: CaseResult): string {
  const lines = [`FAIL ${caseTitle(result)}`, ...result.mismatches.flatMap(describeMismatch).map((line) => `  ${line}`)];
  const explanation = explanationText(result);
  if (explanation !== undefined) lines.push("  explain:", ...indent(explanation, "    "));
  return lines.join("\n") + "\n";
}

/** A test file's case: its location and name; a `requests.jsonl` line: its name, which is its location. */
export function caseTitle({ testCase }: CaseResult): string {
  return testCase.requestLine !== undefined ? testCase.name : `${formatLocation(testCase.span)} ${testCase.name}`;
}

export function explanationText(result: CaseResult): string | undefined {
  const { request } = result.testCase;
  if (!result.explanation || request.kind !== "value") return undefined;
  return formatExplanationText(request.value, result.explanation);
}

function indent(text: string, prefix: string): string[] {
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => (line === "" ? "" : prefix + line));
}
