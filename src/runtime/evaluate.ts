/**
 * Decides one request the way the plugin's legacy privilege evaluator does
 * (SecurityFilter, PrivilegesEvaluatorImpl.evaluate), in its order:
 * unchecked actions, renamed actions, the top-level bulk shortcut, system
 * indices, cluster privileges, Dashboards tenants, index privileges.
 */
import { evaluatedActionName, isUncheckedAction } from "../rules/actions.js";
import type { Decision } from "../table/request.js";
import { denialMessage } from "./deny-message.js";
import { normalizeRequest, type NormalizedRequest } from "./request.js";
import { isServiceAccount } from "./special-users.js";
import { systemIndexVerdict } from "./system-indices.js";
import { entryGrants, grantsAction, type ActionInfo, type TablePolicy, type UserRoles } from "./table-policy.js";
import { interceptDashboardsRequest } from "./tenants.js";

const TOP_LEVEL_BULK = "indices:data/write/bulk";

export function authorize(policy: TablePolicy, input: unknown): Decision {
  const checked = normalizeRequest(input);
  if (!checked.ok) return { decision: "deny", roles: [], missing: [], error: checked.error };
  const request = checked.request;
  const user = policy.userRoles(request.user);
  if (isUncheckedAction(request.action)) return allow(user);
  const info = policy.action(evaluatedActionName(request.action));
  return decide(policy, request, info, user) ? allow(user) : deny(request, user, [info.name]);
}

/** Whether the request is allowed; every denial names the evaluated action as missing. */
function decide(policy: TablePolicy, request: NormalizedRequest, info: ActionInfo, user: UserRoles): boolean {
  if (info.name === TOP_LEVEL_BULK && !request.tenant) return clusterGranted(user, info);
  const systemIndices = systemIndexVerdict(policy, request, info, user);
  if (systemIndices !== "continue") return systemIndices === "allow";
  if (info.cluster) {
    if (isServiceAccount(request.user) || !clusterGranted(user, info)) return false;
    return interceptDashboardsRequest(policy, request, info.name, user) !== "deny";
  }
  const tenant = interceptDashboardsRequest(policy, request, info.name, user);
  if (tenant !== "continue") return tenant === "grant";
  return indicesGranted(policy, request, user, info);
}

function clusterGranted(user: UserRoles, info: ActionInfo): boolean {
  return user.roles.some((role) => grantsAction(role.cluster, info));
}

/**
 * Every requested index must be granted by some role. A request naming no
 * index means all indices; without the cluster's index list that is granted
 * only through a pattern covering every name (`*`).
 */
function indicesGranted(policy: TablePolicy, request: NormalizedRequest, user: UserRoles, info: ActionInfo): boolean {
  const indices = request.indices;
  if (indices === undefined || indices.length === 0) {
    return user.roles.some((role) =>
      role.index.some((entry) => grantsAction(entry.actions, info) && entry.patterns.some((id) => policy.indexPatterns.isUniversal(id, user.subject))),
    );
  }
  return indices.every((index) => user.roles.some((role) => role.index.some((entry) => entryGrants(policy, entry, info, index, user.subject))));
}

function allow(user: UserRoles): Decision {
  return { decision: "allow", roles: user.names, missing: [] };
}

function deny(request: NormalizedRequest, user: UserRoles, missing: readonly string[]): Decision {
  return { decision: "deny", roles: user.names, reason: denialMessage(missing, request.user, request.tenant), missing };
}
