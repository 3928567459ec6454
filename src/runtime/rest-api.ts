/**
 * Security REST API requests (`restapi:admin/<endpoint>`), decided as the
 * plugin's REST layer decides them instead of by transport privileges
 * (RestApiAuthorizationEvaluator.checkAccessPermissions, then the endpoint's
 * access handler under RequestHandler.verifyAccessForAllMethods):
 *
 * 1. the account endpoint is open to every user;
 * 2. a user mapped to a role listed in `plugins.security.restapi.roles_enabled`
 *    passes (exact role names);
 * 3. else, with `plugins.security.restapi.admin.enabled`, a mapped role that
 *    grants the endpoint's permission explicitly passes (the table's
 *    `restApi`: by name or by a pattern other than `*`);
 * 4. else the REST layer refuses: "No permission to access REST API: …",
 *    ending with why the admin certificate check failed too, since a request
 *    here never carries one.
 *
 * Then the SSL, security configuration (changes only), allowlist and nodes
 * DN endpoints require the explicit permission, with admin enabled, of every
 * request: a `roles_enabled` role alone is "Access denied" there.
 *
 * Not modelled: `plugins.security.restapi.endpoints_disabled.*`, super
 * admins (admin certificate or secret), the unsupported setting that lets
 * `roles_enabled` users change the security configuration, and whether the
 * endpoint implements the method at all.
 */
import { restApiPermission, type RestApiTarget, type RestEndpoint, type RestMethod } from "../rules/rest-api.js";
import type { Decision } from "../table/request.js";
import type { TablePolicy } from "./table-policy.js";
import type { PolicyRequest, UserEntry } from "./user-directory.js";

const NO_REST_NAMES: readonly string[] = Object.freeze([]);

/** The REST layer's answer to a request whose action is under `restapi:admin/`. */
export function restApiDecision(policy: TablePolicy, request: PolicyRequest, target: RestApiTarget): Decision {
  const user = request.user;
  if (target.endpoint === undefined) {
    return { decision: "deny", roles: NO_REST_NAMES, missing: NO_REST_NAMES, error: `\`${request.action}\` is not a security REST API endpoint` };
  }
  const method = request.method ?? target.method;
  const refusal = restApiRefusal(policy, user, target.endpoint, method);
  if (refusal === undefined) return user.roleSet.allow;
  // Only with admin enabled would granting the permission open the endpoint.
  const missing = policy.settings.restapiAdminEnabled && refusal.permission !== undefined ? [refusal.permission] : NO_REST_NAMES;
  return { decision: "deny", roles: user.roleSet.names, reason: refusal.reason, missing };
}

interface RestApiRefusal {
  /** The REST layer's message. */
  readonly reason: string;
  /** The permission the endpoint and method are checked against, if any. */
  readonly permission: string | undefined;
}

/** The admin certificate check's failure (checkAdminBasedAccessPermissions) for a request over TLS without one. */
const NO_CERTIFICATE = "No client TLS certificate found in request";

function restApiRefusal(policy: TablePolicy, user: UserEntry, endpoint: RestEndpoint, method: RestMethod): RestApiRefusal | undefined {
  if (endpoint === "account") return undefined;
  const permission = restApiPermission(endpoint, method);
  const roleFailure = roleBasedFailure(policy, user);
  if (roleFailure !== undefined && !adminFor(policy, user, permission)) {
    // constructAccessErrorMessage joins the two reasons with ". ", after a reason that may end in "." already.
    return { reason: `No permission to access REST API: ${roleFailure}. ${NO_CERTIFICATE}`, permission };
  }
  if (guardedByHandler(endpoint, method) && !adminFor(policy, user, permission)) return { reason: "Access denied", permission };
  return undefined;
}

/** Why role-based access fails (checkRoleBasedAccessPermissions), or undefined when a `roles_enabled` role is mapped. */
function roleBasedFailure(policy: TablePolicy, user: UserEntry): string | undefined {
  const enabled = policy.settings.restapiRolesEnabled;
  if (enabled.length === 0) return "Role based access not enabled.";
  const roles = user.roleSet.names;
  if (roles.some((role) => enabled.includes(role))) return undefined;
  return `User ${user.name} with Security roles [${roles.join(", ")}] does not have any role privileged for admin access`;
}

/** Whether the endpoint's own access handler checks the method's permission again (verifyAccessForAllMethods). */
export function guardedByHandler(endpoint: RestEndpoint, method: RestMethod): boolean {
  switch (endpoint) {
    case "ssl":
    case "allowlist":
    case "nodesdn":
      return true;
    case "config":
      return method === "PUT" || method === "PATCH";
    default:
      return false;
  }
}

/** isCurrentUserAdminFor: admin enabled and a mapped role grants the permission explicitly. */
function adminFor(policy: TablePolicy, user: UserEntry, permission: string | undefined): boolean {
  if (permission === undefined || !policy.settings.restapiAdminEnabled) return false;
  const roles = policy.table.roles;
  for (const id of user.roleSet.roleIds) if (roles[id]!.restApi.includes(permission)) return true;
  return false;
}
