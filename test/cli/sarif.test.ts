/**
 * `--format sarif`: a SARIF 2.1.0 log for code-scanning upload, valid against the official schema (the copy
 * @microsoft/jest-sarif ships, draft-04, hence ajv-draft-04), deterministic, with paths relative to the
 * working directory and columns in UTF-16 code units.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import type { Log } from "sarif";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostics } from "../../src/diagnostics/format/format-diagnostics.js";
import { artifactLocation } from "../../src/diagnostics/format/sarif.js";
import { SourceFile, spanOf } from "../../src/diagnostics/source-file.js";
import { ROOT, runCli } from "../helpers/cli.js";

const SARIF_SCHEMA = JSON.parse(
  readFileSync(new URL("../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8"),
) as object;

// `unicodeRegExp` off: one of the schema's patterns (`language`) is not valid with the `u` flag.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
// The schema's formats, checked as URL parsing reads them (ajv ships no format validators of its own).
ajv.addFormat("uri", (value: string) => URL.canParse(value));
ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "file:///base/"));
ajv.addFormat("date-time", (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(SARIF_SCHEMA);

/** The schema's complaints about a SARIF text; empty when it is valid. */
function sarifErrors(text: string): string[] {
  return validateSarif(JSON.parse(text)) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

test("the schema check rejects what is not SARIF 2.1.0", () => {
  expect(sarifErrors(JSON.stringify({ version: "2.0.0", runs: [] }))).not.toEqual([]);
  const badLevel = { version: "2.1.0", runs: [{ tool: { driver: { name: "policyc" } }, results: [{ level: "fatal", message: { text: "x" } }] }] };
  expect(sarifErrors(JSON.stringify(badLevel))).not.toEqual([]);
});

const results = (text: string) => (JSON.parse(text) as Log).runs[0]!.results ?? [];

describe("policyc validate --format sarif", () => {
  test("a clean policy gives a valid log with no results and no rules, and exits 0", () => {
    const run = runCli(["validate", "examples/bulk-permissions", "--format", "sarif"]);
    expect(run.status).toBe(0);
    expect(sarifErrors(run.stdout)).toEqual([]);
    const log = JSON.parse(run.stdout) as Log;
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
  });

  test("warnings give a valid log, the golden one", async () => {
    const run = runCli(["validate", "test/cli/fixtures/warnings", "--format", "sarif"]);
    expect(run.status).toBe(0);
    expect(sarifErrors(run.stdout)).toEqual([]);
    await expect(run.stdout).toMatchFileSnapshot("../golden/cli/validate-warnings.sarif");
  });

  test("errors give a valid log with error results, and exit 1", () => {
    const run = runCli(["validate", "test/cli/fixtures/broken", "--format", "sarif"]);
    expect(run.status).toBe(1);
    expect(sarifErrors(run.stdout)).toEqual([]);
    expect(results(run.stdout).map((r) => `${r.ruleId} ${r.level}`)).toEqual([
      "PC2001 error",
      "PC2006 error",
      "PC2007 error",
      "PC2002 error",
      "PC2003 error",
    ]);
  });

  test("the same run gives the same bytes", () => {
    const first = runCli(["validate", "test/cli/fixtures/broken", "--format", "sarif"]).stdout;
    expect(runCli(["validate", "test/cli/fixtures/broken", "--format", "sarif"]).stdout).toBe(first);
  });

  test("rules are the codes used, with the catalog's summary and default level", () => {
    const log = JSON.parse(runCli(["validate", "test/cli/fixtures/broken", "--format", "sarif"]).stdout) as Log;
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(["PC2001", "PC2002", "PC2003", "PC2006", "PC2007"]);
    expect(rules[1]).toEqual({
      id: "PC2002",
      shortDescription: { text: "a mapping has the same key twice (the plugin rejects duplicate keys)" },
      defaultConfiguration: { level: "error" },
    });
    for (const result of log.runs[0]!.results!) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  test("a related location (a duplicate key's first definition) is a related location of the result", () => {
    const duplicate = results(runCli(["validate", "test/cli/fixtures/broken", "--format", "sarif"]).stdout).find((r) => r.ruleId === "PC2002")!;
    expect(duplicate.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: "test/cli/fixtures/broken/roles.yml", uriBaseId: "%SRCROOT%" },
          region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 7 },
        },
        message: { text: "`reader` is first defined here" },
      },
    ]);
  });
});

describe("paths and columns", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "policyc-sarif-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  test("a file outside the working directory is an absolute file URI", () => {
    writeFileSync(join(directory, "roles.yml"), '_meta: {type: "roles", config_version: 2}\nr: {cluster_permission: [a]}\n');
    const run = runCli(["validate", join(directory, "roles.yml"), "--format", "sarif"]);
    expect(sarifErrors(run.stdout)).toEqual([]);
    const location = results(run.stdout)[0]!.locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: pathToFileURL(join(directory, "roles.yml")).href });
  });

  test("paths are relative to the working directory, whatever the command line gave", () => {
    expect(artifactLocation(join(ROOT, "examples", "roles.yml"), ROOT)).toEqual({ uri: "examples/roles.yml", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("./examples/../examples/roles.yml", ROOT)).toEqual({ uri: "examples/roles.yml", uriBaseId: "%SRCROOT%" });
  });

  test("characters that are not allowed in a URI are escaped", () => {
    expect(artifactLocation("my config/roles#1.yml", ROOT)).toEqual({ uri: "my%20config/roles%231.yml", uriBaseId: "%SRCROOT%" });
  });

  test("a built-in file keeps its `policyc:` URI", () => {
    expect(artifactLocation("policyc:data/opensearch/static_roles.yml", ROOT)).toEqual({ uri: "policyc:data/opensearch/static_roles.yml" });
  });

  test("columns count UTF-16 code units, as `columnKind` says", () => {
    const line = "r😀: {cluster_permission: [a]}";
    writeFileSync(join(directory, "roles.yml"), `_meta: {type: "roles", config_version: 2}\n${line}\n`);
    const log = JSON.parse(runCli(["validate", join(directory, "roles.yml"), "--format", "sarif"]).stdout) as Log;
    expect(log.runs[0]!.columnKind).toBe("utf16CodeUnits");
    const start = line.indexOf("cluster_permission") + 1;
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region).toEqual({
      startLine: 2,
      startColumn: start,
      endLine: 2,
      endColumn: start + "cluster_permission".length,
    });
  });
});

describe("diagnostics the CLI rarely shows", () => {
  const file = new SourceFile("roles.yml", "r: {}\n");
  const diagnostics: Diagnostic[] = [
    { code: "PC5002", severity: "error", message: "the input holds no policy files", related: [] },
    { code: "PC2004", severity: "warning", message: "`_meta.type` is `config`", help: 'write `type: "roles"`', span: spanOf(file, 0, 1), related: [] },
    { code: "PC3003", severity: "info", message: "a note", span: spanOf(file, 0), related: [] },
  ];
  const log = JSON.parse(formatDiagnostics(diagnostics, "sarif", { baseDirectory: ROOT })) as Log;

  test("the log is valid", () => {
    expect(sarifErrors(JSON.stringify(log))).toEqual([]);
  });

  test("a diagnostic without a file has no location", () => {
    const result = log.runs[0]!.results!.find((r) => r.ruleId === "PC5002")!;
    expect(result).toEqual({ ruleId: "PC5002", ruleIndex: 2, level: "error", message: { text: "the input holds no policy files" } });
  });

  test("a severity that differs from the catalog's is the result's level; the help follows the message", () => {
    const result = log.runs[0]!.results!.find((r) => r.ruleId === "PC2004")!;
    expect(result.level).toBe("warning");
    expect(result.message.text).toBe('`_meta.type` is `config` (write `type: "roles"`)');
    expect(log.runs[0]!.tool.driver.rules!.find((r) => r.id === "PC2004")!.defaultConfiguration).toEqual({ level: "error" });
  });

  test("an info diagnostic is a note", () => {
    expect(log.runs[0]!.results!.find((r) => r.ruleId === "PC3003")!.level).toBe("note");
  });
});

describe("compile and check print their diagnostics as SARIF on standard error", () => {
  test("compile", () => {
    const out = mkdtempSync(join(tmpdir(), "policyc-sarif-out-"));
    try {
      const run = runCli(["compile", "test/cli/fixtures/warnings", "--out", out, "--format", "sarif"]);
      expect(run.status).toBe(0);
      expect(sarifErrors(run.stderr)).toEqual([]);
      expect(results(run.stderr).length).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("check", () => {
    const run = runCli(["check", "test/cli/fixtures/warnings", "--requests", "-", "--format", "sarif"], {
      input: '{"user": {"name": "u"}, "action": "cluster:monitor/health"}\n',
    });
    expect(run.status).toBe(0);
    expect(sarifErrors(run.stderr)).toEqual([]);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: "deny" });
  });

  test("an unknown format is a usage error", () => {
    const run = runCli(["validate", "examples/bulk-permissions", "--format", "xml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("policyc: unknown format `xml`; use `text`, `json` or `sarif`\n");
  });
});
