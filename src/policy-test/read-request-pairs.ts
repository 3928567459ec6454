/**
 * A `requests.jsonl` with its `expected.jsonl` (the decisions `policyc check`
 * prints for it, one per request) as test cases named
 * `<path>/requests.jsonl:<line>`. Each case expects the whole decision: a
 * `reason`, `error` or `restrictions` the expected line does not have must
 * be absent from the actual one too.
 */
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import { SourceFile, spanOf, type SourceSpan } from "../diagnostics/source-file.js";
import { EXPECTED_FIELDS, type Expectation, type ExpectedField, type Json, type TestCase } from "./types.js";

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** Fields a decision may have that a test can expect; `tenants` is no decision field. */
const DECISION_FIELDS = EXPECTED_FIELDS.filter((field) => field !== "tenants");
/** Absent from an expected decision: the actual one must not have it either. */
const ABSENT_MEANS_NONE: readonly ExpectedField[] = ["reason", "error", "restrictions"];

/** One case per non-blank request line, paired in order with the non-blank lines of `expected`. */
export function readRequestPairs(requests: TextFile, expected: TextFile): { cases: TestCase[]; diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const requestFile = new SourceFile(requests.path, requests.text);
  const expectedFile = new SourceFile(expected.path, expected.text);
  const requestLines = nonBlankLines(requests.text);
  const expectedLines = nonBlankLines(expected.text);
  if (requestLines.length !== expectedLines.length) {
    const message = `${code(expected.path)} holds ${expectedLines.length} decisions for the ${requestLines.length} requests of ${code(requests.path)}`;
    sink.report("PC2007", message, spanOf(expectedFile, 0), { help: "keep one decision per request, in the same order (`policyc check` prints them)" });
    return { cases: [], diagnostics: sortDiagnostics(sink.diagnostics) };
  }
  const cases = requestLines.flatMap((request, i) => {
    const decision = expectedLines[i]!;
    const expectation = expectationOf(decision.text, lineSpan(expectedFile, decision.line), sink);
    return expectation ? [caseOf(requests.path, request, lineSpan(requestFile, request.line), expectation)] : [];
  });
  return { cases: sink.hasErrors() ? [] : cases, diagnostics: sortDiagnostics(sink.diagnostics) };
}

interface Line {
  readonly line: number;
  readonly text: string;
}

function nonBlankLines(text: string): Line[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((line) => line.text.trim() !== "");
}

function lineSpan(file: SourceFile, line: number): SourceSpan {
  const start = file.offsetOf(line, 1);
  return spanOf(file, start, start + file.lineText(line).length);
}

function caseOf(path: string, request: Line, span: SourceSpan, expect: Expectation): TestCase {
  let value: unknown;
  try {
    value = JSON.parse(request.text);
  } catch (error) {
    const reason = `not valid JSON (${(error as Error).message})`;
    return { name: `${path}:${request.line}`, suite: path, span, request: { kind: "unreadable-line", line: request.line, reason }, expect, requestLine: request.line };
  }
  return { name: `${path}:${request.line}`, suite: path, span, request: { kind: "value", value }, expect, requestLine: request.line };
}

/** The expected decision of one line as an expectation, or undefined (reported) when it is not a decision. */
function expectationOf(text: string, span: SourceSpan, sink: DiagnosticSink): Expectation | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    sink.report("PC2001", `the expected decision is not valid JSON (${(error as Error).message})`, span);
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    sink.report("PC2007", "the expected decision must be a JSON object, as `policyc check` prints it", span);
    return undefined;
  }
  const decision = value as Record<string, Json>;
  const problem = decisionProblem(decision);
  if (problem) {
    sink.report("PC2007", problem, span);
    return undefined;
  }
  const expectation: { [field: string]: { value: Json; span: SourceSpan } } = {};
  for (const field of DECISION_FIELDS) {
    if (Object.hasOwn(decision, field)) expectation[field] = { value: decision[field]!, span };
    else if (ABSENT_MEANS_NONE.includes(field)) expectation[field] = { value: null, span };
  }
  return expectation;
}

/** What makes an object no decision: an unknown field, or a field of the wrong type. */
function decisionProblem(decision: Record<string, Json>): string | undefined {
  const unknown = Object.keys(decision).find((key) => !(DECISION_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) return `the expected decision has an unknown field ${code(unknown)}`;
  if (decision["decision"] !== "allow" && decision["decision"] !== "deny") return "the expected decision's `decision` must be `allow` or `deny`";
  for (const field of ["roles", "missing"]) {
    const list = decision[field];
    if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === "string"))) return `the expected decision's ${code(field)} must be a list of strings`;
  }
  for (const field of ["reason", "error"]) {
    if (decision[field] !== undefined && typeof decision[field] !== "string") return `the expected decision's ${code(field)} must be a string`;
  }
  const restrictions = decision["restrictions"];
  if (restrictions !== undefined && (typeof restrictions !== "object" || restrictions === null || Array.isArray(restrictions))) {
    return "the expected decision's `restrictions` must be an object";
  }
  return undefined;
}
