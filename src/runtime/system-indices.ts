/**
 * System index protection (SystemIndexAccessEvaluator), decided before the
 * cluster and index privileges. The security index is always a system
 * index; configured ones only while system indices are enabled.
 *
 * Permission feature off: a protected action on a request touching a system
 * index (or on all indices) is denied to every role. Feature on: a request
 * naming the security index is denied; one naming another system index needs
 * the explicit `system:admin/system_index` privilege on every requested index.
 * See docs/semantics/evaluation.md §2 and §8.
 */
import { SECURITY_INDEX, isSystemIndexProtectedAction } from "../rules/actions.js";
import type { NormalizedRequest } from "./request.js";
import { isPluginUser, isServiceAccount } from "./special-users.js";
import type { ActionInfo, TablePolicy, UserRoles } from "./table-policy.js";

const POINT_IN_TIME_READ_ALL = "indices:data/read/point_in_time/readall";

/** `allow` ends the evaluation with an allow (plugin users); `continue` goes on to the privileges. */
export type SystemIndexVerdict = "allow" | "deny" | "continue";

export function systemIndexVerdict(policy: TablePolicy, request: NormalizedRequest, info: ActionInfo, user: UserRoles): SystemIndexVerdict {
  const indices = request.indices?.length ? request.indices : undefined;
  if (isPluginUser(request.user) && !info.cluster) return pluginUserVerdict(policy, indices);
  const isProtected = isSystemIndexProtectedAction(info.name);
  if (!policy.settings.systemIndexPermissionEnabled) {
    if (indices === undefined) return isProtected ? "deny" : "continue";
    return isProtected && indices.some((index) => isSystemIndex(policy, index)) ? "deny" : "continue";
  }
  // The explicit check is skipped for cluster actions, for listing all point-in-time searches, and for
  // non-protected actions on all indices (backwartsCompatGateForSystemIndexPrivileges).
  if (info.cluster || info.name === POINT_IN_TIME_READ_ALL || (indices === undefined && !isProtected)) return "continue";
  if (indices === undefined) return hasExplicitAccessToAll(policy, user) ? "continue" : "deny";
  if (indices.includes(SECURITY_INDEX)) return "deny";
  const touchesSystemIndex = indices.some((index) => isSystemIndex(policy, index));
  if (isServiceAccount(request.user) && indices.some((index) => !isSystemIndex(policy, index))) return "deny";
  if (!touchesSystemIndex) return "continue";
  return indices.every((index) => hasExplicitAccess(policy, index, user)) ? "continue" : "deny";
}

/**
 * Plugin users (`plugin:…`) act for an installed plugin: with system indices
 * disabled every index action passes; with them enabled a request touching a
 * system index is refused (its own indices are not known here).
 */
function pluginUserVerdict(policy: TablePolicy, indices: readonly string[] | undefined): SystemIndexVerdict {
  if (!policy.settings.systemIndicesEnabled) return "allow";
  return indices?.some((index) => isSystemIndex(policy, index)) ? "deny" : "continue";
}

export function isSystemIndex(policy: TablePolicy, index: string): boolean {
  return index === SECURITY_INDEX || policy.systemIndexMatchers.some((matches) => matches(index));
}

function hasExplicitAccess(policy: TablePolicy, index: string, user: UserRoles): boolean {
  return user.roles.some((role) =>
    role.index.some((entry) => entry.systemIndexAccess && entry.patterns.some((id) => policy.indexPatterns.matches(id, index, user.subject))),
  );
}

/** A protected action on all indices needs the explicit privilege on every index, i.e. through `*`. */
function hasExplicitAccessToAll(policy: TablePolicy, user: UserRoles): boolean {
  return user.roles.some((role) =>
    role.index.some((entry) => entry.systemIndexAccess && entry.patterns.some((id) => policy.indexPatterns.isUniversal(id, user.subject))),
  );
}
