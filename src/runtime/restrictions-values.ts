/**
 * What a decision reports of one index: the joined rules of each kind turned
 * into values, as DocumentPrivileges, FieldPrivileges and FieldMasking
 * compile them (their `compile`), in a stable order:
 *
 * - DLS: every rule's query (templates rendered for the user), the distinct
 *   ones OR-ed: one query as it is, several as
 *   `{"bool": {"minimum_should_match": 1, "should": [...]}}` ordered by
 *   their canonical text;
 * - FLS: the fields of all rules united; with any exclusion (`~f` or `!f`)
 *   only the exclusions count (FlsRule: mixed inclusions and exclusions keep
 *   the exclusions), else the inclusions, where `*` among them lifts the
 *   restriction (FlsRule.allowAll); names without their prefix, sorted,
 *   distinct. (Newer plugin sources join FLS per role instead — a field
 *   excluded by one of two excluding roles stays visible through the other;
 *   policyc follows the rule as documented: exclusions united.)
 * - masks: every rule's masked field expressions united, as written, sorted.
 */
import type { AttributeSubject } from "../patterns/user-attributes.js";
import type { IndexRestrictions, JsonValue } from "../table/request.js";
import { isDlsTemplate, renderDlsQuery } from "./restrictions-dls.js";
import type { KindJoin } from "./restrictions-join.js";
import { canonicalJson } from "./restrictions-json.js";
import type { RestrictionRules } from "./restrictions-tables.js";

type FlsValue = IndexRestrictions["fls"];

/** The restrictions of an index from its joins (DLS, FLS, masks); undefined when a DLS query fails to evaluate. */
export function restrictionValues(rules: RestrictionRules, joins: readonly KindJoin[], subject: () => AttributeSubject): IndexRestrictions | undefined {
  const dls = dlsValue(rules, joins[0]!.rules, subject);
  if (dls === undefined) return undefined;
  return Object.freeze({ dls, fls: flsValue(rules, joins[1]!.rules), masked_fields: maskValue(rules, joins[2]!.rules) });
}

/** The OR of the rules' queries, null without rules, undefined when one fails to evaluate. */
function dlsValue(rules: RestrictionRules, entries: readonly number[] | undefined, subject: () => AttributeSubject): JsonValue | undefined {
  if (entries === undefined) return null;
  const queries = new Map<string, JsonValue>();
  for (const entry of entries) {
    const text = rules.entries[entry]!.dls!;
    if (!isDlsTemplate(text)) {
      const query = rules.constantQuery(entry);
      queries.set(canonicalJson(query), query);
      continue;
    }
    const rendered = renderDlsQuery(text, subject());
    if (rendered === undefined || !rendered.ok) return undefined;
    queries.set(rendered.text, rendered.query);
  }
  const ordered = [...queries.keys()].sort(compareCodeUnitOrder).map((key) => queries.get(key)!);
  if (ordered.length === 1) return ordered[0]!;
  return Object.freeze({ bool: Object.freeze({ minimum_should_match: 1, should: Object.freeze(ordered) }) });
}

function flsValue(rules: RestrictionRules, entries: readonly number[] | undefined): FlsValue {
  if (entries === undefined) return null;
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const entry of entries) {
    for (const field of rules.entries[entry]!.fls!) {
      if (field.startsWith("~") || field.startsWith("!")) exclude.add(field.slice(1));
      else include.add(field);
    }
  }
  if (exclude.size > 0) return Object.freeze({ exclude: sortedList(exclude) });
  return include.has("*") ? null : Object.freeze({ include: sortedList(include) });
}

function maskValue(rules: RestrictionRules, entries: readonly number[] | undefined): readonly string[] | null {
  if (entries === undefined) return null;
  const masks = new Set<string>();
  for (const entry of entries) for (const mask of rules.entries[entry]!.maskedFields!) masks.add(mask);
  return sortedList(masks);
}

function sortedList(values: ReadonlySet<string>): readonly string[] {
  return Object.freeze([...values].sort(compareCodeUnitOrder));
}

function compareCodeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
