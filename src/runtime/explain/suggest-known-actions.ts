/**
 * What a suggested change grants besides what the request needs, counted
 * over the actions the policy itself knows: every action pattern of the
 * table (after group expansion) and every member of every action group of
 * its provenance (built-in groups included), group names left out. The
 * runtime reads no files, so the plugin's list of known actions
 * (data/opensearch/known_actions.txt) is not consulted; the built-in groups
 * name the common ones, and a policy's own patterns name the rest it uses.
 *
 * A known name or pattern counts when a pattern of the change covers it
 * (a name it matches; a pattern whose text it matches, which is exact for
 * `*` wildcards), when it is of the kind the permission checks (cluster
 * actions for cluster permissions, index actions for index permissions),
 * and when the permission did not cover it already.
 */
import { compilePattern, isRegexPattern, type Matcher } from "../../patterns/pattern.js";
import { isClusterAction } from "../../rules/actions.js";
import type { DecisionTable } from "../../table/types.js";

/** Kinds of known actions, as bits: cluster permissions check the first, index permissions the second. */
export const SUGGEST_CLUSTER_KIND = 1;
export const SUGGEST_INDEX_KIND = 2;

/** The known action names and patterns of a table, with their kinds. */
export interface SuggestKnownActions {
  readonly names: readonly string[];
  readonly kinds: Uint8Array;
}

const suggestKnownByTable = new WeakMap<DecisionTable, SuggestKnownActions>();

/** The table's known actions, worked out once per table. */
export function suggestKnownActionsOf(table: DecisionTable): SuggestKnownActions {
  let known = suggestKnownByTable.get(table);
  if (known === undefined) {
    const groups = table.provenance?.actionGroups ?? [];
    const groupNames = new Set(groups.map((group) => group.name));
    const names = new Set(table.actionPatterns);
    for (const group of groups) for (const member of group.allowedActions) names.add(member.value);
    // A name without `:` is a group name (or a misspelt one), not an action.
    const actions = [...names].filter((name) => !groupNames.has(name) && (name.includes(":") || name === "*")).sort();
    known = { names: actions, kinds: Uint8Array.from(actions, suggestActionKind) };
    suggestKnownByTable.set(table, known);
  }
  return known;
}

/**
 * The kinds an action pattern's names have: a pattern whose literal start
 * is a proper start of `indices:` (`*`, `ind*`) or a regex reaches both.
 */
export function suggestActionKind(pattern: string): number {
  if (isRegexPattern(pattern)) return SUGGEST_CLUSTER_KIND | SUGGEST_INDEX_KIND;
  const wildcard = pattern.search(/[*?]/);
  const start = wildcard < 0 ? pattern : pattern.slice(0, wildcard);
  if (wildcard >= 0 && "indices:".startsWith(start) && start !== "indices:") return SUGGEST_CLUSTER_KIND | SUGGEST_INDEX_KIND;
  return isClusterAction(pattern) ? SUGGEST_CLUSTER_KIND : SUGGEST_INDEX_KIND;
}

/**
 * How many known actions of the kind the `added` patterns cover that the
 * `existing` ones did not, the `needed` action left out.
 */
export function suggestCountGranted(known: SuggestKnownActions, added: readonly string[], kind: number, existing: readonly string[], needed: string): number {
  const adds = suggestMatchers(added);
  const haves = suggestMatchers(existing);
  let count = 0;
  for (let i = 0; i < known.names.length; i++) {
    const name = known.names[i]!;
    if ((known.kinds[i]! & kind) === 0 || name === needed) continue;
    if (adds.some((matches) => matches(name)) && !haves.some((matches) => matches(name))) count++;
  }
  return count;
}

function suggestMatchers(patterns: readonly string[]): Matcher[] {
  return [...new Set(patterns)].map(compilePattern);
}
