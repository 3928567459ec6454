/**
 * `policyc test --format junit`: the JUnit XML CI systems read (GitLab,
 * Jenkins, GitHub actions that publish test reports): one `<testsuite>` per
 * test file or `requests.jsonl`, one `<testcase>` per case, a `<failure>`
 * with the differences and the explanation for each failed case. No times
 * or host names: the same run gives the same bytes.
 */
import { mismatchHeadline, describeMismatch } from "./describe-mismatch.js";
import { explanationText } from "./report-text.js";
import type { CaseResult, TestRun } from "./types.js";

export function formatTestRunJunit(run: TestRun): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="policyc test" tests="${run.results.length}" failures="${run.failed}" errors="0">`,
    ...suitesOf(run.results).flatMap(([suite, results]) => suiteLines(suite, results)),
    "</testsuites>",
  ];
  return lines.join("\n") + "\n";
}

/** The results grouped by suite, suites in the order their first case ran. */
function suitesOf(results: readonly CaseResult[]): [string, CaseResult[]][] {
  const suites = new Map<string, CaseResult[]>();
  for (const result of results) {
    const suite = result.testCase.suite;
    suites.set(suite, [...(suites.get(suite) ?? []), result]);
  }
  return [...suites];
}

function suiteLines(suite: string, results: readonly CaseResult[]): string[] {
  const failures = results.filter((result) => result.mismatches.length > 0).length;
  const attributes = `name="${escapeXmlAttribute(suite)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0"`;
  return [`  <testsuite ${attributes}>`, ...results.flatMap(caseLines), "  </testsuite>"];
}

function caseLines(result: CaseResult): string[] {
  const { testCase } = result;
  const { line } = testCase.span.file.lineColumn(testCase.span.start);
  const attributes = `classname="${escapeXmlAttribute(testCase.suite)}" name="${escapeXmlAttribute(testCase.name)}" file="${escapeXmlAttribute(testCase.span.file.path)}" line="${line}"`;
  if (result.mismatches.length === 0) return [`    <testcase ${attributes}/>`];
  const message = result.mismatches.map(mismatchHeadline).join("; ");
  return [`    <testcase ${attributes}>`, `      <failure message="${escapeXmlAttribute(message)}" type="expectation">${escapeXml(failureBody(result))}</failure>`, "    </testcase>"];
}

function failureBody(result: CaseResult): string {
  const explanation = explanationText(result);
  const differences = result.mismatches.flatMap(describeMismatch).join("\n");
  return explanation === undefined ? `${differences}\n` : `${differences}\n\n${explanation}`;
}

/** Text for an attribute: line breaks and tabs as character references, which a parser keeps (it turns literal ones into spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\n\t]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Text for an XML element (or, through {@link escapeXmlAttribute}, an attribute): the five special characters as
 * entities, a carriage return as a character reference, and characters XML 1.0 cannot hold at all (most control
 * characters, lone surrogates, U+FFFE and U+FFFF) written out as `\uXXXX`.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (character) => {
    switch (character) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "'":
        return "&apos;";
      case "\r":
        return "&#13;"; // a parser would turn a literal one into a line feed
      default:
        return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}
