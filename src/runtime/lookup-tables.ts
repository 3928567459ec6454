/**
 * The lookup tables of a decision table: every trie and compiled mapping
 * table the runtime needs, as plain JSON data (objects of arrays of numbers
 * and strings). `loadTable` builds them when it is not given them; the
 * generated module embeds them, computed at compile time, so that loading it
 * builds nothing but typed arrays.
 */
import type { DecisionTable } from "../table/types.js";
import { buildActionLookup, type ActionLookup } from "./action-lookup.js";
import { buildIndexLookup, type IndexLookup } from "./index-lookup.js";
import { buildMappingLookup, type MappingLookup } from "./mapping-lookup.js";
import { buildNameRules, type NameRulesData } from "./name-rules.js";

/** The `format` of lookup tables. */
export const LOOKUP_FORMAT = "policyc-lookup-tables";
/** Bumped whenever the meaning or layout of any part changes. */
export const LOOKUP_VERSION = 1;

/**
 * Lookup tables (format `policyc-lookup-tables`, version 1).
 *
 * - `actions`: the trie of the action patterns and the action classes of
 *   the action names the policy spells out (see `action-lookup.ts`);
 * - `indices`: per unit of at most 30 index permissions of a role, a trie of
 *   its index patterns with entry masks, and its regex/template residuals
 *   (see `index-lookup.ts`);
 * - `mappings`: the role mappings as tables from pattern to role list
 *   (exact names, a trie of the wildcard patterns, regexes), and the
 *   `and_backend_roles` rules (see `mapping-lookup.ts`);
 * - `systemIndices`: the configured system index patterns (empty while
 *   system indices are disabled), in the same form (see `name-rules.ts`).
 *
 * Tries are `PatternTrieData` (see `pattern-trie.ts`). A lookup belongs to
 * one decision table; `tableShape` records that table's counts of action
 * patterns, index patterns, roles and mappings, checked at load.
 */
export interface LookupTables {
  readonly format: typeof LOOKUP_FORMAT;
  readonly version: typeof LOOKUP_VERSION;
  /** `[actionPatterns, indexPatterns, roles, mappings]` of the table it was built from. */
  readonly tableShape: readonly number[];
  readonly actions: ActionLookup;
  readonly indices: IndexLookup;
  readonly mappings: MappingLookup;
  readonly systemIndices: NameRulesData;
}

/** Builds the lookup tables of a (valid) decision table. Pure: the same table gives the same data. */
export function buildLookupTables(table: DecisionTable): LookupTables {
  const settings = table.settings;
  const systemIndices = settings.systemIndicesEnabled ? [...new Set(settings.systemIndices)] : [];
  return {
    format: LOOKUP_FORMAT,
    version: LOOKUP_VERSION,
    tableShape: tableShapeOf(table),
    actions: buildActionLookup(table.actionPatterns),
    indices: buildIndexLookup(table),
    mappings: buildMappingLookup(table.mappings),
    systemIndices: buildNameRules(systemIndices.map((pattern) => [pattern, 1] as const)),
  };
}

/** What a lookup records of its table: the counts of action patterns, index patterns, roles and mappings. */
export function tableShapeOf(table: DecisionTable): number[] {
  return [table.actionPatterns.length, table.indexPatterns.length, table.roles.length, table.mappings.length];
}
