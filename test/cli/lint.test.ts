/**
 * `policyc lint`: what `validate` reports, lint findings included, with an
 * exit code for a gate that fails on warnings too (1 when anything is found,
 * 0 when clean, 2 on usage and input/output errors), in text, JSON and SARIF.
 */
import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { readCompileInput } from "../../src/cli/sources.js";
import { validate } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";

const FINDINGS = "test/check/lint/fixtures/findings";
const PERMISSIONS_ON = "test/check/lint/fixtures/permissions-on.yml";

/** The codes of tsc-style output lines, in order (related-location lines left out). */
const codesOf = (text: string) => [...text.matchAll(/^\S+:\d+:\d+: \w+ (PC\d{4}):/gm)].map((match) => match[1]);

describe("policyc lint", () => {
  it("prints every finding tsc-style and exits 1", async () => {
    const run = runCli(["lint", FINDINGS]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(codesOf(run.stdout)).toEqual(["PC8001", "PC8002", "PC8005", "PC8006", "PC8004", "PC8003", "PC8007", "PC8008", "PC8009", "PC3003"]);
    await expect(run.stdout).toMatchFileSnapshot("../golden/cli/lint/findings.txt");
  });

  it("prints nothing and exits 0 for a clean policy", () => {
    expect(runCli(["lint", "examples/bulk-permissions"])).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(runCli(["lint", "examples/bulk-permissions/bulk-permissions.policy"])).toMatchObject({ status: 0, stdout: "" });
  });

  it("exits 1 on warnings that validate lets pass", () => {
    expect(runCli(["validate", "examples/async-search-seed-mapping"]).status).toBe(0);
    expect(runCli(["lint", "examples/async-search-seed-mapping"]).status).toBe(1);
  });

  it("prints errors as validate does, and no lint finding while there are errors", () => {
    const run = runCli(["lint", "test/check/lint/fixtures/broken"]);
    expect(run.status).toBe(1);
    expect(codesOf(run.stdout)).toEqual(["PC2006"]);
  });

  it("writes JSON with the counts", async () => {
    const run = runCli(["lint", FINDINGS, "--format", "json"]);
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as { diagnostics: { code: string }[]; errors: number; warnings: number };
    expect(output).toMatchObject({ errors: 0, warnings: 10 });
    expect(output.diagnostics.map((d) => d.code)).toEqual(codesOf(runCli(["lint", FINDINGS]).stdout));
    await expect(run.stdout).toMatchFileSnapshot("../golden/cli/lint/findings.json");
  });

  it("writes SARIF with one rule per code found", () => {
    const run = runCli(["lint", FINDINGS, "--format", "sarif"]);
    expect(run.status).toBe(1);
    const [sarifRun] = (JSON.parse(run.stdout) as Log).runs;
    expect(sarifRun!.tool.driver.rules?.map((rule) => rule.id)).toEqual(["PC3003", "PC8001", "PC8002", "PC8003", "PC8004", "PC8005", "PC8006", "PC8007", "PC8008", "PC8009"]);
    expect(sarifRun!.results?.map((result) => [result.ruleId, result.level])).toContainEqual(["PC8002", "warning"]);
  });

  it("reads settings from --settings", () => {
    const without = codesOf(runCli(["lint", FINDINGS]).stdout);
    const withSettings = codesOf(runCli(["lint", FINDINGS, "--settings", PERMISSIONS_ON]).stdout);
    expect(without).toContain("PC8009");
    expect(withSettings).toEqual(without.filter((code) => code !== "PC8009"));
  });

  it("reads Search Guard files with --flavor, where the PC8xxx rules stay silent", () => {
    const run = runCli(["lint", "examples/searchguard-demo-config", "--flavor", "searchguard"]);
    expect(run.status).toBe(1);
    expect(codesOf(run.stdout)).toEqual(["PC3006", "PC3001"]);
  });

  it("exits 2 on usage and input/output errors", () => {
    expect(runCli(["lint", FINDINGS, "--format", "xml"])).toMatchObject({ status: 2, stderr: "policyc: unknown format `xml`; use `text`, `json` or `sarif`\n" });
    expect(runCli(["lint", FINDINGS, "--flavor", "nope"]).status).toBe(2);
    expect(runCli(["lint", "test/check/lint/fixtures/no-such-directory"])).toMatchObject({ status: 2, stdout: "" });
    expect(runCli(["lint"]).status).toBe(2);
  });
});

/**
 * Each example lints as its README says: the seed's mapping to an undefined
 * role, the Search Guard demo's unmapped role and typo, and the redundant
 * actions of the plugin's own demo roles (kept unchanged in the examples).
 * Only the lint rules' codes count here; a .policy twin finds the same.
 * The examples are read in process, as the command reads them (one run of
 * the command below shows the output).
 */
describe("policyc lint on the examples", () => {
  const LINT_CODE = /^PC(8\d{3}|3001|3003|3006)$/;
  const lintCodes = (path: string) =>
    validate(readCompileInput([path], undefined))
      .diagnostics.map((diagnostic) => diagnostic.code)
      .filter((code) => LINT_CODE.test(code));
  const EXPECTED: Record<string, string[]> = {
    "alerting-system-index": [],
    "anomaly-detection": ["PC8004"],
    "async-search": [],
    "async-search-seed-mapping": ["PC3003"],
    "bulk-permissions": [],
    "cat-shards-denial": [],
    "default-config": ["PC8004", "PC8004", "PC8004"],
    "dls-fls-masking": [],
    "multi-tenant-dashboards": [],
    "searchguard-anomaly-detection": [],
    "searchguard-demo-config": ["PC3006", "PC3001"],
    "security-rest-api": [],
  };

  for (const [name, codes] of Object.entries(EXPECTED)) {
    it(`${name}: ${codes.length === 0 ? "nothing" : codes.join(", ")}`, () => {
      expect(lintCodes(`examples/${name}`)).toEqual(codes);
    });
  }

  it("finds the same in the .policy twins", () => {
    for (const [name, codes] of Object.entries(EXPECTED)) {
      if (name.startsWith("searchguard-")) continue;
      expect(lintCodes(`examples/${name}/${name}.policy`), name).toEqual(codes);
    }
  });

  it("prints the plugin's demo roles' redundant actions with their places", async () => {
    await expect(runCli(["lint", "examples/default-config"]).stdout).toMatchFileSnapshot("../golden/cli/lint/default-config.txt");
  });
});
