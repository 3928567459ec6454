/**
 * Decides one request the way Search Guard FLX's privilege evaluator does
 * (`authz/PrivilegesEvaluator.java` evaluate, `authz/RoleBasedActionAuthorization.java`),
 * in its order: admin-only actions are refused; open actions pass; then by
 * the action's scope (rule 6): cluster actions against the roles' cluster
 * permissions after the exclusions of all roles (rule 7), tenant actions
 * against tenant permissions (rule 10), anything else against the index
 * permissions, every requested index with every required action (rule 8).
 * A denial says "Insufficient permissions" and lists the missing privileges
 * as the debug metadata would: action names, or `<index>: <action>` (rule 12).
 *
 * DLS, FLS, field masking, the security REST API and resource ownership are
 * OpenSearch's in policyc: a Search Guard decision carries no `restrictions`.
 */
import type { Decision } from "../../table/request.js";
import {
  SG_DENIAL_REASON,
  SG_GLOBAL_TENANT,
  isSearchGuardOpenAction,
  searchGuardAdditionalPrivileges,
  searchGuardScope,
} from "../../rules/searchguard-actions.js";
import { readRequest } from "../request.js";
import type { SearchGuardPolicy } from "./sg-policy.js";
import { anyMember, constantNamesGrant, namesGrant, templatesGrant } from "./sg-roles.js";
import type { SearchGuardUser } from "./sg-users.js";

const SG_NO_PRIVILEGES: readonly string[] = Object.freeze([]);

/** The decision for one request value; a malformed one is denied with the `error` that says why. */
export function authorizeSearchGuard(policy: SearchGuardPolicy, input: unknown): Decision {
  const request = readRequest(input, policy.users);
  if (typeof request === "string") return { decision: "deny", roles: SG_NO_PRIVILEGES, missing: SG_NO_PRIVILEGES, error: request };
  const user = request.user;
  const action = request.action;
  if (policy.adminOnlyAction(action)) return searchGuardDenial(user, [action]);
  if (isSearchGuardOpenAction(action)) return user.roleSet.allow;
  const scope = searchGuardScope(action);
  const missing =
    scope === "cluster"
      ? missingClusterPrivileges(policy, user, action, request.indices)
      : scope === "tenant"
        ? missingTenantPrivileges(policy, user, action, request.tenant)
        : missingIndexPrivileges(policy, user, [action, ...searchGuardAdditionalPrivileges(action)], request.indices);
  return missing.length === 0 ? user.roleSet.allow : searchGuardDenial(user, missing);
}

function searchGuardDenial(user: SearchGuardUser, missing: readonly string[]): Decision {
  return { decision: "deny", roles: user.roleSet.names, reason: SG_DENIAL_REASON, missing };
}

/** Exclusions of any role first, then a grant of some role; further index privileges on the named indices. */
function missingClusterPrivileges(policy: SearchGuardPolicy, user: SearchGuardUser, action: string, indices: readonly string[] | undefined): readonly string[] {
  const membership = policy.roles.membershipOf(action);
  const roles = policy.roles.roles;
  const ids = user.roleSet.roleIds;
  for (let i = 0; i < ids.length; i++) if (anyMember(roles[ids[i]!]!.excludeCluster, membership)) return [action];
  let granted = false;
  for (let i = 0; i < ids.length && !granted; i++) granted = anyMember(roles[ids[i]!]!.cluster, membership);
  if (!granted) return [action];
  const extra = searchGuardAdditionalPrivileges(action);
  return extra.length === 0 || indices === undefined || indices.length === 0 ? SG_NO_PRIVILEGES : missingIndexPrivileges(policy, user, extra, indices);
}

/**
 * Each (index, action) cell must be granted by some entry of some role;
 * admin-only indices are granted to no one. A request naming no index means
 * all indices: only an entry whose patterns cover every name (`*` without
 * negations) grants that, as policyc has no cluster state to expand it.
 */
function missingIndexPrivileges(policy: SearchGuardPolicy, user: SearchGuardUser, actions: readonly string[], indices: readonly string[] | undefined): readonly string[] {
  if (indices === undefined || indices.length === 0) return actions.filter((action) => !sgAllIndicesGranted(policy, user, action));
  const missing: string[] = [];
  for (const index of indices) {
    const adminOnly = policy.adminOnlyIndex(index);
    for (const action of actions) if (adminOnly || !sgIndexGranted(policy, user, action, index)) missing.push(`${index}: ${action}`);
  }
  return missing;
}

function sgIndexGranted(policy: SearchGuardPolicy, user: SearchGuardUser, action: string, index: string): boolean {
  const membership = policy.roles.membershipOf(action);
  for (const id of user.roleSet.roleIds) {
    for (const entry of policy.roles.roles[id]!.index) if (anyMember(entry.actions, membership) && namesGrant(entry.names, index, user)) return true;
  }
  return false;
}

function sgAllIndicesGranted(policy: SearchGuardPolicy, user: SearchGuardUser, action: string): boolean {
  const membership = policy.roles.membershipOf(action);
  return user.roleSet.roleIds.some((id) => policy.roles.roles[id]!.index.some((entry) => entry.names.universal && anyMember(entry.actions, membership)));
}

/**
 * Rule 10: no tenant means `SGS_GLOBAL_TENANT`. While multi-tenancy is off,
 * any other tenant is refused before roles are looked at. Otherwise patterns
 * without variables grant defined tenants; then a tenant that is not valid
 * is refused; then patterns with variables are rendered for the user.
 */
function missingTenantPrivileges(policy: SearchGuardPolicy, user: SearchGuardUser, action: string, requested: string | undefined): readonly string[] {
  const tenant = requested === undefined || requested === "" ? SG_GLOBAL_TENANT : requested;
  const settings = policy.settings;
  if (!settings.multitenancyEnabled && tenant !== SG_GLOBAL_TENANT) return [action];
  const membership = policy.roles.membershipOf(action);
  const entries = user.roleSet.roleIds.flatMap((id) => policy.roles.roles[id]!.tenants).filter((entry) => anyMember(entry.actions, membership));
  const defined = policy.tenants.has(tenant);
  if (defined && entries.some((entry) => constantNamesGrant(entry.names, tenant))) return SG_NO_PRIVILEGES;
  const valid = tenant === SG_GLOBAL_TENANT ? !settings.multitenancyEnabled || settings.globalTenantEnabled : settings.multitenancyEnabled && defined;
  if (!valid) return [action];
  return entries.some((entry) => templatesGrant(entry.names, tenant, user)) ? SG_NO_PRIVILEGES : [action];
}
