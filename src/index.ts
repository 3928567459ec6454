/**
 * policyc's programmatic API: compile and validate policies from their
 * texts, without touching the file system (bundler plugins, tests, editors).
 *
 * @example
 * const result = compile({ files: [{ path: "roles.yml", text }, { path: "roles_mapping.yml", text: mappingText }] });
 * if (result.table) writeFileSync("policy.json", result.outputs!["policy.json"]);
 * // result.outputs also holds "policy.ts", the generated module (`compile(input, { js: true })` adds policy.js and policy.d.ts)
 */
import { buildProvenance } from "./compile/build-provenance.js";
import { compilePolicy } from "./compile/compile-policy.js";
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { emitJsonTable } from "./emit/json-table.js";
import { emitModuleFiles } from "./emit/module/index.js";
import type { Flavor, PolicyModel } from "./model/types.js";
import { SourceFile, spanOf } from "./diagnostics/source-file.js";
import { parseDslPolicy } from "./parse/dsl/index.js";
import type { InputProblem } from "./parse/input-problem.js";
import { readRestApiInput } from "./parse/rest-api/index.js";
import { parseYamlPolicy, readBuiltinPolicy, readSettingsOverride } from "./parse/yaml/index.js";
import type { DecisionTable } from "./table/types.js";

export type { Diagnostic, RelatedLocation, Severity } from "./diagnostics/diagnostic.js";
export type { DiagnosticCode } from "./diagnostics/codes.js";
export type { InputProblem } from "./parse/input-problem.js";
export type { SourceFile, SourceSpan } from "./diagnostics/source-file.js";
export { formatDiagnostics, type DiagnosticFormat, type FormatOptions } from "./diagnostics/format/format-diagnostics.js";
export type { DecisionTable } from "./table/types.js";
export type { TableLocation, TableProvenance } from "./table/provenance.js";
export type { Explanation } from "./table/explanation.js";
export type { PolicyModel } from "./model/types.js";
/** The REST API as an output: apply scripts (`convert --to console|curl`) and JSON Patch documents between two policies. */
export { emitApplyScript, emitPatchScript, policyDiffPatches, type ScriptFormat, type TypePatch, type JsonPatchOperation } from "./emit/rest-api/index.js";
export type { AuthorizationRequest, Decision } from "./table/request.js";
/** Who can perform an action, and what access changes between two versions of a policy (`policyc who-can`, `policyc diff`), from decision tables (compiled with `provenance: true` for locations). */
export { whoCan, type WhoCanAnswer, type WhoCanQuery } from "./analyze/who-can.js";
export { diffPolicies } from "./analyze/diff/compute.js";
export type { PolicyDiff } from "./analyze/diff/model.js";

/** One source file's text; `problem` says what was wrong with its bytes when it was read (reported as a diagnostic). */
export interface PolicySourceText {
  readonly path: string;
  readonly text: string;
  readonly problem?: InputProblem;
}

/** A policy's source texts. */
export interface CompileInput {
  /**
   * YAML configuration files, recognized by base name (`roles.yml`,
   * `roles_mapping.yml`, …), or `.policy` files (each imported file among them).
   */
  readonly files: readonly PolicySourceText[];
  /** An `opensearch.yml` (Search Guard: `elasticsearch.yml`) whose settings replace those of the files. */
  readonly settings?: PolicySourceText;
  /** Whose rules read the YAML files; by default the flavor their names say (`sg_*.yml`: Search Guard). */
  readonly flavor?: Flavor;
  /**
   * The policy REST API scripts among `files` (`.console`, `.http`, `.sh`)
   * apply to: YAML files, API dumps or `.policy` files. Without it the scripts
   * apply to the other files given, or to the plugin's static configuration.
   */
  readonly base?: readonly { readonly path: string; readonly text: string }[];
}

export interface CompileResult {
  /** Every problem found, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The decision table; absent when there are errors. */
  readonly table?: DecisionTable;
  /** Output files by name (`policy.json`, `policy.ts`, …); absent when there are errors. */
  readonly outputs?: Readonly<Record<string, string>>;
}

/** Which outputs `compile` produces besides `policy.json`. */
export interface CompileOptions {
  /** `policy.ts`, the generated module that decides requests without policyc (default true). */
  readonly module?: boolean;
  /** With the module, also `policy.js` (ECMAScript) and `policy.d.ts`, for projects without TypeScript. */
  readonly js?: boolean;
  /**
   * Keep in the table where every grant came from (`provenance`): what
   * `explain` and `who-can` report. Off by default, which keeps the table and
   * the module lean.
   */
  readonly provenance?: boolean;
}

/** Compiles a policy into its decision table and, unless `module` is false, the generated module. */
export function compile(input: CompileInput, options: CompileOptions = {}): CompileResult {
  const sink = new DiagnosticSink();
  const policy = readPolicy(input, sink);
  const { table: lean, resolved } = compilePolicy(policy, readBuiltinPolicy(policy.flavor), sink);
  const diagnostics = sortDiagnostics(sink.diagnostics);
  if (!lean || sink.hasErrors()) return { diagnostics };
  const table = options.provenance === true ? { ...lean, provenance: buildProvenance(resolved) } : lean;
  const outputs: Record<string, string> = { "policy.json": emitJsonTable(table) };
  if (options.module !== false) {
    const sources = [...policy.sources, ...(input.settings ? [input.settings.path] : [])];
    Object.assign(outputs, emitModuleFiles({ table, sources, actionGroupNames: resolved.groups.groups.keys() }, { js: options.js === true }));
  }
  return { diagnostics, table, outputs };
}

/** Reports every problem of a policy without producing outputs. */
export function validate(input: CompileInput): { readonly diagnostics: readonly Diagnostic[] } {
  return { diagnostics: compile(input, { module: false }).diagnostics };
}

/** Reads a policy's sources into the policy model without compiling it (what `policyc convert` converts). */
export function readPolicyModel(input: CompileInput): { readonly model: PolicyModel; readonly diagnostics: readonly Diagnostic[] } {
  const sink = new DiagnosticSink();
  const model = readPolicy(input, sink);
  return { model, diagnostics: sortDiagnostics(sink.diagnostics) };
}

function readPolicy(input: CompileInput, sink: DiagnosticSink): PolicyModel {
  const policy = readSources(input, sink);
  if (!input.settings) return policy;
  return { ...policy, settings: readSettingsOverride(input.settings, sink, policy.settings, policy.flavor) };
}

const isDslPath = (path: string): boolean => /\.policy$/i.test(path);

/** `.policy` files go to the DSL front end, the rest to the YAML one; a policy is never read from both. */
function readSources({ files, flavor, base }: CompileInput, sink: DiagnosticSink): PolicyModel {
  const readOther = (other: CompileInput["files"]): PolicyModel => readSources({ files: other, ...(flavor !== undefined ? { flavor } : {}) }, sink);
  const restApi = readRestApiInput({ files, ...(base !== undefined ? { base } : {}), ...(flavor !== undefined ? { flavor } : {}) }, sink, readOther);
  if (restApi) return restApi;
  const dsl = files.filter((file) => isDslPath(file.path));
  if (dsl.length === 0) return parseYamlPolicy(files, sink, flavor);
  if (flavor === "searchguard") {
    const first = dsl[0]!;
    const message = `\`${first.path}\` is not read: the DSL writes OpenSearch Security policies, not Search Guard ones`;
    sink.report("PC5007", message, spanOf(new SourceFile(first.path, first.text), 0));
  }
  for (const file of files.filter((other) => !isDslPath(other.path))) {
    const message = `\`${file.path}\` is not read: a policy is read from YAML files or from .policy files, not both`;
    sink.report("PC5006", message, spanOf(new SourceFile(file.path, file.text), 0));
  }
  return parseDslPolicy(dsl, sink);
}
