/**
 * The roles each principal holds in two versions: every mapping pattern
 * (by kind: a `users`, `backend_roles`, `hosts` or `ips` pattern, an
 * `and_backend_roles` rule) with the roles it maps to, and every internal
 * user with the roles the runtime gives it. A principal is listed when it
 * gains or loses a role, or holds a role whose access changed.
 */
import { combineEffects, effectOf, type Effect, type PrincipalDiff, type PrincipalKind, type RoleDiff } from "./model.js";
import { grantsAnything, type RoleAccess } from "./role-access.js";
import { internalUserRoles } from "../role-reach.js";
import { parsePattern } from "../../patterns/pattern.js";
import type { DecisionTable } from "../../table/types.js";

interface Principal {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly roles: Set<string>;
}

const KIND_ORDER: readonly PrincipalKind[] = ["internal_user", "users", "backend_roles", "and_backend_roles", "hosts", "ips"];

/** One version of the policy as the principal diff needs it. */
export interface DiffSide {
  readonly table: DecisionTable;
  readonly access: ReadonlyMap<string, RoleAccess>;
}

export function diffPrincipals(before: DiffSide, after: DiffSide, roleDiffs: ReadonlyMap<string, RoleDiff>): PrincipalDiff[] {
  const was = principalsOf(before.table);
  const is = principalsOf(after.table);
  const keys = [...new Set([...was.keys(), ...is.keys()])];
  const diffs = keys.flatMap((key): PrincipalDiff[] => {
    const principal = (is.get(key) ?? was.get(key))!;
    const old = was.get(key)?.roles ?? new Set<string>();
    const now = is.get(key)?.roles ?? new Set<string>();
    const gainedRoles = [...now].filter((role) => !old.has(role)).sort(compare);
    const lostRoles = [...old].filter((role) => !now.has(role)).sort(compare);
    const changedRoles = [...now].filter((role) => old.has(role) && roleDiffs.has(role)).sort(compare);
    if (gainedRoles.length === 0 && lostRoles.length === 0 && changedRoles.length === 0) return [];
    const undefinedRoles = [...gainedRoles.filter((role) => !after.access.has(role)), ...lostRoles.filter((role) => !before.access.has(role))].sort(compare);
    const effect: Effect = combineEffects([
      effectOf(gainedRoles.some((role) => granting(after, role)), lostRoles.some((role) => granting(before, role))),
      ...changedRoles.map((role) => roleDiffs.get(role)!.effect),
    ]);
    return [{ kind: principal.kind, name: principal.name, effect, gainedRoles, lostRoles, changedRoles, undefinedRoles }];
  });
  return diffs.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.name, b.name));
}

function granting(side: DiffSide, role: string): boolean {
  const access = side.access.get(role);
  return access !== undefined && grantsAnything(access);
}

/**
 * Every principal of a version with its roles. Mapping patterns give no role
 * while `roles_mapping_resolution` is `BACKENDROLES_ONLY`; an internal
 * user's roles are the runtime's (its `opendistro_security_roles` and mappings).
 */
function principalsOf(table: DecisionTable): Map<string, Principal> {
  const principals = new Map<string, Principal>();
  const add = (kind: PrincipalKind, name: string, roles: Iterable<string>) => {
    const key = `${kind}\u0000${name}`;
    const principal = principals.get(key) ?? { kind, name, roles: new Set<string>() };
    for (const role of roles) principal.roles.add(role);
    principals.set(key, principal);
  };
  const mappingsCount = table.settings.rolesMappingResolution !== "BACKENDROLES_ONLY";
  for (const mapping of table.mappings) {
    const roles = mappingsCount ? [mapping.role] : [];
    for (const pattern of mapping.users) add("users", pattern, roles);
    for (const pattern of mapping.backendRoles) add("backend_roles", pattern, roles);
    for (const pattern of mapping.hosts) add("hosts", pattern, roles);
    for (const pattern of mapping.ips ?? []) add("ips", pattern, roles);
    const and = mapping.andBackendRoles;
    // A rule with a pattern that matches nothing never applies.
    if (and.length > 0 && !and.some((pattern) => parsePattern(pattern).kind === "none")) add("and_backend_roles", [...and].sort(compare).join(" + "), roles);
  }
  for (const user of table.provenance?.internalUsers ?? []) {
    const roles = internalUserRoles(table, user.name, user.backendRoles.map((n) => n.value), user.securityRoles.map((n) => n.value));
    add("internal_user", user.name, roles);
  }
  return principals;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
