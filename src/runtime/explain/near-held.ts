/**
 * Near misses among the roles the user holds, permission by permission: a
 * permission covering the name without the action, an index pattern a few
 * characters from the name, the action on other patterns, an index action
 * in cluster permissions or a cluster action in an index permission (where
 * neither ever matches), and tenant permissions that are read-only or name
 * a tenant a few characters off.
 */
import type { GrantTarget, NearMiss } from "../../table/explanation.js";
import type { TableLocation } from "../../table/provenance.js";
import { nearClusterGrants, nearEntryGrants, nearEntryMatch, nearEntryUniversal, type DenialContext, type NearPrivilege } from "./near-grants.js";
import { nearCloseness, nearEditDistance, type NearCloseness } from "./near-pattern-distance.js";
import { nearEntryActions, nearEntryAt, nearEntryPatterns, nearRoleAt, nearTick, nearTickList, nearWithAt } from "./near-wording.js";

/** A near miss with what orders it: `rank` by kind and closeness, then `distance`. */
export interface RankedNearMiss {
  readonly rank: number;
  readonly distance: number;
  readonly miss: NearMiss;
}

/** Ranks, closest first: only the name is a little off, only the action is missing, both are, the action is elsewhere. */
const NEAR_RANK_SIMILAR_WITH_ACTION = 0;
const NEAR_RANK_INDEX_WITHOUT_ACTION = 1;
const NEAR_RANK_SIMILAR = 2;
const NEAR_RANK_ACTION_ELSEWHERE = 3;

type NearPrivilegeTarget = Exclude<GrantTarget, { kind: "tenant" }>;

/** The near misses among the held roles for a cluster, index or all-indices target. */
export function nearHeldMisses(context: DenialContext, target: NearPrivilegeTarget, privilege: NearPrivilege): RankedNearMiss[] {
  const found: RankedNearMiss[] = [];
  for (const roleId of context.heldRoles) {
    const role = context.table.roles[roleId]!;
    if (target.kind === "cluster") {
      role.index.forEach((entry, k) => {
        if (!privilege.restApi && nearEntryGrants(entry, privilege)) found.push(nearClusterActionInIndex(context, roleId, k, privilege.name));
      });
      continue;
    }
    if (!privilege.systemIndex && !privilege.restApi && nearClusterGrants(role, privilege)) found.push(nearIndexActionInCluster(context, roleId, privilege.name));
    role.index.forEach((_, k) => {
      const miss = target.kind === "index" ? nearIndexEntryMiss(context, roleId, k, privilege, target.index) : nearAllIndicesEntryMiss(context, roleId, k, privilege);
      if (miss !== undefined) found.push(miss);
    });
  }
  return found;
}

function nearRanked(rank: number, distance: number, miss: NearMiss, at: TableLocation | undefined): RankedNearMiss {
  return { rank, distance, miss: nearWithAt(miss, at) };
}

function nearClusterActionInIndex(context: DenialContext, roleId: number, k: number, action: string): RankedNearMiss {
  const role = context.table.roles[roleId]!.name;
  const patterns = nearEntryPatterns(context.table, roleId, k);
  const detail = `role ${nearTick(role)} has ${nearTick(action)} in an index permission (on ${nearTickList(patterns)}), but ${nearTick(action)} is a cluster action: only cluster permissions grant it`;
  const pattern = patterns[0];
  const miss: NearMiss = { kind: "action-elsewhere", role, entry: k, ...(pattern === undefined ? {} : { pattern }), detail };
  return nearRanked(NEAR_RANK_ACTION_ELSEWHERE, 0, miss, nearEntryAt(context.table, roleId, k));
}

function nearIndexActionInCluster(context: DenialContext, roleId: number, action: string): RankedNearMiss {
  const role = context.table.roles[roleId]!.name;
  const detail = `role ${nearTick(role)} has ${nearTick(action)} in its cluster permissions, where an index action never matches: only index permissions grant it`;
  return nearRanked(NEAR_RANK_ACTION_ELSEWHERE, 0, { kind: "action-elsewhere", role, detail }, nearRoleAt(context.table, roleId));
}

/** What index permission `k` of a held role almost grants on the index, if anything. */
function nearIndexEntryMiss(context: DenialContext, roleId: number, k: number, privilege: NearPrivilege, index: string): RankedNearMiss | undefined {
  const table = context.table;
  const entry = table.roles[roleId]!.index[k]!;
  const role = table.roles[roleId]!.name;
  const grants = nearEntryGrants(entry, privilege);
  const matching = nearEntryMatch(context, entry, index);
  if (matching >= 0) return grants ? undefined : nearCoveredWithoutAction(context, roleId, k, matching, privilege.name, index);
  const close = nearClosestPattern(table.indexPatterns, entry.patterns, index);
  if (close?.closeness !== undefined) {
    const { id, closeness } = close;
    const pattern = table.indexPatterns[id]!;
    const also = grants ? `; its permission grants ${nearTick(privilege.name)}` : `; its permission does not grant ${nearTick(privilege.name)} either`;
    const miss: NearMiss = { kind: "similar-pattern", role, pattern, entry: k, detail: `${nearClosenessText(pattern, role, index, closeness)}${also}` };
    return nearRanked(grants ? NEAR_RANK_SIMILAR_WITH_ACTION : NEAR_RANK_SIMILAR, closeness.distance, miss, nearEntryAt(table, roleId, k, id));
  }
  if (!grants) return undefined;
  const patterns = nearEntryPatterns(table, roleId, k);
  const detail = `role ${nearTick(role)} grants ${nearTick(privilege.name)} on ${nearTickList(patterns)}, which do${patterns.length === 1 ? "es" : ""} not match ${nearTick(index)}`;
  const pattern = close === undefined ? patterns[0] : table.indexPatterns[close.id];
  const miss: NearMiss = { kind: "action-elsewhere", role, entry: k, ...(pattern === undefined ? {} : { pattern }), detail };
  return nearRanked(NEAR_RANK_ACTION_ELSEWHERE, close?.distance ?? Number.MAX_SAFE_INTEGER, miss, nearEntryAt(table, roleId, k, close?.id));
}

/** What index permission `k` of a held role almost grants on all indices (a request naming none), if anything. */
function nearAllIndicesEntryMiss(context: DenialContext, roleId: number, k: number, privilege: NearPrivilege): RankedNearMiss | undefined {
  const table = context.table;
  const entry = table.roles[roleId]!.index[k]!;
  const role = table.roles[roleId]!.name;
  const grants = nearEntryGrants(entry, privilege);
  const universal = nearEntryUniversal(context, entry);
  if (universal >= 0) return grants ? undefined : nearCoveredWithoutAction(context, roleId, k, universal, privilege.name, "all indices");
  if (!grants) return undefined;
  const patterns = nearEntryPatterns(table, roleId, k);
  const detail = `role ${nearTick(role)} grants ${nearTick(privilege.name)} on ${nearTickList(patterns)}, but a request naming no index needs a pattern that covers every index (\`*\`)`;
  const pattern = patterns[0];
  const miss: NearMiss = { kind: "action-elsewhere", role, entry: k, ...(pattern === undefined ? {} : { pattern }), detail };
  return nearRanked(NEAR_RANK_ACTION_ELSEWHERE, 0, miss, nearEntryAt(table, roleId, k));
}

function nearCoveredWithoutAction(context: DenialContext, roleId: number, k: number, patternId: number, action: string, what: string): RankedNearMiss {
  const table = context.table;
  const role = table.roles[roleId]!.name;
  const pattern = table.indexPatterns[patternId]!;
  const name = what === "all indices" ? what : nearTick(what);
  const detail = `role ${nearTick(role)} covers ${name} with ${nearTick(pattern)}, but that permission grants ${nearTickList(nearEntryActions(table, roleId, k))}, not ${nearTick(action)}`;
  const miss: NearMiss = { kind: "index-without-action", role, pattern, entry: k, detail };
  return nearRanked(NEAR_RANK_INDEX_WITHOUT_ACTION, 0, miss, nearEntryAt(table, roleId, k, patternId));
}

/** The entry's pattern closest to the name: the close one with the fewest edits, else the one with the fewest edits. */
function nearClosestPattern(
  indexPatterns: readonly string[],
  ids: readonly number[],
  name: string,
): { id: number; distance: number; closeness: NearCloseness | undefined } | undefined {
  let best: { id: number; distance: number; closeness: NearCloseness | undefined } | undefined;
  for (const id of ids) {
    const pattern = indexPatterns[id]!;
    const closeness = nearCloseness(pattern, name);
    const distance = closeness?.distance ?? nearEditDistance(pattern.slice(0, 200), name.slice(0, 200));
    const better = best === undefined || (closeness !== undefined && best.closeness === undefined) || ((closeness === undefined) === (best.closeness === undefined) && distance < best.distance);
    if (better) best = { id, distance, closeness };
  }
  return best;
}

/** `pattern `logs-*` of role `r` is 1 edit from matching `log-2024``, or what a missing wildcard would do. */
function nearClosenessText(pattern: string, role: string, name: string, closeness: NearCloseness): string {
  const subject = `pattern ${nearTick(pattern)} of role ${nearTick(role)}`;
  if (closeness.how === "edits") return `${subject} is ${closeness.distance} edit${closeness.distance === 1 ? "" : "s"} from matching ${nearTick(name)}`;
  const widened = closeness.how === "prefix" ? `${pattern}*` : `*${pattern}`;
  return `${subject} matches only that exact name; ${nearTick(widened)} would match ${nearTick(name)}`;
}

/** Near misses among the held roles' tenant permissions. */
export function nearTenantMisses(context: DenialContext, tenant: string, write: boolean): RankedNearMiss[] {
  const found: RankedNearMiss[] = [];
  for (const roleId of context.heldRoles) {
    const role = context.table.roles[roleId]!;
    role.tenants.forEach((entry, k) => {
      const provenance = context.table.provenance?.roles[roleId]?.tenants[k];
      const at = (position: number) => provenance?.patterns[position] ?? provenance?.at ?? nearRoleAt(context.table, roleId);
      const matching = entry.patterns.findIndex((pattern) => context.policy.templates.forUser(context.user, pattern).matches(tenant));
      if (matching >= 0) {
        if (!write || entry.write) return;
        const pattern = entry.patterns[matching]!;
        const detail = `role ${nearTick(role.name)} gives tenant ${nearTick(tenant)} read-only access through ${nearTick(pattern)}; the request needs read-write access`;
        found.push(nearRanked(NEAR_RANK_INDEX_WITHOUT_ACTION, 0, { kind: "index-without-action", role: role.name, pattern, entry: k, detail }, at(matching)));
        return;
      }
      entry.patterns.forEach((pattern, position) => {
        const closeness = nearCloseness(pattern, tenant);
        if (closeness === undefined) return;
        const detail = `tenant ${nearClosenessText(pattern, role.name, tenant, closeness)}`;
        found.push(nearRanked(NEAR_RANK_SIMILAR, closeness.distance, { kind: "similar-pattern", role: role.name, pattern, entry: k, detail }, at(position)));
      });
    });
  }
  return found;
}
