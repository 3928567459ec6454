/**
 * The hostile corpus (cases.json): every case through `policyc validate`,
 * `compile` and `check` as child processes with a 256 MiB heap, and through
 * the language server's analysis in this process. Each must give exactly the
 * exit code and the diagnostics the manifest names, never a stack trace, and
 * never change a prototype.
 *
 * Time and memory: the heap cap makes a process that needs more die (and its
 * exit code then fails the test); CPU time is asserted only against a loose
 * bound, because test machines are shared and slow — the real figures, a
 * second or less per case, are in the README. POLICYC_HOSTILE_REPORT=<file>
 * writes them as JSON.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { compile } from "../../src/index.js";
import { analyzePolicy } from "../../src/lsp/analysis.js";
import { loadTable } from "../../src/runtime/index.js";
import { GENERATORS } from "./generate.js";
import { hasStackTrace, runPolicyc, type CliRun } from "./run-cli.js";

interface HostileCase {
  readonly name: string;
  readonly about: string;
  readonly files?: string;
  readonly generate?: string;
  /** What the CLI is given, relative to the case's directory: the directory itself unless a `.policy` file. */
  readonly input?: string;
  readonly exit: 0 | 1;
  /** `CODE file:line:column` */
  readonly diagnostics: readonly string[];
  readonly codes: readonly string[];
  /** The language server's expectations, where they differ (the editor decoded the bytes). */
  readonly lsp?: { readonly diagnostics: readonly string[]; readonly codes: readonly string[] };
  readonly requests?: string;
  readonly expected?: string;
  readonly decisions?: readonly ("allow" | "deny")[];
}

const HERE = fileURLToPath(new URL(".", import.meta.url));
const MANIFEST = JSON.parse(readFileSync(join(HERE, "cases.json"), "utf8")) as { cases: HostileCase[] };
/** Far above the real figures (README), far below a hang: the machine running the tests may be busy. */
const CPU_BOUND_MS = 15_000;
/** Three child processes of up to a few seconds each, on a machine that may be running other suites. */
const CASE_TIMEOUT_MS = 300_000;
/** A request for cases that give none: error cases never get to decide it. */
const ANY_REQUEST = `${JSON.stringify({ user: { name: "judy" }, action: "cluster:monitor/health" })}\n`;

const figures: { case: string; run: string; cpuMs?: number; maxRssMiB?: number; wallMs: number }[] = [];
let scratch = "";
const directories = new Map<string, string>();
const prototypeSnapshot = snapshotPrototypes();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "policyc-hostile-"));
  for (const hostile of MANIFEST.cases) {
    const directory = join(scratch, hostile.name);
    if (hostile.generate !== undefined) GENERATORS[hostile.generate]!(directory);
    else cpSync(join(HERE, "files", hostile.files!), directory, { recursive: true });
    directories.set(hostile.name, directory);
  }
});

afterAll(() => {
  if (process.env.POLICYC_HOSTILE_REPORT) writeFileSync(process.env.POLICYC_HOSTILE_REPORT, JSON.stringify(figures, null, 2));
  rmSync(scratch, { recursive: true, force: true });
});

describe.concurrent("the hostile corpus through the command line", () => {
  for (const hostile of MANIFEST.cases) {
    it(`${hostile.name}: validate, compile and check exit ${hostile.exit} with the expected diagnostics (${hostile.about})`, async () => {
      const directory = directories.get(hostile.name)!;
      const input = hostile.input ?? ".";
      const requests = join(directory, hostile.requests ?? "any-request.jsonl");
      if (hostile.requests === undefined) writeFileSync(requests, ANY_REQUEST);
      const out = join(directory, "out");
      const validate = await measured(hostile, "validate", ["validate", input, "--format", "json"], directory);
      const compiled = await measured(hostile, "compile", ["compile", input, "--out", out, "--js", "--format", "json"], directory);
      const checked = await measured(hostile, "check", ["check", input, "--requests", requests, "--format", "json"], directory);
      expectDiagnostics(hostile, jsonDiagnostics(validate.stdout));
      for (const run of [compiled, checked]) expectDiagnostics(hostile, jsonDiagnostics(run.stderr));
      if (hostile.exit === 0) {
        expect(readdirSync(out).sort()).toEqual(["policy.d.ts", "policy.js", "policy.json", "policy.ts"]);
        expectDecisions(hostile, checked.stdout.trim().split("\n"));
      }
    }, CASE_TIMEOUT_MS);
  }
});

describe("the hostile corpus through the language server's analysis", () => {
  for (const hostile of MANIFEST.cases) {
    it(`${hostile.name}: reports the expected diagnostics at the same places and changes no prototype`, () => {
      const directory = directories.get(hostile.name)!;
      const started = performance.now();
      const analysis = analyzePolicy(editorTexts(directory, hostile));
      figures.push({ case: hostile.name, run: "lsp analysis", wallMs: Math.round(performance.now() - started) });
      expectDiagnostics({ ...hostile, ...hostile.lsp }, analysis.diagnostics.map(toLocated));
      expect(snapshotPrototypes()).toEqual(prototypeSnapshot);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });
  }
});

describe("the hostile corpus's policies deciding in this process", () => {
  for (const hostile of MANIFEST.cases.filter((c) => c.requests !== undefined)) {
    it(`${hostile.name}: the runtime and the generated module decide the requests as check does, changing no prototype`, async () => {
      const directory = directories.get(hostile.name)!;
      const result = compile({ files: editorTexts(directory, hostile) }, { js: true });
      expect(result.table).toBeDefined();
      const policy = loadTable(result.table);
      const lines = readFileSync(join(directory, hostile.requests!), "utf8").trim().split("\n");
      expectDecisions(hostile, lines.map((line) => decideLine(policy.authorize, line)));
      const modulePath = join(directory, "in-process-policy.mjs");
      writeFileSync(modulePath, result.outputs!["policy.js"]!);
      const module = (await import(pathToFileURL(modulePath).href)) as { authorize(request: unknown): unknown };
      expectDecisions(hostile, lines.map((line) => decideLine((request) => module.authorize(request), line)));
      expect(snapshotPrototypes()).toEqual(prototypeSnapshot);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });
  }
});

/** A request line decided in this process; a line that is not JSON is denied, as `check` denies it. */
function decideLine(authorize: (request: unknown) => unknown, line: string): string {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return JSON.stringify({ decision: "deny", error: "not JSON" });
  }
  return JSON.stringify(authorize(request));
}

async function measured(hostile: HostileCase, command: string, args: string[], directory: string): Promise<CliRun> {
  const run = await runPolicyc(args, directory);
  figures.push({ case: hostile.name, run: command, wallMs: run.wallMs, ...(run.cpuMs !== undefined ? { cpuMs: run.cpuMs, maxRssMiB: run.maxRssMiB } : {}) });
  const context = `${hostile.name}: policyc ${args.join(" ")}\n${run.stderr.slice(0, 2000)}`;
  expect(run.signal, context).toBeNull();
  expect(run.exitCode, context).toBe(hostile.exit);
  expect(hasStackTrace(run.stderr), context).toBe(false);
  expect(run.cpuMs, context).toBeLessThan(CPU_BOUND_MS);
  return run;
}

/** A diagnostic as the manifest writes it, with its message for failure reports. */
interface Located {
  readonly at: string;
  readonly code: string;
  readonly message: string;
}

function jsonDiagnostics(text: string): Located[] {
  const parsed = JSON.parse(text) as { diagnostics: { code: string; message: string; location: { file: string; line: number; column: number } | null }[] };
  return parsed.diagnostics.map(({ code, message, location }) => ({
    code,
    message,
    at: location ? `${code} ${baseName(location.file)}:${location.line}:${location.column}` : code,
  }));
}

function toLocated(diagnostic: Diagnostic): Located {
  const { span, code, message } = diagnostic;
  if (!span) return { code, message, at: code };
  const { line, column } = span.file.lineColumn(span.start);
  return { code, message, at: `${code} ${baseName(span.file.path)}:${line}:${column}` };
}

function expectDiagnostics(hostile: HostileCase, reported: readonly Located[]): void {
  const places = new Set(reported.map((d) => d.at));
  const shown = reported.slice(0, 20).map((d) => `${d.at} ${d.message.slice(0, 160)}`).join("\n");
  for (const expected of hostile.diagnostics) expect(places.has(expected), `${hostile.name}: ${expected} among\n${shown}`).toBe(true);
  const codes = [...new Set(reported.map((d) => d.code))].sort();
  expect(codes, `${hostile.name}: codes of\n${shown}`).toEqual([...hostile.codes].sort());
  for (const d of reported) expect(d.message.length, `${hostile.name}: a message stays short: ${d.message.slice(0, 200)}`).toBeLessThan(1000);
}

function expectDecisions(hostile: HostileCase, lines: readonly string[]): void {
  if (hostile.expected !== undefined) {
    const expected = readFileSync(join(directoryOf(hostile), hostile.expected), "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(expected.map((line) => JSON.parse(line) as unknown));
  }
  if (hostile.decisions !== undefined) {
    expect(lines.map((line) => (JSON.parse(line) as { decision: string }).decision)).toEqual(hostile.decisions);
  }
}

function directoryOf(hostile: HostileCase): string {
  return directories.get(hostile.name)!;
}

/** The policy's files as an editor sends them: decoded text (bytes that are not UTF-8 already replaced). */
function editorTexts(directory: string, hostile: HostileCase): { path: string; text: string }[] {
  const names = hostile.input !== undefined ? [hostile.input] : readdirSync(directory).filter((name) => /\.ya?ml$/.test(name));
  return names.sort().map((name) => ({ path: name, text: readFileSync(join(directory, name), "utf8") }));
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The own property names of the prototypes a pollution would change. */
function snapshotPrototypes(): Record<string, string[]> {
  const names = (object: object): string[] => Object.getOwnPropertyNames(object).sort();
  return { object: names(Object.prototype), array: names(Array.prototype), function: names(Function.prototype), string: names(String.prototype) };
}
