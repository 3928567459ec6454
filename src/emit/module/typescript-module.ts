/**
 * The generated module: policy.ts, and policy.js, the same module in
 * JavaScript. Its decision logic is policyc's table runtime itself, bundled
 * verbatim, so it cannot disagree with `policyc check`; what it adds is the
 * policy's decision table as a readable constant and a small typed API.
 *
 * Layout: the header naming the sources, the bundled runtime, then the
 * policy: its name types, its table and the runtime's lookup tables for it,
 * and the functions.
 *
 * A module explains decisions (`explain`) only when its table carries
 * provenance (`--provenance`): the derivation code is about a quarter of the
 * runtime, and an application that only decides should not ship it.
 */
import type { LookupTables } from "../../runtime/index.js";
import type { DecisionTable } from "../../table/types.js";
import { CodeWriter } from "./code-writer.js";
import { dataLiteral } from "./data-literal.js";
import { generatedHeader } from "./header.js";
import { writeModuleApi, type ModuleFlavor } from "./module-api.js";
import { runtimeApiTypes, writePolicyTypes, type PolicyNames } from "./policy-types.js";
import { readRuntimeBundle, type RuntimeBundle } from "./runtime-bundle.js";

/** What the generated module is made of. */
export interface ModuleSource {
  readonly table: DecisionTable;
  /** The runtime's lookup tables for `table` (tries, compiled mappings: plain JSON data). */
  readonly lookupTables: LookupTables;
  /** The policy's source files, paths as given. */
  readonly sources: readonly string[];
  readonly names: PolicyNames;
  /** The module has `explain`, and embeds the runtime that explains: the table carries provenance. */
  readonly explains: boolean;
}

/** The runtime bundle a module embeds: the explaining one only when the module explains. */
export function runtimeBundleOf(source: ModuleSource): RuntimeBundle {
  return readRuntimeBundle(source.explains ? "explaining" : "lean");
}

/** policy.ts */
export function emitTypeScriptModule(source: ModuleSource, runtime: RuntimeBundle = runtimeBundleOf(source)): string {
  return emitModule(source, runtime, "ts");
}

/** policy.js: ECMAScript module; its types are in policy.d.ts (declarations.ts). */
export function emitJavaScriptModule(source: ModuleSource, runtime: RuntimeBundle = runtimeBundleOf(source)): string {
  return emitModule(source, runtime, "js");
}

function emitModule(source: ModuleSource, runtime: RuntimeBundle, flavor: ModuleFlavor): string {
  const typed = (annotation: string) => (flavor === "ts" ? annotation : "");
  const w = new CodeWriter();
  w.line(generatedHeader(source.sources));
  writeIntroduction(w, source.explains);
  writeSectionTitle(w, "policyc's table runtime (src/runtime and the modules it imports), bundled when policyc was built");
  w.text(flavor === "ts" ? runtime.typeScript : runtime.javaScript);
  writeSectionTitle(w, "The policy");
  if (flavor === "ts") writePolicyTypes(w, source.names, source.explains);
  w.line().doc("The decision table compiled from the policy's sources (the same as policy.json).");
  w.line(`const POLICY_TABLE${typed(": DecisionTable")} = ${dataLiteral(source.table)};`);
  w.line().doc("The runtime's lookup tables (tries, compiled mappings) for the table, built when the policy was compiled.");
  w.line(`const POLICY_LOOKUP_TABLES${typed(": LookupTables")} = ${dataLiteral(source.lookupTables)};`);
  w.line();
  writeModuleApi(w, flavor, source.explains);
  if (flavor === "ts") w.line(`export type { ${runtimeApiTypes(source.explains).join(", ")} };`);
  return w.toString();
}

function writeIntroduction(w: CodeWriter, explains: boolean): void {
  w.line("//");
  w.line("// This module decides requests for one policy exactly as `policyc check` does: `authorize(request)`");
  if (explains) {
    w.line("// returns the same decision, `explain(request)` that decision with its derivation, with source locations");
    w.line("// and action-group chains (the policy was compiled with `--provenance`), `rolesOf(user)` the user's");
    w.line("// security roles, `whoami(user)` what the plugin's authinfo reports (roles and tenants), and");
    w.line("// `createAuthorizer()` an authorizer with caches of its own.");
  } else {
    w.line("// returns the same decision, `rolesOf(user)` the user's security roles, `whoami(user)` what the plugin's");
    w.line("// authinfo reports (roles and tenants), and `createAuthorizer()` an authorizer with caches of its own.");
    w.line("// Compile with `--provenance` for a module that also explains its decisions (`explain(request)`).");
  }
  w.line("// It imports nothing and runs in Node and browsers.");
}

function writeSectionTitle(w: CodeWriter, title: string): void {
  w.line().line(`// ${"=".repeat(97)}`).line(`// ${title}`).line();
}
