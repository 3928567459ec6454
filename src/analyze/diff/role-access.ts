/**
 * A role's access in a form two versions can be compared in: sets of
 * expanded action patterns, per index pattern (all entries of the role that
 * name the pattern together, so a pattern moved between entries is no
 * change) and per tenant pattern. The order of entries and of patterns, and
 * the names of the action groups that produced the actions, are gone.
 */
import { parsePattern } from "../../patterns/pattern.js";
import type { DecisionTable, RestrictionKind, TableIndexEntry, TableRole } from "../../table/types.js";
import type { TenantAccess } from "./model.js";

export const RESTRICTION_KINDS: readonly RestrictionKind[] = ["dls", "fls", "masked_fields"];

export interface IndexAccess {
  readonly actions: Set<string>;
  systemIndex: boolean;
  /** Per kind, the rules of the entries naming the pattern (a DLS query, an FLS or mask list as JSON). */
  readonly rules: Readonly<Record<RestrictionKind, Set<string>>>;
}

export interface TenantGrant {
  access: TenantAccess;
  /** Search Guard: the expanded tenant actions. */
  readonly actions: Set<string>;
}

export interface RoleAccess {
  readonly cluster: ReadonlySet<string>;
  readonly index: ReadonlyMap<string, IndexAccess>;
  readonly tenants: ReadonlyMap<string, TenantGrant>;
  readonly restApi: ReadonlySet<string>;
  readonly excludeCluster: ReadonlySet<string>;
}

export const NO_ACCESS: RoleAccess = { cluster: new Set(), index: new Map(), tenants: new Map(), restApi: new Set(), excludeCluster: new Set() };

/** Whether the role grants anything at all (an exclusion alone grants nothing). */
export function grantsAnything(access: RoleAccess): boolean {
  const indexGrants = [...access.index.values()].some((entry) => entry.actions.size > 0 || entry.systemIndex);
  const tenantGrants = [...access.tenants.values()].some((grant) => grant.access !== "none" || grant.actions.size > 0);
  return access.cluster.size > 0 || indexGrants || tenantGrants || access.restApi.size > 0;
}

export function roleAccess(table: DecisionTable, role: TableRole): RoleAccess {
  const actionsOf = (ids: readonly number[]) => ids.map((id) => table.actionPatterns[id]!).filter(namesSomeAction);
  const index = new Map<string, IndexAccess>();
  for (const entry of role.index) {
    const patterns = entry.patterns.map((id) => table.indexPatterns[id]!);
    for (const key of indexKeys(patterns, table.flavor === "searchguard")) {
      const access = index.get(key) ?? { actions: new Set<string>(), systemIndex: false, rules: { dls: new Set<string>(), fls: new Set<string>(), masked_fields: new Set<string>() } };
      for (const action of actionsOf(entry.actions)) access.actions.add(action);
      access.systemIndex ||= entry.systemIndexAccess;
      for (const [kind, rule] of entryRules(entry)) access.rules[kind].add(rule);
      index.set(key, access);
    }
  }
  const tenants = new Map<string, TenantGrant>();
  for (const entry of role.tenants) {
    for (const pattern of entry.patterns) {
      const grant = tenants.get(pattern) ?? { access: "none", actions: new Set<string>() };
      // Search Guard decides tenants by the actions; OpenSearch by the read-write flag.
      if (entry.actions === undefined) grant.access = entry.write || grant.access === "read-write" ? "read-write" : "read";
      for (const action of actionsOf(entry.actions ?? [])) grant.actions.add(action);
      tenants.set(pattern, grant);
    }
  }
  return { cluster: new Set(actionsOf(role.cluster)), index, tenants, restApi: new Set(role.restApi), excludeCluster: new Set(actionsOf(role.excludeCluster ?? [])) };
}

/**
 * Whether an expanded action pattern can match a real action. The plugin
 * keeps every action-group name among the expanded patterns as a literal
 * (`read` next to `indices:data/read*`), but every transport action name has
 * a `:`, so a name without one grants nothing; leaving such names out is
 * what makes renaming an action group no change.
 */
function namesSomeAction(pattern: string): boolean {
  return pattern.includes(":") || parsePattern(pattern).kind !== "exact";
}

/**
 * The keys an entry's access is filed under: each pattern; for a Search
 * Guard entry with negations, the whole list as written, since a negation
 * only means something next to the patterns it restricts.
 */
function indexKeys(patterns: readonly string[], searchGuard: boolean): readonly string[] {
  if (searchGuard && patterns.some((pattern) => pattern.startsWith("-"))) return [patterns.join(", ")];
  return patterns;
}

/** The entry's rules that count: a rule a later entry replaces where templates match is left out (`replacedTemplateRules`). */
function entryRules(entry: TableIndexEntry): [RestrictionKind, string][] {
  const replaced = new Set(entry.replacedTemplateRules ?? []);
  const rules: [RestrictionKind, string][] = [];
  if (entry.dls !== undefined && !replaced.has("dls")) rules.push(["dls", entry.dls]);
  if (entry.fls !== undefined && entry.fls.length > 0 && !replaced.has("fls")) rules.push(["fls", JSON.stringify([...entry.fls].sort())]);
  if (entry.maskedFields !== undefined && entry.maskedFields.length > 0 && !replaced.has("masked_fields")) {
    rules.push(["masked_fields", JSON.stringify([...entry.maskedFields].sort())]);
  }
  return rules;
}
