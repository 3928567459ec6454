/**
 * The generated module of a compiled policy: policy.ts, and with `js`
 * policy.js and policy.d.ts.
 */
import { readKnownActions } from "../../check/known-actions.js";
import { buildLookupTables } from "../../runtime/index.js";
import type { DecisionTable } from "../../table/types.js";
import { emitDeclarations } from "./declarations.js";
import { emitJavaScriptModule, emitTypeScriptModule, type ModuleSource } from "./typescript-module.js";

export interface ModuleInput {
  readonly table: DecisionTable;
  /** The policy's source files, paths as given. */
  readonly sources: readonly string[];
  /** Every action group name, built-in and custom. */
  readonly actionGroupNames: Iterable<string>;
}

export interface ModuleOptions {
  /** Also the JavaScript module and its declarations. */
  readonly js?: boolean;
}

/** The module's files by name. */
export function emitModuleFiles(input: ModuleInput, options: ModuleOptions = {}): Record<string, string> {
  const source = moduleSource(input);
  const files: Record<string, string> = { "policy.ts": emitTypeScriptModule(source) };
  if (options.js) {
    files["policy.js"] = emitJavaScriptModule(source);
    files["policy.d.ts"] = emitDeclarations(source);
  }
  return files;
}

function moduleSource(input: ModuleInput): ModuleSource {
  const names = {
    roles: sortedUnique(input.table.roles.map((role) => role.name)),
    actionGroups: sortedUnique(input.actionGroupNames),
    knownActions: sortedUnique(readKnownActions()),
    tenants: sortedUnique(input.table.tenants),
  };
  // Built now, so that loading the module builds no trie and no mapping table.
  const lookupTables = buildLookupTables(input.table);
  return { table: input.table, lookupTables, sources: input.sources, names, explains: input.table.provenance !== undefined };
}

/** Sorted by code unit (the default sort), which is the same on every machine. */
function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

