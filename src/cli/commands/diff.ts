/**
 * `policyc diff <old> <new>`: the access that changes between two versions
 * of a policy — two directories, two `.policy` files (sets with `--old` and
 * `--new`), two compiled tables, or two git revisions (`--git <rev1> <rev2>
 * <path>`). Both are compiled and their decision tables compared.
 * `--fail-on-broadening` exits 1 when any access is gained, for CI gates.
 */
import type { Command } from "commander";
import { diffPolicies } from "../../analyze/diff/compute.js";
import { GitReadError, readPolicyAtRevision } from "../../analyze/diff/git-revision.js";
import type { PolicyDiff } from "../../analyze/diff/model.js";
import { renderDiffJson } from "../../analyze/diff/render-json.js";
import { renderDiffMarkdown } from "../../analyze/diff/render-markdown.js";
import { renderDiffText } from "../../analyze/diff/render-text.js";
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { emitPatchScript } from "../../emit/rest-api/index.js";
import { compile, readPolicyModel, validate, type CompileInput } from "../../index.js";
import type { Flavor } from "../../model/types.js";
import type { DecisionTable } from "../../table/types.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { renderDiagnostics } from "../output.js";
import { readPolicyInput, readText } from "../read-input.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";
import { parseTable } from "./who-can.js";

type DiffFormat = "text" | "json" | "markdown";

export interface DiffOptions {
  readonly old: string[];
  readonly new: string[];
  readonly git?: boolean;
  readonly settings?: string;
  readonly flavor?: string;
  readonly format: string;
  readonly failOnBroadening?: boolean;
  readonly to?: string;
}

/** One version to compare: what it is called in messages, and how to read it. */
interface DiffSide {
  readonly label: string;
  readonly read: () => { readonly table: DecisionTable } | { readonly input: CompileInput };
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .usage("[options] <old> <new>  |  --git <rev1> <rev2> <path>")
    .description("show the access that changes between two versions of a policy, per role, principal and setting")
    .argument("[paths...]", "the old and the new policy (directory, .policy file or policy.json); with --git: two revisions and the path")
    .option("--old <path>", "a file of the old policy (repeat for a set of .policy files)", collect, [])
    .option("--new <path>", "a file of the new policy (repeat for a set of .policy files)", collect, [])
    .option("--git", "compare the policy at <path> in git revisions <rev1> and <rev2> (read with git, working tree untouched)")
    .option("--settings <file>", "an opensearch.yml whose settings apply to both versions")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option("--format <format>", "`text`, `json` or `markdown` (for a pull-request comment)", "text")
    .option("--fail-on-broadening", "exit 1 when any access is gained")
    .option("--to <form>", "instead of the diff, the REST API requests that turn the old policy into the new one: `patch` (console requests) or `patch-curl` (a curl script)")
    .action((paths: string[], options: DiffOptions) => {
      if (options.to !== undefined) {
        process.exitCode = writeDiffPatch(paths, options);
        return;
      }
      const format = diffFormat(options.format);
      const tables = loadDiffTables(paths, options);
      if (tables === undefined) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const diff = diffPolicies(tables.before, tables.after);
      process.stdout.write(renderDiff(diff, format));
      const broadening = diff.effect === "broadening" || diff.effect === "both";
      process.exitCode = options.failOnBroadening === true && broadening ? EXIT_POLICY_ERRORS : EXIT_OK;
    });
}

/** `--to patch|patch-curl`: the JSON Patch requests between the two policies' sources, on standard output. */
function writeDiffPatch(paths: readonly string[], options: DiffOptions): number {
  if (options.to !== "patch" && options.to !== "patch-curl") throw new CliError(`unknown form \`${options.to ?? ""}\`; use \`--to patch\` or \`--to patch-curl\``);
  const models = diffSides(paths, options, flavorOption(options.flavor)).map((side, i) => {
    const read = side.read();
    if ("table" in read) throw new CliError(`${side.label} is a compiled decision table, which holds no policy entries; give the policy's sources for \`--to ${options.to}\``);
    const errors = validate(read.input).diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    if (errors.length > 0) process.stderr.write(`policyc: the ${i === 0 ? "old" : "new"} policy (${side.label}) has errors:\n${renderDiagnostics(errors, "text")}`);
    return errors.length > 0 ? undefined : readPolicyModel(read.input).model;
  });
  const [before, after] = models;
  if (!before || !after) return EXIT_POLICY_ERRORS;
  const sink = new DiagnosticSink();
  const text = emitPatchScript(before, after, options.to === "patch" ? "console" : "curl", sink);
  process.stderr.write(renderDiagnostics(sink.diagnostics, "text"));
  process.stdout.write(text);
  return EXIT_OK;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function diffFormat(value: string): DiffFormat {
  if (value === "text" || value === "json" || value === "markdown") return value;
  throw new CliError(`unknown format \`${value}\`; use \`text\`, \`json\` or \`markdown\``);
}

export function renderDiff(diff: PolicyDiff, format: DiffFormat): string {
  return format === "json" ? renderDiffJson(diff) : format === "markdown" ? renderDiffMarkdown(diff) : renderDiffText(diff);
}

/** Both versions' tables (with provenance), or undefined when either has errors (printed on standard error). */
export function loadDiffTables(paths: readonly string[], options: DiffOptions): { before: DecisionTable; after: DecisionTable } | undefined {
  const flavor = flavorOption(options.flavor);
  const [old, now] = diffSides(paths, options, flavor);
  const before = tableOf(old, "old");
  const after = tableOf(now, "new");
  return before !== undefined && after !== undefined ? { before, after } : undefined;
}

function diffSides(paths: readonly string[], options: DiffOptions, flavor: Flavor | undefined): [DiffSide, DiffSide] {
  const settings = options.settings;
  if (options.git === true) {
    if (options.old.length + options.new.length > 0) throw new CliError("`--git` takes two revisions and a path, not `--old` or `--new`");
    if (paths.length !== 3) throw new CliError("`--git` takes two revisions and a path: `policyc diff --git <rev1> <rev2> <path>`");
    const [from, to, path] = paths as [string, string, string];
    return [gitSide(from, path, settings, flavor), gitSide(to, path, settings, flavor)];
  }
  if (options.old.length + options.new.length > 0) {
    if (paths.length > 0 || options.old.length === 0 || options.new.length === 0) throw new CliError("give the old policy with `--old` and the new one with `--new`, and no other path");
    return [fileSide(options.old, settings, flavor), fileSide(options.new, settings, flavor)];
  }
  if (paths.length !== 2) throw new CliError("give the old and the new policy: `policyc diff <old> <new>` (or `--git <rev1> <rev2> <path>`)");
  return [fileSide([paths[0]!], settings, flavor), fileSide([paths[1]!], settings, flavor)];
}

function fileSide(paths: readonly string[], settings: string | undefined, flavor: Flavor | undefined): DiffSide {
  return {
    label: paths.map((path) => `\`${path}\``).join(", "),
    read: () => {
      const input = readPolicyInput(paths);
      if (input.kind !== "table") return { input: readCompileInput(paths, settings, flavor) };
      rejectCompileOptions(settings, flavor);
      return { table: parseTable(input.file.path, input.file.text) };
    },
  };
}

function gitSide(revision: string, path: string, settings: string | undefined, flavor: Flavor | undefined): DiffSide {
  return {
    label: `\`${path}\` at \`${revision}\``,
    read: () => {
      let policy;
      try {
        policy = readPolicyAtRevision(revision, path);
      } catch (error) {
        if (error instanceof GitReadError) throw new CliError(error.message);
        throw error;
      }
      if (policy.kind === "table") {
        rejectCompileOptions(settings, flavor);
        return { table: parseTable(`${revision}:${policy.file.path}`, policy.file.text) };
      }
      return { input: { files: policy.files, ...(settings !== undefined ? { settings: readText(settings) } : {}), ...(flavor !== undefined ? { flavor } : {}) } };
    },
  };
}

function rejectCompileOptions(settings: string | undefined, flavor: Flavor | undefined): void {
  if (settings !== undefined) throw new CliError("`--settings` applies when compiling; a decision table already holds its settings");
  if (flavor !== undefined) throw new CliError("`--flavor` applies when compiling; a decision table already holds its flavor");
}

/**
 * The side's table. Errors go to standard error after a line naming the
 * side; warnings are `validate`'s business, not the diff's.
 */
function tableOf(side: DiffSide, which: "old" | "new"): DecisionTable | undefined {
  const read = side.read();
  if ("table" in read) return read.table;
  const result = compile(read.input, { provenance: true, module: false });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) process.stderr.write(`policyc: the ${which} policy (${side.label}) has errors:\n${renderDiagnostics(errors, "text")}`);
  return result.table;
}
