import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-cli-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("policyc validate", () => {
  it("prints every error tsc-style, sorted, and exits 1", async () => {
    const result = runCli(["validate", "test/cli/fixtures/broken"]);
    expect(result.status).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot("../golden/cli/validate-broken.txt");
  });

  it("prints the same diagnostics as JSON with --format json", async () => {
    const result = runCli(["validate", "test/cli/fixtures/broken", "--format", "json"]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { errors: number; diagnostics: { code: string }[] };
    expect(report.errors).toBe(report.diagnostics.length);
    await expect(result.stdout).toMatchFileSnapshot("../golden/cli/validate-broken.json");
  });

  it("exits 0 when there are only warnings", async () => {
    const result = runCli(["validate", "test/cli/fixtures/warnings"]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/cli/validate-warnings.txt");
  });

  it("prints nothing and exits 0 for a clean policy", () => {
    expect(runCli(["validate", "examples/bulk-permissions"])).toMatchObject({ status: 0, stdout: "" });
  });
});

describe("policyc compile", () => {
  it("writes the decision table and the TypeScript module, and nothing else", () => {
    const out = scratch();
    const result = runCli(["compile", "examples/bulk-permissions", "--out", out]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["policy.json", "policy.ts"]);
    expect(JSON.parse(readFileSync(join(out, "policy.json"), "utf8"))).toMatchObject({ format: "policyc-decision-table", version: 3 });
  });

  it("writes the module as JavaScript with its declarations when asked with --js", () => {
    const out = scratch();
    const result = runCli(["compile", "examples/bulk-permissions", "--out", out, "--js"]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["policy.d.ts", "policy.js", "policy.json", "policy.ts"]);
  });

  it("writes byte-identical output on every run", () => {
    const [first, second] = [scratch(), scratch()];
    runCli(["compile", "examples/default-config", "--out", first]);
    runCli(["compile", "examples/default-config", "--out", second]);
    expect(readFileSync(join(first, "policy.json"), "utf8")).toBe(readFileSync(join(second, "policy.json"), "utf8"));
  });

  it("exits 1 on policy errors and leaves the previous output untouched", () => {
    const out = scratch();
    writeFileSync(join(out, "policy.json"), "previous");
    const result = runCli(["compile", "test/cli/fixtures/broken", "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error PC2006");
    expect(readFileSync(join(out, "policy.json"), "utf8")).toBe("previous");
  });

  it("exits 2 with a message when the input does not exist", () => {
    const result = runCli(["compile", "no/such/dir", "--out", scratch()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("policyc: cannot read `no/such/dir`: no such file or directory\n");
  });

  it("exits 2 on a usage error", () => {
    expect(runCli(["compile", "examples/bulk-permissions"]).status).toBe(2);
    expect(runCli(["frobnicate"]).status).toBe(2);
  });
});

describe("policyc check", () => {
  const requests = [
    '{"user": {"name": "writer"}, "action": "indices:data/write/bulk"}',
    "not json",
    '{"user": {"name": "writer"}, "action": 42}',
    "",
    '{"user": {"name": "doc-only"}, "action": "indices:data/write/bulk"}',
  ].join("\n");

  it("answers every line in order, denies malformed lines with the line number, and exits 0", () => {
    const result = runCli(["check", "examples/bulk-permissions", "--requests", "-"], { input: requests });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { decision: string; error?: string });
    expect(lines.map((l) => l.decision)).toEqual(["allow", "deny", "deny", "deny"]);
    expect(lines[1]!.error).toMatch(/^line 2: not valid JSON/);
    expect(lines[2]!.error).toBe("line 3: `action` must be a non-empty string");
    expect(lines[3]!.error).toBeUndefined();
  });

  it("decides from a compiled policy.json exactly as from the sources", () => {
    const out = scratch();
    runCli(["compile", "examples/alerting-system-index", "--out", out]);
    const fromSources = runCli(["check", "examples/alerting-system-index", "--requests", "examples/alerting-system-index/requests.jsonl"]);
    const fromTable = runCli(["check", join(out, "policy.json"), "--requests", "examples/alerting-system-index/requests.jsonl"]);
    expect(fromTable.stdout).toBe(fromSources.stdout);
  });

  it("applies the settings of --settings", () => {
    const settings = join(scratch(), "opensearch.yml");
    writeFileSync(settings, "plugins.security.roles_mapping_resolution: BACKENDROLES_ONLY\n");
    const input = '{"user": {"name": "writer"}, "action": "indices:data/write/bulk"}\n';
    const result = runCli(["check", "examples/bulk-permissions", "--requests", "-", "--settings", settings], { input });
    expect(JSON.parse(result.stdout)).toMatchObject({ decision: "deny", roles: [] });
  });

  it("refuses a damaged decision table with exit 2", () => {
    const table = join(scratch(), "policy.json");
    writeFileSync(table, JSON.stringify({ format: "policyc-decision-table", version: 99 }));
    const result = runCli(["check", table, "--requests", "-"], { input: "" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("version 99 is not supported");
  });
});
