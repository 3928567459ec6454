/**
 * Policy unit tests (`policyc test`): named cases, each a request and what
 * the policy must decide for it, read from test files
 * (`schemas/policy-test.schema.json`) or from the `requests.jsonl` /
 * `expected.jsonl` pairs beside a policy, and what running them found.
 */
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { Explanation } from "../table/explanation.js";
import type { Decision } from "../table/request.js";

/** Any JSON value (test files hold nothing else). */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A field of a decision a case may expect. */
export type ExpectedField = "decision" | "roles" | "reason" | "missing" | "error" | "restrictions" | "tenants";

/** The checked fields in the order reports list them. */
export const EXPECTED_FIELDS: readonly ExpectedField[] = ["decision", "roles", "reason", "missing", "error", "restrictions", "tenants"];

/** One expected field's value and where it is written. */
export interface ExpectedValue {
  readonly value: Json;
  readonly span?: SourceSpan;
}

/** What a case expects: only the fields present are checked. */
export type Expectation = Partial<Readonly<Record<ExpectedField, ExpectedValue>>>;

/** Where a request comes from: a value of a test file, or a line of a `requests.jsonl` that may not be JSON. */
export type CaseRequest = { readonly kind: "value"; readonly value: unknown } | { readonly kind: "unreadable-line"; readonly line: number; readonly reason: string };

export interface TestCase {
  readonly name: string;
  /** The test file, or the `requests.jsonl`, the case comes from: reports group cases by it. */
  readonly suite: string;
  /** Where the case is written (its item in the test file, its request line). */
  readonly span: SourceSpan;
  readonly request: CaseRequest;
  readonly expect: Expectation;
  /**
   * A line of `requests.jsonl`: the actual decision is the one `policyc check`
   * prints for it, whose error names the line.
   */
  readonly requestLine?: number;
}

/** An expected field that differs from the actual one; `actual` is undefined where the decision has no such field. */
export interface Mismatch {
  readonly field: ExpectedField;
  readonly expected: Json;
  readonly actual: Json | undefined;
  readonly span?: SourceSpan;
  /** Why no actual value could be had (the tenants of an invalid user). */
  readonly note?: string;
}

/** What `policyc check` prints for a line that is not JSON: no roles, nothing missing, the error. */
export interface UnreadableLineDecision {
  readonly decision: "deny";
  readonly error: string;
}

/** The decision a case's request got. */
export type ActualDecision = Decision | UnreadableLineDecision;

export interface CaseResult {
  readonly testCase: TestCase;
  readonly decision: ActualDecision;
  readonly mismatches: readonly Mismatch[];
  /** The explanation of a failed case's request (absent when it passed). */
  readonly explanation?: Explanation;
}

export interface TestRun {
  readonly results: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
}
