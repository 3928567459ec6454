/**
 * The grants that almost matched one missing part of a denied request,
 * closest first: an index pattern of the user's roles a few characters from
 * the name (closest when its permission has the action), a permission of
 * the user's roles that covers the name without the action, the action on
 * patterns that do not match (or in the wrong kind of permission), and
 * roles the user does not hold that grant it. At most
 * `NEAR_MISSES_PER_KIND` of each kind.
 */
import type { GrantTarget, NearMiss } from "../../table/explanation.js";
import { nearHeldMisses, nearTenantMisses, type RankedNearMiss } from "./near-held.js";
import { nearClusterGrants, nearPrivilegeOf, nearRoleGrantsTenant, nearRoleIndexGrant, nearTenantWrites, type DenialContext, type NearPrivilege } from "./near-grants.js";
import { nearBuiltinRole, nearOrder, nearRoleAt, nearTick, nearWithAt } from "./near-wording.js";

/** Near misses of each kind at most. */
export const NEAR_MISSES_PER_KIND = 5;

const NEAR_RANK_UNHELD = 4;

/** The near misses of one missing target, closest first. */
export function nearMissesOf(context: DenialContext, target: GrantTarget, privilegeName: string): NearMiss[] {
  const privilege = nearPrivilegeOf(context, privilegeName);
  const ranked =
    target.kind === "tenant"
      ? nearTenantMisses(context, target.tenant, nearTenantWrites(privilegeName))
      : nearHeldMisses(context, target, privilege);
  ranked.push(...nearUnheldMisses(context, target, privilege));
  return nearClosestFirst(ranked);
}

/** Sorted by rank, distance, role and entry; at most `NEAR_MISSES_PER_KIND` per kind. */
function nearClosestFirst(ranked: readonly RankedNearMiss[]): NearMiss[] {
  const sorted = [...ranked].sort(
    (a, b) => a.rank - b.rank || a.distance - b.distance || nearOrder(a.miss.role, b.miss.role) || (a.miss.entry ?? -1) - (b.miss.entry ?? -1) || nearOrder(a.miss.pattern ?? "", b.miss.pattern ?? ""),
  );
  const perKind = new Map<NearMiss["kind"], number>();
  const kept: NearMiss[] = [];
  for (const { miss } of sorted) {
    const count = perKind.get(miss.kind) ?? 0;
    if (count >= NEAR_MISSES_PER_KIND) continue;
    perKind.set(miss.kind, count + 1);
    kept.push(miss);
  }
  return kept;
}

/**
 * Roles the user does not hold that grant the target: every role is looked
 * at (through the unit tries, so a large table stays fast), and the
 * smallest roles are named first, the policy's own before built-in ones.
 */
function nearUnheldMisses(context: DenialContext, target: GrantTarget, privilege: NearPrivilege): RankedNearMiss[] {
  const roles = context.table.roles;
  const found = [...nearGrantingRoles(context, target, privilege)].map(([roleId, entry]) => ({ roleId, entry, weight: nearRoleWeight(context, roleId) }));
  found.sort((a, b) => a.weight - b.weight || nearOrder(roles[a.roleId]!.name, roles[b.roleId]!.name));
  // The position is the distance: the lightest roles stay first through the final sort.
  return found.slice(0, NEAR_MISSES_PER_KIND).map(({ roleId, entry }, position) => {
    const role = roles[roleId]!.name;
    const where = target.kind === "index" ? ` on ${nearTick(target.index)}` : target.kind === "all-indices" ? " on all indices" : "";
    const what = target.kind === "tenant" ? `tenant ${nearTick(target.tenant)}` : `${nearTick(privilege.name)}${where}`;
    const miss: NearMiss = { kind: "unheld-role", role, ...(entry >= 0 ? { entry } : {}), detail: `role ${nearTick(role)}, which the user does not hold, grants ${what}` };
    return { rank: NEAR_RANK_UNHELD, distance: position, miss: nearWithAt(miss, nearRoleAt(context.table, roleId)) };
  });
}

/**
 * The roles the user does not hold that grant the target, each with the
 * entry that does (-1 for cluster and tenant grants): every role is looked
 * at, through the unit tries, once per target and privilege.
 */
export function nearGrantingRoles(context: DenialContext, target: GrantTarget, privilege: NearPrivilege): ReadonlyMap<number, number> {
  const key = `${JSON.stringify(target)} ${privilege.name}`;
  let found = context.granting.get(key);
  if (found === undefined) {
    const roles = new Map<number, number>();
    for (let roleId = 0; roleId < context.table.roles.length; roleId++) {
      if (context.held.has(roleId)) continue;
      const entry = nearUnheldGrant(context, roleId, target, privilege);
      if (entry !== undefined) roles.set(roleId, entry);
    }
    context.granting.set(key, (found = roles));
  }
  return found;
}

/** The entry (or -1 for cluster and tenant grants) through which a role grants the target, undefined when it does not. */
function nearUnheldGrant(context: DenialContext, roleId: number, target: GrantTarget, privilege: NearPrivilege): number | undefined {
  const role = context.table.roles[roleId]!;
  switch (target.kind) {
    case "cluster":
      return nearClusterGrants(role, privilege) ? -1 : undefined;
    case "tenant":
      return nearRoleGrantsTenant(context, role, target.tenant, nearTenantWrites(privilege.name)) ? -1 : undefined;
    case "index":
    case "all-indices": {
      const entry = nearRoleIndexGrant(context, roleId, privilege, target.kind === "index" ? target.index : undefined);
      return entry >= 0 ? entry : undefined;
    }
  }
}

/** How much a role grants, roughly: its action patterns counted per permission; built-in roles weigh more. */
export function nearRoleWeight(context: DenialContext, roleId: number): number {
  const role = context.table.roles[roleId]!;
  let weight = role.cluster.length + role.tenants.length;
  for (const entry of role.index) weight += entry.actions.length * entry.patterns.length;
  return nearBuiltinRole(context.table, roleId) ? weight + 1_000_000 : weight;
}
