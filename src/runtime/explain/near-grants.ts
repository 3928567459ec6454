/**
 * What the analysis of a deny asks of roles, one role or entry at a time:
 * whether a role's cluster permissions or an index permission grant a
 * privilege, and which of an entry's patterns match a name. Held roles are
 * looked at entry by entry (their patterns rendered for the user, as a
 * decision renders them); the roles the user does not hold, which may be
 * thousands, through the same unit tries a decision walks.
 */
import { SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";
import { REST_API_PREFIX } from "../../rules/rest-api.js";
import type { DecisionTable, TableIndexEntry, TableRole } from "../../table/types.js";
import { classMembers, type ActionClass } from "../action-catalog.js";
import { UNIT_RECORD_SIZE, UNIT_SYSTEM_ACCESS } from "../class-grants.js";
import { allIndicesGranted, indexGranted } from "../grant-checks.js";
import { UNIT_SIZE } from "../index-lookup.js";
import type { TablePolicy } from "../table-policy.js";
import type { PolicyRequest, UserEntry } from "../user-directory.js";

/** A denied request with everything the analysis reads about it. */
export interface DenialContext {
  readonly policy: TablePolicy;
  readonly table: DecisionTable;
  readonly request: PolicyRequest;
  readonly user: UserEntry;
  /** The table ids of the user's defined roles, in role-set order. */
  readonly heldRoles: readonly number[];
  readonly held: ReadonlySet<number>;
  /** What `nearGrantingRoles` found, by target and privilege: near misses and mapping suggestions ask alike. */
  readonly granting: Map<string, ReadonlyMap<number, number>>;
}

/** A privilege ready to test against permissions. */
export interface NearPrivilege {
  readonly name: string;
  readonly cls: ActionClass;
  /** Per action pattern id, 1 when the pattern matches the privilege. */
  readonly members: Uint8Array;
  /** `system:admin/system_index`, which only an explicit grant gives (the entry's `systemIndexAccess`). */
  readonly systemIndex: boolean;
  /** A `restapi:admin/…` permission, which only an explicit cluster grant gives (the role's `restApi`). */
  readonly restApi: boolean;
}

export function nearPrivilegeOf(context: DenialContext, privilege: string): NearPrivilege {
  const cls = context.policy.actions.info(privilege).cls;
  return {
    name: privilege,
    cls,
    members: classMembers(cls, context.table.actionPatterns.length),
    systemIndex: privilege === SYSTEM_INDEX_PERMISSION,
    restApi: privilege.startsWith(REST_API_PREFIX),
  };
}

/** Whether the role's cluster permissions grant the privilege. */
export function nearClusterGrants(role: TableRole, privilege: NearPrivilege): boolean {
  if (privilege.restApi) return role.restApi.includes(privilege.name);
  return role.cluster.some((id) => privilege.members[id] === 1);
}

/** Whether an index permission grants the privilege (whatever its patterns). */
export function nearEntryGrants(entry: TableIndexEntry, privilege: NearPrivilege): boolean {
  if (privilege.systemIndex) return entry.systemIndexAccess;
  return entry.actions.some((id) => privilege.members[id] === 1);
}

/** The id of the entry's first index pattern that matches the name (rendered for the user), or -1. */
export function nearEntryMatch(context: DenialContext, entry: TableIndexEntry, index: string): number {
  for (const id of entry.patterns) if (context.policy.templates.forUser(context.user, context.table.indexPatterns[id]!).matches(index)) return id;
  return -1;
}

/** The id of the entry's first pattern that covers every name (`*`), which a request naming no index needs, or -1. */
export function nearEntryUniversal(context: DenialContext, entry: TableIndexEntry): number {
  for (const id of entry.patterns) if (context.policy.templates.forUser(context.user, context.table.indexPatterns[id]!).universal) return id;
  return -1;
}

/** One view reused for every single-unit check: a scan of thousands of roles allocates nothing per role. */
const nearScratchView = { cluster: false, units: new Int32Array(2) };

/**
 * The first index permission (number) of a role that grants the privilege on
 * the index (`undefined`: on all indices), or -1: a unit's granting entries
 * together first, through the unit's trie, then one entry at a time.
 */
export function nearRoleIndexGrant(context: DenialContext, roleId: number, privilege: NearPrivilege, index: string | undefined): number {
  const grants = context.policy.grants;
  const firstUnit = grants.roleUnitStart[roleId]!;
  for (let unit = firstUnit; unit < grants.roleUnitStart[roleId + 1]!; unit++) {
    const at = unit * UNIT_RECORD_SIZE;
    const mask = privilege.systemIndex ? grants.units[at + UNIT_SYSTEM_ACCESS]! : grants.unitMask(unit, privilege.cls, grants.grantsOf(privilege.cls));
    if (mask === 0 || !nearUnitGrants(context, at, mask, index)) continue;
    for (let bit = 0; bit < UNIT_SIZE; bit++) {
      if ((mask & (1 << bit)) !== 0 && nearUnitGrants(context, at, 1 << bit, index)) return (unit - firstUnit) * UNIT_SIZE + bit;
    }
  }
  return -1;
}

function nearUnitGrants(context: DenialContext, at: number, mask: number, index: string | undefined): boolean {
  nearScratchView.units[0] = at;
  nearScratchView.units[1] = mask;
  return index === undefined ? allIndicesGranted(context.policy, nearScratchView, context.user) : indexGranted(context.policy, nearScratchView, index, context.user);
}

/** Whether one of the role's tenant permissions gives the tenant (read-write when `write`). */
export function nearRoleGrantsTenant(context: DenialContext, role: TableRole, tenant: string, write: boolean): boolean {
  if (!context.policy.tenants.has(tenant)) return false;
  return role.tenants.some((entry) => (!write || entry.write) && entry.patterns.some((pattern) => context.policy.templates.forUser(context.user, pattern).matches(tenant)));
}

/** Whether a tenant privilege as a deny names it asks for read-write access. */
export function nearTenantWrites(privilege: string): boolean {
  return privilege.endsWith("/write") || privilege.endsWith("_write");
}
