/**
 * policyc's programmatic API: compile and validate policies from their
 * texts, without touching the file system (bundler plugins, tests, editors).
 *
 * @example
 * const result = compile({ files: [{ path: "roles.yml", text }, { path: "roles_mapping.yml", text: mappingText }] });
 * if (result.table) writeFileSync("policy.json", result.outputs!["policy.json"]);
 */
import { compilePolicy } from "./compile/compile-policy.js";
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { emitJsonTable } from "./emit/json-table.js";
import type { PolicyModel } from "./model/types.js";
import { parseYamlPolicy, readBuiltinPolicy, readSettingsOverride } from "./parse/yaml/index.js";
import type { DecisionTable } from "./table/types.js";

export type { Diagnostic } from "./diagnostics/diagnostic.js";
export type { DecisionTable } from "./table/types.js";
export type { AuthorizationRequest, Decision } from "./table/request.js";

/** A policy's source texts. */
export interface CompileInput {
  /** YAML configuration files, recognized by base name (`roles.yml`, `roles_mapping.yml`, …). */
  readonly files: readonly { readonly path: string; readonly text: string }[];
  /** An `opensearch.yml` whose settings replace those of the files. */
  readonly settings?: { readonly path: string; readonly text: string };
}

export interface CompileResult {
  /** Every problem found, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The decision table; absent when there are errors. */
  readonly table?: DecisionTable;
  /** Output files by name (`policy.json`); absent when there are errors. */
  readonly outputs?: Readonly<Record<string, string>>;
}

/** Compiles a policy into its decision table. */
export function compile(input: CompileInput): CompileResult {
  const sink = new DiagnosticSink();
  const policy = readPolicy(input, sink);
  const { table } = compilePolicy(policy, readBuiltinPolicy(), sink);
  const diagnostics = sortDiagnostics(sink.diagnostics);
  if (!table || sink.hasErrors()) return { diagnostics };
  return { diagnostics, table, outputs: { "policy.json": emitJsonTable(table) } };
}

/** Reports every problem of a policy without producing outputs. */
export function validate(input: CompileInput): { readonly diagnostics: readonly Diagnostic[] } {
  return { diagnostics: compile(input).diagnostics };
}

function readPolicy(input: CompileInput, sink: DiagnosticSink): PolicyModel {
  const policy = parseYamlPolicy(input.files, sink);
  if (!input.settings) return policy;
  return { ...policy, settings: readSettingsOverride(input.settings, sink, policy.settings) };
}
