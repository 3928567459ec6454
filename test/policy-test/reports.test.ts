/**
 * The three reports of a test run: text for people (failures with their
 * differences, then the summary line), JSON for tools, JUnit XML for CI
 * systems — well-formed, escaped, the same bytes for the same run.
 */
import { describe, expect, it } from "vitest";
import { readTestFile } from "../../src/policy-test/read-test-file.js";
import { formatTestRunJson } from "../../src/policy-test/report-json.js";
import { escapeXml, escapeXmlAttribute, formatTestRunJunit } from "../../src/policy-test/report-junit.js";
import { formatTestRunText } from "../../src/policy-test/report-text.js";
import { runTests } from "../../src/policy-test/run-tests.js";
import { policyOf } from "../helpers/policy.js";
import { readXml, type XmlElement } from "./xml-reader.js";

const POLICY = policyOf({
  "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n`,
  "roles_mapping.yml": `reader:\n  users: ["judy"]\n`,
});

/** A name with every character XML treats specially, a control character and a tab. */
const AWKWARD_NAME = `judy's <search> & "more"\u0001\there`;

const TESTS = `tests:
  - name: ${JSON.stringify(AWKWARD_NAME)}
    request: { user: { name: judy }, action: indices:data/read/search, indices: [logs-1] }
    expect: { decision: allow }
  - name: judy deletes
    request: { user: { name: judy }, action: indices:admin/delete, indices: [logs-1] }
    expect: { decision: allow, roles: [reader, writer] }
`;

const run = runTests(POLICY, readTestFile("p/tests.yml", TESTS).cases);

describe("the text report", () => {
  const text = formatTestRunText(run);

  it("ends with the summary line", () => {
    expect(text.endsWith("\n1 passed, 1 failed\n")).toBe(true);
  });

  it("shows each failure with where it is, what differs and the explanation", () => {
    expect(text).toContain("FAIL p/tests.yml:5:5 judy deletes\n");
    expect(text).toContain('  decision: expected "allow", got "deny" (expected at p/tests.yml:7:25)\n');
    expect(text).toContain('  roles: expected ["reader","writer"], got ["reader"] (expected at p/tests.yml:7:39)\n    - "writer" expected, not there\n');
    expect(text).toContain("  explain:\n    request:  user `judy`, action `indices:admin/delete` on `logs-1`\n");
  });

  it("does not list passed cases", () => {
    expect(text).not.toContain("judy's");
  });
});

describe("the JSON report", () => {
  const report = JSON.parse(formatTestRunJson(run)) as { passed: number; failed: number; tests: Record<string, unknown>[] };

  it("counts the cases and lists every one with its location, status and decision", () => {
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.tests.map((t) => [t["name"], t["file"], t["line"], t["column"], t["status"]])).toEqual([
      [AWKWARD_NAME, "p/tests.yml", 2, 5, "passed"],
      ["judy deletes", "p/tests.yml", 5, 5, "failed"],
    ]);
    expect(report.tests[0]).toMatchObject({ suite: "p/tests.yml", decision: { decision: "allow", roles: ["reader"] } });
    expect(report.tests[0]).not.toHaveProperty("explanation");
  });

  it("gives a failure its mismatches with their locations, and the explanation", () => {
    expect(report.tests[1]!["mismatches"]).toEqual([
      { field: "decision", expected: "allow", actual: "deny", at: { file: "p/tests.yml", line: 7, column: 25 } },
      { field: "roles", expected: ["reader", "writer"], actual: ["reader"], at: { file: "p/tests.yml", line: 7, column: 39 } },
    ]);
    expect(report.tests[1]!["explanation"]).toMatchObject({ decision: { decision: "deny" }, rule: "index" });
  });
});

describe("the JUnit report", () => {
  const xml = formatTestRunJunit(run);
  const root = readXml(xml);
  const suite = root.children[0]!;
  const [passed, failed] = suite.children as [XmlElement, XmlElement];

  it("is well-formed XML: testsuites, one testsuite per file, one testcase per case", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(root).toMatchObject({ name: "testsuites", attributes: { name: "policyc test", tests: "2", failures: "1", errors: "0" } });
    expect(root.children.map((child) => child.name)).toEqual(["testsuite"]);
    expect(suite.attributes).toEqual({ name: "p/tests.yml", tests: "2", failures: "1", errors: "0", skipped: "0" });
    expect(suite.children.map((child) => child.name)).toEqual(["testcase", "testcase"]);
  });

  it("keeps a name with special characters intact, a forbidden control character written out", () => {
    expect(passed.attributes).toEqual({ classname: "p/tests.yml", name: AWKWARD_NAME.replace("\u0001", "\\u0001"), file: "p/tests.yml", line: "2" });
    expect(passed.children).toEqual([]);
  });

  it("gives a failed case a failure with the headlines as message and differences and explanation as text", () => {
    const [failure] = failed.children;
    expect(failure!.name).toBe("failure");
    expect(failure!.attributes).toEqual({ type: "expectation", message: 'decision: expected "allow", got "deny"; roles: expected ["reader","writer"], got ["reader"]' });
    expect(failure!.text).toContain('roles: expected ["reader","writer"], got ["reader"] (expected at p/tests.yml:7:39)\n  - "writer" expected, not there\n\nrequest:  user `judy`');
  });

  it("is the same text for the same run", () => {
    expect(formatTestRunJunit(runTests(POLICY, readTestFile("p/tests.yml", TESTS).cases))).toBe(xml);
  });
});

describe("escaping for XML", () => {
  it("writes the special characters as entities and a carriage return as a reference", () => {
    expect(escapeXml(`a<b>&"c"'d'\r\n`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#13;\n");
  });

  it("writes out characters XML 1.0 cannot hold, lone surrogates included, and keeps pairs", () => {
    expect(escapeXml("\u0000\u001f\ufffe\ud800x\udc00 \ud83d\ude00")).toBe("\\u0000\\u001f\\ufffe\\ud800x\\udc00 \ud83d\ude00");
  });

  it("keeps line breaks and tabs of attributes as references", () => {
    expect(escapeXmlAttribute("a\nb\tc")).toBe("a&#10;b&#9;c");
    expect(readXml(`<a b="${escapeXmlAttribute("x\ny\tz")}"/>`).attributes["b"]).toBe("x\ny\tz");
  });
});

describe("the XML reader the JUnit tests rely on", () => {
  it("refuses what is not well-formed, so that a report it reads is", () => {
    expect(() => readXml("<a>&</a>")).toThrow("a bare `&`");
    expect(() => readXml("<a><b></a></b>")).toThrow("`b` closed by `a`");
    expect(() => readXml('<a x="1" x="2"/>')).toThrow("given twice");
    expect(() => readXml("<a>\u0001</a>")).toThrow("XML 1.0");
    expect(() => readXml("<a/><b/>")).toThrow("text after the root element");
  });
});
