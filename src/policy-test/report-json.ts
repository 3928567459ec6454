/**
 * `policyc test --format json`: one JSON document with the counts and every
 * case in the order run — where it is written, whether it passed, the
 * decision it got, and for a failure each differing field and the
 * explanation of its request.
 */
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { CaseResult, Mismatch, TestRun } from "./types.js";

export function formatTestRunJson(run: TestRun): string {
  const document = { passed: run.passed, failed: run.failed, tests: run.results.map(caseJson) };
  return JSON.stringify(document, null, 2) + "\n";
}

function caseJson(result: CaseResult): object {
  const { testCase, decision, mismatches, explanation } = result;
  const head = { name: testCase.name, suite: testCase.suite, ...locationJson(testCase.span), status: mismatches.length === 0 ? "passed" : "failed", decision };
  if (mismatches.length === 0) return head;
  return { ...head, mismatches: mismatches.map(mismatchJson), ...(explanation ? { explanation } : {}) };
}

function mismatchJson(mismatch: Mismatch): object {
  return {
    field: mismatch.field,
    expected: mismatch.expected,
    ...(mismatch.actual !== undefined ? { actual: mismatch.actual } : {}),
    ...(mismatch.note !== undefined ? { note: mismatch.note } : {}),
    ...(mismatch.span ? { at: locationJson(mismatch.span) } : {}),
  };
}

function locationJson(span: SourceSpan): { file: string; line: number; column: number } {
  const { line, column } = span.file.lineColumn(span.start);
  return { file: span.file.path, line, column };
}
