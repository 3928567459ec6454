/**
 * A light structural check of lookup tables handed to `loadTable`: the
 * format and version, the shape of the table they were built for, and every
 * array's type, length and id bounds — enough that a damaged or mismatched
 * lookup fails at load with a clear message instead of deciding wrongly or
 * reading out of bounds later.
 */
import type { DecisionTable } from "../table/types.js";
import type { ActionLookup } from "./action-lookup.js";
import { UNIT_SIZE, type IndexLookup } from "./index-lookup.js";
import { LOOKUP_FORMAT, LOOKUP_VERSION, tableShapeOf, type LookupTables } from "./lookup-tables.js";
import type { MappingLookup } from "./mapping-lookup.js";
import type { NameRulesData } from "./name-rules.js";
import type { PatternTrieData } from "./pattern-trie.js";

/** Lookup tables that are malformed or belong to another decision table. */
export class LookupFormatError extends Error {
  override readonly name = "LookupFormatError";
}

/** Masks hold bits 0–29 (see `UNIT_SIZE`). */
const MAX_MASK = 2 ** 30 - 1;

/** Checks `value` as the lookup tables of `table`. @throws LookupFormatError */
export function validateLookupTables(value: unknown, table: DecisionTable): LookupTables {
  const lookup = lookupObject(value, "the lookup tables");
  if (lookup["format"] !== LOOKUP_FORMAT) throw new LookupFormatError(`not policyc lookup tables (\`format\` is not \`${LOOKUP_FORMAT}\`)`);
  if (lookup["version"] !== LOOKUP_VERSION) {
    throw new LookupFormatError(`lookup tables version ${String(lookup["version"])} are not supported; this runtime reads version ${LOOKUP_VERSION}`);
  }
  const shape = lookupInts(lookup["tableShape"], "tableShape", 0, Infinity);
  if (shape.join() !== tableShapeOf(table).join()) {
    throw new LookupFormatError(`the lookup tables were built for another decision table (shape [${shape.join(", ")}], table [${tableShapeOf(table).join(", ")}])`);
  }
  checkActionLookup(lookupObject(lookup["actions"], "actions") as Partial<ActionLookup>, table.actionPatterns.length);
  checkIndexLookup(lookupObject(lookup["indices"], "indices") as Partial<IndexLookup>, table);
  checkMappingLookup(lookupObject(lookup["mappings"], "mappings") as Partial<MappingLookup>);
  checkNameRules(lookup["systemIndices"], "systemIndices", 1);
  return value as LookupTables;
}

function checkActionLookup(actions: Partial<ActionLookup>, patternCount: number): void {
  checkTrieData(actions.trie, "actions.trie", patternCount);
  lookupIds(actions.regexPatterns, "actions.regexPatterns", patternCount);
  const classPatterns = lookupIds(actions.classPatterns, "actions.classPatterns", patternCount).length;
  const classes = lookupOffsets(actions.classStart, "actions.classStart", undefined, classPatterns);
  perItem(lookupInts(actions.classCluster, "actions.classCluster", 0, 1), classes, "actions.classCluster", "class");
  const names = lookupStrings(actions.knownNames, "actions.knownNames").length;
  perItem(lookupIds(actions.knownClasses, "actions.knownClasses", classes), names, "actions.knownClasses", "known name");
}

function checkIndexLookup(indices: Partial<IndexLookup>, table: DecisionTable): void {
  const entries = table.roles.reduce((n, role) => n + role.index.length, 0);
  lookupOffsets(indices.roleUnitStart, "indices.roleUnitStart", table.roles.length, undefined);
  const units = indices.roleUnitStart!.at(-1)!;
  lookupOffsets(indices.unitEntryStart, "indices.unitEntryStart", units, entries);
  checkUnitsCoverRoles(indices as Pick<IndexLookup, "roleUnitStart" | "unitEntryStart">, table);
  const nodes = checkTrieData(indices.trie, "indices.trie", Infinity);
  perItem(lookupIds(indices.unitRoots, "indices.unitRoots", nodes), units, "indices.unitRoots", "unit");
  perItem(lookupInts(indices.unitUniversal, "indices.unitUniversal", 0, MAX_MASK), units, "indices.unitUniversal", "unit");
  perItem(lookupInts(indices.unitSystemAccess, "indices.unitSystemAccess", 0, MAX_MASK), units, "indices.unitSystemAccess", "unit");
  lookupOffsets(indices.unitResidualStart, "indices.unitResidualStart", units, undefined);
  const residuals = indices.unitResidualStart!.at(-1)!;
  perItem(lookupIds(indices.residualPatterns, "indices.residualPatterns", table.indexPatterns.length), residuals, "indices.residualPatterns", "residual");
  perItem(lookupInts(indices.residualMasks, "indices.residualMasks", 0, MAX_MASK), residuals, "indices.residualMasks", "residual");
  perItem(lookupStrings(indices.residualPrefixes, "indices.residualPrefixes"), residuals, "indices.residualPrefixes", "residual");
}

/** Each role's units must hold exactly its own entries, at most `UNIT_SIZE` each. */
function checkUnitsCoverRoles(indices: Pick<IndexLookup, "roleUnitStart" | "unitEntryStart">, table: DecisionTable): void {
  let entry = 0;
  table.roles.forEach((role, r) => {
    const first = indices.roleUnitStart[r]!;
    const last = indices.roleUnitStart[r + 1]!;
    const covered = indices.unitEntryStart[last]! - indices.unitEntryStart[first]!;
    const oversized = indices.unitEntryStart.slice(first, last).some((start, i) => indices.unitEntryStart[first + i + 1]! - start > UNIT_SIZE);
    if (indices.unitEntryStart[first] !== entry || covered !== role.index.length || oversized) {
      throw new LookupFormatError(`indices: the units of role \`${role.name}\` do not hold its ${role.index.length} index permissions`);
    }
    entry += role.index.length;
  });
}

function checkMappingLookup(mappings: Partial<MappingLookup>): void {
  const roles = lookupStrings(mappings.roleNames, "mappings.roleNames").length;
  const lists = lookupOffsets(mappings.listStart, "mappings.listStart", undefined, lookupIds(mappings.listRoles, "mappings.listRoles", roles).length);
  for (const key of ["users", "backendRoles", "hosts"] as const) checkNameRules(mappings[key], `mappings.${key}`, lists);
  lookupInts([mappings.anyBackendRole], "mappings.anyBackendRole", 0, lists);
  const rules = lookupIds(mappings.andRuleRoles, "mappings.andRuleRoles", roles).length;
  const ruleRefs = lookupIds(mappings.andPatternRules, "mappings.andPatternRules", rules).length;
  const patterns = lookupOffsets(mappings.andPatternRuleStart, "mappings.andPatternRuleStart", undefined, ruleRefs);
  lookupOffsets(mappings.andRuleStart, "mappings.andRuleStart", rules, lookupIds(mappings.andRulePatterns, "mappings.andRulePatterns", patterns).length);
  checkNameRules(mappings.andPatterns, "mappings.andPatterns", patterns);
  lookupIds(mappings.andAlwaysRoles, "mappings.andAlwaysRoles", roles);
}

function checkNameRules(value: unknown, where: string, maxPayload: number): void {
  const rules = lookupObject(value, where) as Partial<NameRulesData>;
  const exact = lookupStrings(rules.exactNames, `${where}.exactNames`).length;
  perItem(lookupInts(rules.exactPayloads, `${where}.exactPayloads`, 1, maxPayload), exact, `${where}.exactPayloads`, "exact name");
  checkTrieData(rules.trie, `${where}.trie`, maxPayload);
  const regexes = lookupStrings(rules.regexPatterns, `${where}.regexPatterns`).length;
  perItem(lookupInts(rules.regexPayloads, `${where}.regexPayloads`, 1, maxPayload), regexes, `${where}.regexPayloads`, "regex");
}

/** Checks a trie's arrays and returns its node count; payloads must lie in 0…maxPayload (a mask when unbounded). */
function checkTrieData(value: unknown, where: string, maxPayload: number): number {
  const trie = lookupObject(value, where) as Partial<PatternTrieData>;
  const max = Number.isFinite(maxPayload) ? maxPayload : MAX_MASK;
  const nodes = lookupInts(trie.exact, `${where}.exact`, 0, max).length;
  perItem(lookupInts(trie.prefix, `${where}.prefix`, 0, max), nodes, `${where}.prefix`, "node");
  const labels = lookupStrings(trie.edgeLabels, `${where}.edgeLabels`);
  if (labels.some((label) => label === "")) throw new LookupFormatError(`${where}.edgeLabels must not be empty`);
  lookupOffsets(trie.edgeStart, `${where}.edgeStart`, nodes, labels.length);
  perItem(lookupIds(trie.edgeTargets, `${where}.edgeTargets`, nodes), labels.length, `${where}.edgeTargets`, "edge");
  const globs = lookupStrings(trie.globTails, `${where}.globTails`).length;
  lookupOffsets(trie.globStart, `${where}.globStart`, nodes, globs);
  perItem(lookupInts(trie.globPayloads, `${where}.globPayloads`, 1, max), globs, `${where}.globPayloads`, "glob");
  return nodes;
}

function perItem(items: readonly unknown[], count: number, where: string, item: string): void {
  if (items.length !== count) throw new LookupFormatError(`${where} must have one item per ${item} (${count}), has ${items.length}`);
}

/** A list of ids below `count`. */
function lookupIds(value: unknown, where: string, count: number): number[] {
  return lookupInts(value, where, 0, count - 1);
}

/** Checks an offsets array (non-decreasing, from 0) and returns the number of runs it delimits. */
function lookupOffsets(value: unknown, where: string, runs: number | undefined, total: number | undefined): number {
  const items = lookupInts(value, where, 0, total ?? Infinity);
  const ok = items.length > 0 && items[0] === 0 && items.every((v, i) => i === 0 || v >= items[i - 1]!);
  if (!ok || (runs !== undefined && items.length !== runs + 1) || (total !== undefined && items[items.length - 1] !== total)) {
    throw new LookupFormatError(`${where} must be offsets from 0${runs === undefined ? "" : ` with ${runs + 1} items`}${total === undefined ? "" : ` ending at ${total}`}`);
  }
  return items.length - 1;
}

function lookupObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LookupFormatError(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function lookupInts(value: unknown, where: string, min: number, max: number): number[] {
  if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max)) {
    throw new LookupFormatError(`${where} must be a list of whole numbers from ${min} to ${max}`);
  }
  return value as number[];
}

function lookupStrings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw new LookupFormatError(`${where} must be a list of strings`);
  return value as string[];
}
