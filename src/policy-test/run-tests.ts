/**
 * Runs test cases against a loaded policy: each request is decided as
 * `policyc check` decides it, each expected field compared, and a failed
 * case's request explained (what `policyc explain` says of it).
 */
import type { Explanation } from "../table/explanation.js";
import type { AuthInfo, Decision } from "../table/request.js";
import { meetsExpectation } from "./compare.js";
import { EXPECTED_FIELDS, type ActualDecision, type CaseResult, type ExpectedField, type Json, type Mismatch, type TestCase, type TestRun } from "./types.js";

/** What running tests needs of a policy (the runtime's `Policy` has it). */
export interface TestablePolicy {
  authorize(request: unknown): Decision;
  whoami(user: unknown, tenant?: string): AuthInfo;
  explain(request: unknown): Explanation;
}

export function runTests(policy: TestablePolicy, cases: readonly TestCase[]): TestRun {
  const results = cases.map((testCase) => runCase(policy, testCase));
  const failed = results.filter((result) => result.mismatches.length > 0).length;
  return { results, passed: results.length - failed, failed };
}

export function runCase(policy: TestablePolicy, testCase: TestCase): CaseResult {
  const decision = decide(policy, testCase);
  const mismatches = EXPECTED_FIELDS.flatMap((field) => mismatchOf(policy, testCase, decision, field));
  if (mismatches.length === 0) return { testCase, decision, mismatches };
  const { request } = testCase;
  return request.kind === "value" ? { testCase, decision, mismatches, explanation: policy.explain(request.value) } : { testCase, decision, mismatches };
}

/** The decision `policyc check` prints for the request: a line that is not JSON, or a malformed request, names its line. */
function decide(policy: TestablePolicy, testCase: TestCase): ActualDecision {
  const { request, requestLine } = testCase;
  if (request.kind === "unreadable-line") return { decision: "deny", error: `line ${request.line}: ${request.reason}` };
  const decision = policy.authorize(request.value);
  if (requestLine === undefined || decision.error === undefined) return decision;
  return { ...decision, error: `line ${requestLine}: ${decision.error}` };
}

function mismatchOf(policy: TestablePolicy, testCase: TestCase, decision: ActualDecision, field: ExpectedField): Mismatch[] {
  const expected = testCase.expect[field];
  if (!expected) return [];
  const span = expected.span ? { span: expected.span } : {};
  const actual = field === "tenants" ? tenantsOf(policy, testCase) : { value: decisionField(decision, field) };
  if ("note" in actual) return [{ field, expected: expected.value, actual: undefined, note: actual.note, ...span }];
  return meetsExpectation(field, expected.value, actual.value) ? [] : [{ field, expected: expected.value, actual: actual.value, ...span }];
}

function decisionField(decision: ActualDecision, field: Exclude<ExpectedField, "tenants">): Json | undefined {
  return (decision as Partial<Record<ExpectedField, Json>>)[field];
}

/** The tenants `whoami` reports for the request's user and tenant, or why there are none. */
function tenantsOf(policy: TestablePolicy, testCase: TestCase): { value: Json } | { note: string } {
  const { request } = testCase;
  if (request.kind !== "value") return { note: `the request is not JSON: ${request.reason}` };
  const value = request.value as { user?: unknown; tenant?: unknown } | null;
  const user = typeof value === "object" && value !== null ? value.user : undefined;
  const tenant = typeof value === "object" && value !== null && typeof value.tenant === "string" ? value.tenant : undefined;
  try {
    return { value: policy.whoami(user, tenant).tenants };
  } catch (error) {
    if (error instanceof TypeError) return { note: `the request's user has no tenants: ${error.message}` };
    throw error;
  }
}
