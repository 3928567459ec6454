/**
 * System index protection (SystemIndexAccessEvaluator), decided before the
 * cluster and index privileges. The security index is always a system
 * index; configured ones only while system indices are enabled.
 *
 * In the plugin's order: with the permission feature on, a request naming the
 * security index is denied and one naming another system index needs the
 * explicit `system:admin/system_index` privilege on every requested index;
 * then plugin users; then protected actions, which are refused on all
 * indices and, with the feature off, on any system index, to every role.
 * See docs/semantics/evaluation.md §2 and §8.
 */
import { SECURITY_INDEX, isSystemIndexProtectedAction } from "../rules/actions.js";
import type { NormalizedRequest } from "./request.js";
import { isPluginUser, isServiceAccount } from "./special-users.js";
import type { ActionInfo, TablePolicy, UserRoles } from "./table-policy.js";

const POINT_IN_TIME_READ_ALL = "indices:data/read/point_in_time/readall";
const SNAPSHOT_RESTORE = "cluster:admin/snapshot/restore";

/** `allow` ends the evaluation with an allow (plugin users); `continue` goes on to the privileges. */
export type SystemIndexVerdict = "allow" | "deny" | "continue";

export function systemIndexVerdict(policy: TablePolicy, request: NormalizedRequest, info: ActionInfo, user: UserRoles): SystemIndexVerdict {
  const indices = request.indices?.length ? request.indices : undefined;
  const isProtected = isSystemIndexProtectedAction(info.name);
  const settings = policy.settings;
  if (settings.systemIndexPermissionEnabled && indices && passesGate(info)) {
    if (isServiceAccount(request.user) && indices.some((index) => !isSystemIndex(policy, index))) return "deny";
    if (indices.includes(SECURITY_INDEX)) return "deny";
    const touchesSystemIndex = indices.some((index) => isSystemIndex(policy, index));
    if (touchesSystemIndex && !indices.every((index) => hasExplicitAccess(policy, index, user))) return "deny";
  }
  if (isPluginUser(request.user) && !info.cluster) {
    // No plugin registers system indices of its own here: with system indices on, only "all" is refused.
    if (!settings.systemIndicesEnabled) return "allow";
    if (indices === undefined) return "deny";
  }
  if (isProtected) {
    if (indices === undefined) return "deny";
    if (!settings.systemIndexPermissionEnabled && indices.some((index) => isSystemIndex(policy, index))) return "deny";
  }
  return "continue";
}

/**
 * The permission feature's checks skip cluster actions (but a restore) and
 * listing all point-in-time searches (backwartsCompatGateForSystemIndexPrivileges).
 */
function passesGate(info: ActionInfo): boolean {
  if (info.cluster) return info.name === SNAPSHOT_RESTORE;
  return info.name !== POINT_IN_TIME_READ_ALL;
}

export function isSystemIndex(policy: TablePolicy, index: string): boolean {
  return index === SECURITY_INDEX || policy.systemIndexMatchers.some((matches) => matches(index));
}

function hasExplicitAccess(policy: TablePolicy, index: string, user: UserRoles): boolean {
  return user.roles.some((role) =>
    role.index.some((entry) => entry.systemIndexAccess && entry.patterns.some((id) => policy.indexPatterns.matches(id, index, user.subject))),
  );
}

