/**
 * Decides one request the way the plugin's legacy privilege evaluator does
 * (SecurityFilter, PrivilegesEvaluatorImpl.evaluate), in its order:
 * unchecked actions, renamed actions, the top-level bulk shortcut, system
 * indices, cluster privileges, Dashboards tenants, index privileges.
 * Security REST API requests (`restapi:admin/…`) are the REST layer's
 * (`rest-api.ts`); an allowed action on a resource is then the owning
 * plugin's (`resource-ownership.ts`).
 *
 * Per request: the user resolves to a shared role set and the action name
 * to an action class (one `Map` lookup each when seen before), the pair to a
 * grant view (one more); each index is then checked by walking the tries of
 * the view's units.
 */
import type { Decision } from "../table/request.js";
import type { ActionInfo } from "./action-catalog.js";
import { userDescription } from "./deny-message.js";
import { allIndicesGranted, indexGranted } from "./grant-checks.js";
import { readRequest } from "./request.js";
import { ownershipRefusal } from "./resource-ownership.js";
import { restApiDecision } from "./rest-api.js";
import { restrictedDecision } from "./restrictions.js";
import { authorizeSearchGuard } from "./searchguard/sg-evaluate.js";
import { systemIndexVerdict } from "./system-indices.js";
import type { TablePolicy } from "./table-policy.js";
import { interceptDashboardsRequest } from "./tenants.js";
import { userWithoutTenant, type PolicyRequest, type UserEntry } from "./user-directory.js";

const NO_NAMES: readonly string[] = Object.freeze([]);

/** The decision for one request value; a malformed one is denied with the `error` that says why. */
export function authorize(policy: TablePolicy, input: unknown): Decision {
  // One branch per request on the table's flavor: Search Guard's rules are their own (searchguard/).
  if (policy.searchguard !== undefined) return authorizeSearchGuard(policy.searchguard, input);
  const request = readRequest(input, policy.users);
  if (typeof request === "string") return { decision: "deny", roles: NO_NAMES, missing: NO_NAMES, error: request };
  const info = policy.actions.info(request.action);
  if (info.unchecked) return request.user.roleSet.allow;
  if (info.restApi !== undefined) return restApiDecision(policy, request, info.restApi);
  return decide(policy, request, info) ? allowed(policy, request, info) : denial(request, info);
}

/** An action the security plugin allows, as DLS/FLS and the owning plugins then decide it. */
function allowed(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): Decision {
  // The DLS/FLS valve runs in the security filter, before the owning plugin sees the request.
  const restricted = request.user.roleSet.hasRules ? restrictedDecision(policy, request, info) : undefined;
  if (restricted?.decision === "deny") return restricted;
  if (request.resource !== undefined) {
    const refusal = ownershipRefusal(policy.settings, info.name, request.resource, request.user);
    if (refusal !== undefined) return { decision: "deny", roles: request.user.roleSet.names, reason: refusal, missing: NO_NAMES };
  }
  return restricted ?? request.user.roleSet.allow;
}

/** Whether the request is allowed; every denial names the evaluated action as missing. */
function decide(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): boolean {
  if (info.topLevelBulk && !request.tenant) return clusterGranted(policy, request.user, info);
  const systemIndices = systemIndexVerdict(policy, request, info);
  if (systemIndices !== "continue") return systemIndices === "allow";
  if (info.cluster) {
    if (request.user.serviceAccount || !clusterGranted(policy, request.user, info)) return false;
    return interceptDashboardsRequest(policy, request, info) !== "deny";
  }
  const tenant = interceptDashboardsRequest(policy, request, info);
  if (tenant !== "continue") return tenant === "grant";
  return indicesGranted(policy, request, info);
}

/** Whether one of the user's roles grants the cluster action (`explain` asks it too). */
export function clusterGranted(policy: TablePolicy, user: UserEntry, info: ActionInfo): boolean {
  return policy.views.get(user.roleSet, info.cls).cluster;
}

/**
 * Every requested index must be granted by some role. A request naming no
 * index means all indices; without the cluster's index list that is granted
 * only through a pattern covering every name (`*`).
 */
function indicesGranted(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): boolean {
  const view = policy.views.get(request.user.roleSet, info.cls);
  const indices = request.indices;
  if (indices === undefined || indices.length === 0) return allIndicesGranted(policy, view, request.user);
  for (let i = 0; i < indices.length; i++) if (!indexGranted(policy, view, indices[i]!, request.user)) return false;
  return true;
}

function denial(request: PolicyRequest, info: ActionInfo): Decision {
  const user = request.user;
  const userPart = request.tenant === undefined ? userWithoutTenant(user) : userDescription(user, request.tenant);
  return { decision: "deny", roles: user.roleSet.names, reason: info.denialPrefix + userPart, missing: info.missing };
}
