/**
 * Reading a test file: its cases with where each is written, and every
 * problem as a diagnostic at its line and column.
 */
import { describe, expect, it } from "vitest";
import { formatLocation } from "../../src/diagnostics/source-file.js";
import { readTestFile } from "../../src/policy-test/read-test-file.js";

/** `line:col code message` of each diagnostic. */
function problems(path: string, text: string): string[] {
  return readTestFile(path, text).diagnostics.map((d) => {
    const { line, column } = d.span!.file.lineColumn(d.span!.start);
    return `${line}:${column} ${d.code} ${d.message}`;
  });
}

const TWO_CASES = `# yaml-language-server: $schema=../schemas/policy-test.schema.json
description: two cases
tests:
  - name: judy searches logs
    request:
      user: { name: judy, backend_roles: [IT] }
      action: indices:data/read/search
      indices: [logs-1]
    expect:
      decision: allow
      roles: [reader]
  - name: judy may not delete
    request: { user: { name: judy }, action: indices:admin/delete, indices: [logs-1] }
    expect: { decision: deny, reason: null, missing: [indices:admin/delete] }
`;

describe("a valid test file", () => {
  const { cases, diagnostics } = readTestFile("t/policy-tests.yml", TWO_CASES);

  it("has no diagnostics and one case per item, in order", () => {
    expect(diagnostics).toEqual([]);
    expect(cases.map((c) => c.name)).toEqual(["judy searches logs", "judy may not delete"]);
  });

  it("gives each case the request as plain JSON and its file as suite", () => {
    expect(cases[0]!.request).toEqual({ kind: "value", value: { user: { name: "judy", backend_roles: ["IT"] }, action: "indices:data/read/search", indices: ["logs-1"] } });
    expect(Object.getPrototypeOf(cases[0]!.request.kind === "value" ? cases[0]!.request.value : null)).toBe(Object.prototype);
    expect(cases.map((c) => c.suite)).toEqual(["t/policy-tests.yml", "t/policy-tests.yml"]);
  });

  it("locates each case at its list item and each expected field at its value", () => {
    expect(cases.map((c) => formatLocation(c.span))).toEqual(["t/policy-tests.yml:4:5", "t/policy-tests.yml:12:5"]);
    expect(formatLocation(cases[0]!.expect.roles!.span!)).toBe("t/policy-tests.yml:11:14");
    expect(formatLocation(cases[1]!.expect.missing!.span!)).toBe("t/policy-tests.yml:14:54");
  });

  it("keeps only the fields the case expects, an explicit null included", () => {
    expect(Object.keys(cases[0]!.expect)).toEqual(["decision", "roles"]);
    expect(cases[1]!.expect.reason?.value).toBeNull();
  });
});

describe("a JSON test file", () => {
  it("is read like YAML, with locations", () => {
    const text = '{\n  "tests": [\n    {"name": "a", "request": {"user": {"name": "x"}, "action": "y"}, "expect": {"decision": "deny"}}\n  ]\n}\n';
    const { cases, diagnostics } = readTestFile("t/tests.json", text);
    expect(diagnostics).toEqual([]);
    expect(cases.map((c) => [c.name, formatLocation(c.span)])).toEqual([["a", "t/tests.json:3:5"]]);
  });

  it("reports a syntax error as such, not as a YAML one", () => {
    expect(problems("t/tests.json", '{"tests": [\n  {"name": "a",, }\n]}')).toEqual(["2:16 PC2001 syntax error: expected the node content, but found ','"]);
  });
});

describe("a test file with problems", () => {
  it("reports an unknown key with a did-you-mean at the key", () => {
    const text = "tests:\n  - name: a\n    request: { user: { name: x }, action: y }\n    expected: { decision: allow }\n";
    expect(problems("t.yml", text)).toEqual([
      "2:5 PC2007 test 1 (`a`) has no `expect`",
      "4:5 PC2007 unknown key `expected` in test 1 (`a`); did you mean `expect`?",
    ]);
  });

  it("reports a wrong value at the value, saying what was written and what is allowed", () => {
    const text = "tests:\n  - name: a\n    request: { user: { name: 5 }, action: y }\n    expect: { decision: maybe, reason: 3, restrictions: [] }\n";
    expect(problems("t.yml", text)).toEqual([
      "3:30 PC2007 `name` of `user` of `request` of test 1 (`a`) must be a string, not `5`",
      "4:25 PC2007 `decision` of `expect` of test 1 (`a`) must be `allow` or `deny`, not `maybe`",
      "4:40 PC2007 `reason` of `expect` of test 1 (`a`) must be a string or `null`, not `3`",
      "4:57 PC2007 `restrictions` of `expect` of test 1 (`a`) must be a mapping or `null`, not a list",
    ]);
  });

  it("reports a role listed twice at its repetition", () => {
    const text = "tests:\n  - name: a\n    request: { user: { name: x }, action: y }\n    expect: { decision: deny, roles: [r, s, r] }\n";
    expect(problems("t.yml", text)).toEqual(["4:45 PC2007 `roles` of `expect` of test 1 (`a`) lists `r` twice"]);
  });

  it("reports a test name used twice at the second use, pointing to the first", () => {
    const item = "  - name: same\n    request: { user: { name: x }, action: y }\n    expect: { decision: deny }\n";
    const { cases, diagnostics } = readTestFile("t.yml", `tests:\n${item}${item}`);
    expect(cases).toEqual([]);
    expect(diagnostics.map((d) => [formatLocation(d.span!), d.code, d.message, d.related.map((r) => formatLocation(r.span))])).toEqual([
      ["t.yml:5:11", "PC3005", "the test name `same` is used twice in the file", ["t.yml:2:11"]],
    ]);
  });

  it("says that policyc, not the plugin, rejects a duplicate key", () => {
    expect(problems("t.yml", "tests: []\ntests: []\n")).toEqual(["2:1 PC2002 duplicate key `tests`; policyc rejects the file"]);
  });

  it("reports an empty file and a file that is not a mapping of tests", () => {
    expect(problems("t.yml", "# nothing\n")).toEqual(["1:1 PC2007 the test file is empty; it must be a mapping with a list of `tests`"]);
    expect(problems("t.yml", "- name: a\n")).toEqual(["1:1 PC2007 the test file must be a mapping, not a list"]);
    expect(problems("t.yml", "description: x\n")).toEqual(["1:1 PC2007 the test file has no `tests`"]);
  });

  it("reports a YAML syntax error at its place and reads nothing else", () => {
    expect(problems("t.yml", "tests:\n  - name: a\n    request: {\n")).toEqual(["4:1 PC2001 yaml syntax error: deficient indentation"]);
  });
});
