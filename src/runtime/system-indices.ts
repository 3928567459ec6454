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
import { SECURITY_INDEX } from "../rules/actions.js";
import type { ActionInfo } from "./action-catalog.js";
import { systemIndexAccessGranted } from "./grant-checks.js";
import type { TablePolicy } from "./table-policy.js";
import type { PolicyRequest } from "./user-directory.js";

/** `allow` ends the evaluation with an allow (plugin users); `continue` goes on to the privileges. */
export type SystemIndexVerdict = "allow" | "deny" | "continue";

/** The system-index checks of a request, before any privilege. */
export function systemIndexVerdict(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): SystemIndexVerdict {
  const indices = request.indices?.length ? request.indices : undefined;
  const settings = policy.settings;
  if (settings.systemIndexPermissionEnabled && indices && info.passesSystemIndexGate) {
    if (request.user.serviceAccount && indices.some((index) => !isSystemIndex(policy, index))) return "deny";
    if (indices.includes(SECURITY_INDEX)) return "deny";
    const touchesSystemIndex = indices.some((index) => isSystemIndex(policy, index));
    if (touchesSystemIndex && !indices.every((index) => systemIndexAccessGranted(policy, index, request.user))) return "deny";
  }
  if (request.user.pluginUser && !info.cluster) {
    // No plugin registers system indices of its own here: with system indices on, only "all" is refused.
    if (!settings.systemIndicesEnabled) return "allow";
    if (indices === undefined) return "deny";
  }
  if (info.systemIndexProtected) {
    if (indices === undefined) return "deny";
    if (!settings.systemIndexPermissionEnabled && indices.some((index) => isSystemIndex(policy, index))) return "deny";
  }
  return "continue";
}

/** Whether an index is a system index: the security index, or one the settings name while system indices are enabled. */
export function isSystemIndex(policy: TablePolicy, index: string): boolean {
  return index === SECURITY_INDEX || policy.systemIndices.matches(index);
}

