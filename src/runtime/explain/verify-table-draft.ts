/**
 * Changed copies of a decision table, to decide a request again with a
 * suggested change: an action (its expansion) added to a role's cluster
 * permissions or to an index permission, a new index permission, an index
 * pattern added to an index permission, a user mapped to a role.
 *
 * The copy holds only what decides for the requesting user: the roles the
 * user holds (and the role a change maps it to) and their mappings, with
 * pattern pools cut down to what those roles use. A user's roles come from
 * mappings one mapping at a time, and a decision reads only the user's
 * roles, so the copy decides that user's requests exactly as the whole
 * table would (the suggestion tests check this on every example), while a
 * table of 10,000 roles loads in a fraction of the time.
 */
import { compilePattern } from "../../patterns/pattern.js";
import { SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";
import { REST_API_PERMISSIONS } from "../../rules/rest-api.js";
import type { DecisionTable, TableIndexEntry, TableMapping, TableRole } from "../../table/types.js";

/** One change a suggestion makes, in the table's terms (action patterns already expanded). */
export type VerifyChange =
  | { readonly kind: "cluster-actions"; readonly role: string; readonly patterns: readonly string[] }
  | { readonly kind: "entry-actions"; readonly role: string; readonly entry: number; readonly patterns: readonly string[] }
  | { readonly kind: "new-entry"; readonly role: string; readonly indexPatterns: readonly string[]; readonly patterns: readonly string[] }
  | { readonly kind: "entry-pattern"; readonly role: string; readonly entry: number; readonly pattern: string }
  | { readonly kind: "map-user"; readonly role: string; readonly user: string };

/**
 * The table cut down to the named roles and the mappings to them (pools
 * renumbered), without provenance. `roles` undefined keeps every role.
 */
export function verifyProjectTable(table: DecisionTable, roles: ReadonlySet<string> | undefined): DecisionTable {
  const keptRoles = roles === undefined ? table.roles : table.roles.filter((role) => roles.has(role.name));
  const keptMappings = roles === undefined ? table.mappings : table.mappings.filter((mapping) => roles.has(mapping.role));
  const actionIds = new VerifyPool();
  const indexIds = new VerifyPool();
  const renumbered = keptRoles.map((role): TableRole => {
    const copy: TableRole = {
      ...role,
      cluster: role.cluster.map((id) => actionIds.idOf(table.actionPatterns[id]!)),
      index: role.index.map((entry) => ({
        ...entry,
        patterns: entry.patterns.map((id) => indexIds.idOf(table.indexPatterns[id]!)),
        actions: entry.actions.map((id) => actionIds.idOf(table.actionPatterns[id]!)),
      })),
      tenants: role.tenants.map((entry) => (entry.actions === undefined ? entry : { ...entry, actions: entry.actions.map((id) => actionIds.idOf(table.actionPatterns[id]!)) })),
    };
    return role.excludeCluster === undefined ? copy : { ...copy, excludeCluster: role.excludeCluster.map((id) => actionIds.idOf(table.actionPatterns[id]!)) };
  });
  const { provenance: _dropped, ...rest } = table;
  void _dropped;
  return { ...rest, actionPatterns: actionIds.values, indexPatterns: indexIds.values, roles: renumbered, mappings: keptMappings };
}

/** The projected table with one change made; `source` gives the role a `map-user` change adds. */
export function verifyApplyChange(projected: DecisionTable, change: VerifyChange, source: DecisionTable): DecisionTable {
  const actionIds = new VerifyPool(projected.actionPatterns);
  const indexIds = new VerifyPool(projected.indexPatterns);
  let roles = projected.roles;
  let mappings = projected.mappings;
  if (change.kind === "map-user") {
    const role = source.roles.find((candidate) => candidate.name === change.role);
    if (role !== undefined && !roles.some((kept) => kept.name === change.role)) {
      roles = [...roles, verifyRenumberRole(role, source, actionIds, indexIds)];
      mappings = [...mappings, ...source.mappings.filter((mapping) => mapping.role === change.role)];
    }
    const mapping: TableMapping = { role: change.role, users: [change.user], backendRoles: [], andBackendRoles: [], hosts: [] };
    mappings = [...mappings, mapping];
  } else {
    roles = roles.map((role) => (role.name === change.role ? verifyChangeRole(role, change, actionIds, indexIds) : role));
  }
  return { ...projected, actionPatterns: actionIds.values, indexPatterns: indexIds.values, roles, mappings };
}

/** A role of another table (an OpenSearch one: no tenant actions), its ids moved into these pools. */
function verifyRenumberRole(role: TableRole, from: DecisionTable, actionIds: VerifyPool, indexIds: VerifyPool): TableRole {
  const action = (id: number) => actionIds.idOf(from.actionPatterns[id]!);
  return {
    ...role,
    cluster: role.cluster.map(action),
    index: role.index.map((entry) => ({ ...entry, patterns: entry.patterns.map((id) => indexIds.idOf(from.indexPatterns[id]!)), actions: entry.actions.map(action) })),
  };
}

function verifyChangeRole(role: TableRole, change: Exclude<VerifyChange, { kind: "map-user" }>, actionIds: VerifyPool, indexIds: VerifyPool): TableRole {
  switch (change.kind) {
    case "cluster-actions": {
      const cluster = verifySortedIds([...role.cluster, ...change.patterns.map((pattern) => actionIds.idOf(pattern))]);
      return { ...role, cluster, restApi: verifyExplicitRestApi(cluster.map((id) => actionIds.values[id]!)) };
    }
    case "entry-actions":
      return { ...role, index: role.index.map((entry, k) => (k === change.entry ? verifyEntryWith(entry, change.patterns, actionIds) : entry)) };
    case "new-entry": {
      const entry: TableIndexEntry = { patterns: verifySortedIds(change.indexPatterns.map((pattern) => indexIds.idOf(pattern))), actions: [], systemIndexAccess: false };
      return { ...role, index: [...role.index, verifyEntryWith(entry, change.patterns, actionIds)] };
    }
    case "entry-pattern": {
      const withPattern = (entry: TableIndexEntry) => verifySortedIds([...entry.patterns, indexIds.idOf(change.pattern)]);
      return { ...role, index: role.index.map((entry, k) => (k === change.entry ? { ...entry, patterns: withPattern(entry) } : entry)) };
    }
  }
}

/** The entry with the action patterns added, its explicit system index access worked out again. */
function verifyEntryWith(entry: TableIndexEntry, patterns: readonly string[], actionIds: VerifyPool): TableIndexEntry {
  const actions = verifySortedIds([...entry.actions, ...patterns.map((pattern) => actionIds.idOf(pattern))]);
  const texts = actions.map((id) => actionIds.values[id]!);
  // As the compiler decides it: by that name or by a pattern other than the bare `*`.
  const systemIndexAccess = texts.some((text) => text !== "*" && compilePattern(text)(SYSTEM_INDEX_PERMISSION));
  return { ...entry, actions, systemIndexAccess };
}

/** The REST API permissions cluster patterns grant explicitly (not through the bare `*`), as the compiler records them. */
function verifyExplicitRestApi(patterns: readonly string[]): string[] {
  const matchers = patterns.filter((pattern) => pattern !== "*").map(compilePattern);
  return REST_API_PERMISSIONS.filter((permission) => matchers.some((matches) => matches(permission)));
}

function verifySortedIds(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** A pattern pool that grows: each text once, by first use. */
class VerifyPool {
  readonly values: string[];
  private readonly ids: Map<string, number>;

  constructor(values: readonly string[] = []) {
    this.values = [...values];
    this.ids = new Map(this.values.map((value, id) => [value, id]));
  }

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}
