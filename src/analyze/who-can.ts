/**
 * `who-can`: every role whose grant decides whether an action is allowed
 * (on an index, in a tenant), how each role grants it, and every mapping
 * pattern and internal user that reaches those roles. Computed from the
 * decision table with the runtime's own rules and pattern semantics, so that
 * a user `authorize` allows holds one of the roles named (or the answer says
 * why no role is needed); locations and action-group chains come from the
 * table's provenance when it has one.
 */
import { WhoCanContext } from "./who-can-grants.js";
import { whoCanOpenSearch } from "./who-can-opensearch.js";
import { whoCanSearchGuard } from "./who-can-searchguard.js";
import type { Principals, RoleAnswer, WhoCanAnswer, WhoCanQuery } from "./who-can-types.js";
import { compareCodeUnits } from "../runtime/mapping-lookup.js";
import type { DecisionTable } from "../table/types.js";

export type { WhoCanAnswer, WhoCanQuery } from "./who-can-types.js";

/** Who can perform the query's action; the table may or may not carry provenance. */
export function whoCan(table: DecisionTable, query: WhoCanQuery): WhoCanAnswer {
  const ctx = new WhoCanContext(table);
  const searchGuard = table.flavor === "searchguard" ? table.settings.searchguard : undefined;
  const answer = searchGuard !== undefined ? whoCanSearchGuard(ctx, query, searchGuard) : whoCanOpenSearch(ctx, query);
  const roles = [...answer.roles].sort((a, b) => compareCodeUnits(a.role, b.role));
  const notes = [...answer.notes, ...commonNotes(table, roles)];
  return {
    query,
    flavor: table.flavor,
    ...answer,
    roles,
    principals: principalsOf(roles),
    notes,
    provenance: table.provenance !== undefined,
  };
}

/** Notes every answer with roles carries: who else may hold a role, and what is left to other plugins. */
function commonNotes(table: DecisionTable, roles: readonly RoleAnswer[]): string[] {
  if (roles.length === 0) return [];
  const securityRoles = table.flavor === "searchguard" ? "search_guard_roles" : "opendistro_security_roles";
  const notes = [`a user also holds the roles its authenticator assigns (an internal user's \`${securityRoles}\`, roles from LDAP or a JWT)`];
  if (table.provenance === undefined) notes.push("the table carries no provenance: no locations, action-group chains or internal users");
  if (table.settings.rolesMappingResolution === "BACKENDROLES_ONLY") notes.push("`roles_mapping_resolution` is `BACKENDROLES_ONLY`: role mappings are ignored, backend roles count by name");
  return notes;
}

/** The principals reaching any of the roles, by kind, each list sorted and without repeats. */
function principalsOf(roles: readonly RoleAnswer[]): Principals {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(compareCodeUnits);
  const rules = roles.flatMap((role) => role.mappedBy);
  const patternsOf = (field: string) => sorted(rules.filter((rule) => rule.field === field).map((rule) => rule.patterns[0]!));
  const andRules = new Map(rules.filter((rule) => rule.field === "and_backend_roles").map((rule) => [JSON.stringify(rule.patterns), rule.patterns]));
  return {
    users: patternsOf("users"),
    backend_roles: patternsOf("backend_roles"),
    and_backend_roles: [...andRules.keys()].sort(compareCodeUnits).map((key) => andRules.get(key)!),
    hosts: patternsOf("hosts"),
    ips: patternsOf("ips"),
    backend_role_names: sorted(roles.filter((role) => role.backendRoleName).map((role) => role.role)),
    internal_users: sorted(roles.flatMap((role) => role.internalUsers.map((user) => user.user))),
  };
}
