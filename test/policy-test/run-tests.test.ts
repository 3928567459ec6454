/**
 * Running cases against a compiled policy: which expected fields are
 * checked and how, and what a failure carries.
 */
import { describe, expect, it } from "vitest";
import { canonicalJson, meetsExpectation } from "../../src/policy-test/compare.js";
import { readTestFile } from "../../src/policy-test/read-test-file.js";
import { readRequestPairs } from "../../src/policy-test/read-request-pairs.js";
import { runTests } from "../../src/policy-test/run-tests.js";
import { policyOf } from "../helpers/policy.js";

/** judy reads `logs-*`; the `analysts` tenant is hers to write. */
const POLICY = policyOf({
  "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n  tenant_permissions:\n    - tenant_patterns: ["analysts"]\n      allowed_actions: ["kibana_all_write"]\n`,
  "roles_mapping.yml": `reader:\n  users: ["judy"]\n`,
  "tenants.yml": `analysts: {}\n`,
});

function run(tests: string) {
  const { cases, diagnostics } = readTestFile("t.yml", `tests:\n${tests}`);
  expect(diagnostics).toEqual([]);
  return runTests(POLICY, cases);
}

const SEARCH = "{ user: { name: judy }, action: indices:data/read/search, indices: [logs-1] }";

describe("running a case", () => {
  it("passes when every expected field matches, whatever fields are left out", () => {
    const result = run(`  - name: a\n    request: ${SEARCH}\n    expect: { decision: allow, roles: [reader], missing: [], reason: null, error: null, restrictions: null }\n`);
    expect(result).toMatchObject({ passed: 1, failed: 0 });
    expect(result.results[0]!.mismatches).toEqual([]);
    expect(result.results[0]!.explanation).toBeUndefined();
  });

  it("fails with one mismatch per differing field, and explains the request", () => {
    const result = run(`  - name: a\n    request: ${SEARCH}\n    expect: { decision: deny, roles: [reader], missing: [read] }\n`);
    expect(result).toMatchObject({ passed: 0, failed: 1 });
    const [failure] = result.results;
    expect(failure!.mismatches.map(({ field, expected, actual }) => ({ field, expected, actual }))).toEqual([
      { field: "decision", expected: "deny", actual: "allow" },
      { field: "missing", expected: ["read"], actual: [] },
    ]);
    expect(failure!.explanation).toMatchObject({ decision: { decision: "allow" }, rule: "index" });
  });

  it("compares the user's tenants with what whoami reports, tenant of the request included", () => {
    const request = "{ user: { name: judy }, action: indices:data/read/search, indices: [.kibana], tenant: analysts }";
    const pass = run(`  - name: a\n    request: ${request}\n    expect: { decision: allow, tenants: { analysts: true, judy: true } }\n`);
    expect(pass.failed).toBe(0);
    const fail = run(`  - name: a\n    request: ${request}\n    expect: { decision: allow, tenants: { analysts: false } }\n`);
    expect(fail.results[0]!.mismatches).toMatchObject([{ field: "tenants", expected: { analysts: false }, actual: { analysts: true, judy: true } }]);
  });

  it("fails a tenants expectation for an invalid user with a note instead of a value", () => {
    // The schema keeps such a request out of test files; a requests.jsonl line can still hold one.
    const [valid] = readTestFile("t.yml", `tests:\n  - name: a\n    request: ${SEARCH}\n    expect: { decision: deny, tenants: {} }\n`).cases;
    const result = runTests(POLICY, [{ ...valid!, request: { kind: "value", value: { user: { name: 5 }, action: "x" } } }]);
    expect(result.results[0]!.mismatches).toEqual([
      expect.objectContaining({ field: "tenants", actual: undefined, note: "the request's user has no tenants: `user.name` must be a string" }),
    ]);
  });
});

describe("running request pairs", () => {
  const pairs = (requests: string, decisions: string) => {
    const { cases } = readRequestPairs({ path: "requests.jsonl", text: requests }, { path: "expected.jsonl", text: decisions });
    return runTests(POLICY, cases);
  };

  it("denies a line that is not JSON with check's error, naming the line", () => {
    const decision = '{"decision":"deny","error":"line 2: not valid JSON (Unexpected token \'o\', \\"not json\\" is not valid JSON)"}';
    const result = pairs(`\nnot json\n`, `${decision}\n`);
    expect(result.results[0]!.decision).toEqual({ decision: "deny", error: expect.stringMatching(/^line 2: not valid JSON/) });
  });

  it("fails a case whose decision has a reason the expected line lacks", () => {
    const result = pairs('{"user": {"name": "bob"}, "action": "indices:data/read/search", "indices": ["logs-1"]}\n', '{"decision":"deny","roles":[],"missing":["indices:data/read/search"]}\n');
    expect(result.results[0]!.mismatches).toEqual([expect.objectContaining({ field: "reason", expected: null, actual: expect.stringMatching(/^no permissions for/) })]);
  });

  it("prefixes a malformed request's error with its line, as check does", () => {
    const result = pairs('\n\n{"user": {}, "action": "x"}\n', '{"decision":"deny","roles":[],"missing":[],"error":"line 3: `user.name` must be a string"}\n');
    expect(result).toMatchObject({ passed: 1, failed: 0 });
  });
});

describe("comparing values", () => {
  it("compares roles and missing privileges as sets", () => {
    expect(meetsExpectation("roles", ["b", "a"], ["a", "b"])).toBe(true);
    expect(meetsExpectation("roles", ["a"], ["a", "b"])).toBe(false);
    expect(meetsExpectation("missing", [], [])).toBe(true);
  });

  it("takes an expected null as: the decision has no such field", () => {
    expect(meetsExpectation("reason", null, undefined)).toBe(true);
    expect(meetsExpectation("reason", null, "no permissions")).toBe(false);
    expect(meetsExpectation("restrictions", { hr: null }, undefined)).toBe(false);
  });

  it("compares objects whatever the order of their keys, and lists in order", () => {
    expect(meetsExpectation("restrictions", { hr: { dls: null, fls: { include: ["a", "b"] } } }, { hr: { fls: { include: ["a", "b"] }, dls: null } })).toBe(true);
    expect(meetsExpectation("restrictions", { hr: { fls: { include: ["b", "a"] } } }, { hr: { fls: { include: ["a", "b"] } } })).toBe(false);
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });
});
