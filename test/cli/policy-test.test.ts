/**
 * `policyc test`: every example's tests pass (golden reports under
 * test/golden/cli/policy-test/); a wrong expectation fails with exit 1 and
 * shows what differs and the explanation; a malformed test file is reported
 * at its line and column; which tests run when none is named; the formats.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { readXml } from "../policy-test/xml-reader.js";

const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .filter((name) => statSync(join(ROOT, "examples", name)).isDirectory())
  .sort();

const nonBlankLines = (path: string): number =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "").length;

interface JsonReport {
  passed: number;
  failed: number;
  tests: { name: string; suite: string; status: string; mismatches?: unknown[] }[];
}

describe.each(EXAMPLES)("policyc test on example %s", (name) => {
  const policy = join("examples", name);

  it("passes every test beside the policy, exit 0", async () => {
    const result = runCli(["test", policy]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`../golden/cli/policy-test/${name}.txt`);
  });

  it("runs each request of requests.jsonl as a case, in the JSON report", async () => {
    const result = runCli(["test", policy, "--format", "json"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    const pairs = report.tests.filter((test) => test.suite === join(policy, "requests.jsonl"));
    expect(pairs).toHaveLength(nonBlankLines(join(ROOT, policy, "requests.jsonl")));
    expect(report.failed).toBe(0);
    expect(report.tests.every((test) => test.status === "passed")).toBe(true);
    await expect(result.stdout).toMatchFileSnapshot(`../golden/cli/policy-test/${name}.json`);
  });
});

describe("the test file of examples/cat-shards-denial", () => {
  it("runs with the request pairs, named after its cases, and as JUnit XML", async () => {
    const result = runCli(["test", "examples/cat-shards-denial", "--format", "junit"]);
    expect(result.status).toBe(0);
    const suites = readXml(result.stdout).children;
    expect(suites.map((suite) => [suite.attributes["name"], suite.attributes["tests"], suite.attributes["failures"]])).toEqual([
      ["examples/cat-shards-denial/policy-tests.yml", "4", "0"],
      ["examples/cat-shards-denial/requests.jsonl", "3", "0"],
    ]);
    expect(suites[0]!.children.map((test) => test.attributes["name"])).toContain("test-user is denied the index statistics of _cat/shards");
    await expect(result.stdout).toMatchFileSnapshot("../golden/cli/policy-test/cat-shards-denial.junit.xml");
  });

  it("runs the same from the example's .policy file", () => {
    const fromDsl = runCli(["test", "examples/cat-shards-denial/cat-shards-denial.policy"]);
    expect(fromDsl).toMatchObject({ status: 0, stdout: "7 passed, 0 failed\n" });
  });
});

const dir = mkdtempSync(join(tmpdir(), "policyc-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const CAT_SHARDS = "examples/cat-shards-denial";
const POLICY_FILES = [join(CAT_SHARDS, "roles.yml"), join(CAT_SHARDS, "roles_mapping.yml")];

const WRONG = written(
  "wrong-tests.yml",
  `tests:
  - name: test-user reads the cluster state
    request: { user: { name: test-user }, action: cluster:monitor/state }
    expect: { decision: allow }
  - name: test-user reads index statistics
    request:
      user: { name: test-user }
      action: indices:monitor/stats
      indices: [logs-2026]
    expect:
      decision: allow
      roles: [cluster_monitor_only, monitor]
      tenants: { test-user: true, global_tenant: false }
`,
);

describe("policyc test with a wrong expectation", () => {
  it("exits 1 and shows the differences, the explanation and the summary line", async () => {
    const result = runCli(["test", ...POLICY_FILES, WRONG]);
    expect(result.status).toBe(1);
    expect(result.stdout.endsWith("\n1 passed, 1 failed\n")).toBe(true);
    await expect(result.stdout.replaceAll(dir, "<dir>")).toMatchFileSnapshot("../golden/cli/policy-test/wrong-expectation.txt");
  });

  it("reports the failure in JUnit XML with the differences in the failure's message", () => {
    const result = runCli(["test", ...POLICY_FILES, WRONG, "--format", "junit"]);
    expect(result.status).toBe(1);
    const [suite] = readXml(result.stdout).children;
    expect(suite!.attributes).toMatchObject({ tests: "2", failures: "1" });
    const failure = suite!.children[1]!.children[0]!;
    expect(failure.attributes["message"]).toBe(
      'decision: expected "allow", got "deny"; roles: expected ["cluster_monitor_only","monitor"], got ["cluster_monitor_only"]; tenants: expected {"test-user":true,"global_tenant":false}, got {"test-user":true}',
    );
    expect(failure.text).toContain("missing:\n  index `logs-2026`: `indices:monitor/stats`\n");
  });

  it("lists the mismatches in the JSON report", () => {
    const report = JSON.parse(runCli(["test", ...POLICY_FILES, WRONG, "--format", "json"]).stdout) as JsonReport;
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.tests[1]!.mismatches).toHaveLength(3);
  });
});

describe("policyc test with a malformed test file", () => {
  it("reports each problem at its line and column and exits 1 without running", () => {
    const path = written("bad-tests.yml", "tests:\n  - name: a\n    request: { user: { name: x }, action: y }\n    expected: { decision: allow }\n");
    const result = runCli(["test", ...POLICY_FILES, path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `${path}:2:5: error PC2007: test 1 (\`a\`) has no \`expect\`\n${path}:4:5: error PC2007: unknown key \`expected\` in test 1 (\`a\`); did you mean \`expect\`?\n`,
    );
  });

  it("reports an expected.jsonl that does not fit its requests.jsonl, and exits 1", () => {
    const pair = join(dir, "pair");
    mkdirSync(pair);
    writeFileSync(join(pair, "requests.jsonl"), '{"user": {"name": "a"}, "action": "x"}\n');
    writeFileSync(join(pair, "expected.jsonl"), '{"decision": "deny"}\n{"decision": "deny"}\n');
    const result = runCli(["test", ...POLICY_FILES, join(pair, "requests.jsonl")]);
    expect(result).toMatchObject({ status: 1, stdout: "" });
    expect(result.stderr).toContain(`${join(pair, "expected.jsonl")}:1:1: error PC2007: \`${join(pair, "expected.jsonl")}\` holds 2 decisions for the 1 requests`);
  });

  it("exits 2 when a test file cannot be read", () => {
    const missing = join(dir, "missing-tests.yml");
    expect(runCli(["test", ...POLICY_FILES, missing])).toMatchObject({ status: 2, stdout: "", stderr: `policyc: cannot read \`${missing}\`: no such file or directory\n` });
  });

  it("exits 1 with the diagnostics when the policy has errors", () => {
    const result = runCli(["test", "test/cli/fixtures/broken", WRONG]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error PC");
  });
});

describe("which tests policyc test runs", () => {
  it("runs only the named test files when some are given, not the pairs beside the policy", () => {
    const result = runCli(["test", CAT_SHARDS, join(CAT_SHARDS, "policy-tests.yml")]);
    expect(result).toMatchObject({ status: 0, stdout: "4 passed, 0 failed\n" });
  });

  it("reads a named requests file's decisions from the file named with `expected`", () => {
    const requests = written("admin-requests.jsonl", readFileSync(join(ROOT, CAT_SHARDS, "requests.jsonl"), "utf8"));
    copyFileSync(join(ROOT, CAT_SHARDS, "expected.jsonl"), join(dir, "admin-expected.jsonl"));
    expect(runCli(["test", ...POLICY_FILES, requests])).toMatchObject({ status: 0, stdout: "3 passed, 0 failed\n" });
  });

  it("exits 2 when no test is named and none lies beside the policy", () => {
    const lonely = join(dir, "lonely");
    mkdirSync(lonely);
    for (const file of POLICY_FILES) copyFileSync(join(ROOT, file), join(lonely, file.split("/").pop()!));
    expect(runCli(["test", lonely])).toMatchObject({
      status: 2,
      stderr: `policyc: no tests found: give test files (\`*tests.yml\`), or keep them, or \`requests.jsonl\` with \`expected.jsonl\`, in \`${lonely}\`\n`,
    });
  });

  it("exits 2 on a requests file whose name does not say where its decisions are, or on an unknown format", () => {
    const odd = written("odd.jsonl", "{}\n");
    expect(runCli(["test", CAT_SHARDS, odd])).toMatchObject({ status: 2, stderr: expect.stringContaining("a requests file's name must contain `requests`") });
    expect(runCli(["test", CAT_SHARDS, "--format", "tap"])).toMatchObject({ status: 2, stderr: "policyc: unknown format `tap`; use `text`, `json` or `junit`\n" });
  });
});
