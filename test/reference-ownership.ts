/**
 * The reference evaluator's rules for what the security plugin's transport
 * check does not decide, written plainly from the plugins' behaviour and
 * independent of src/ (only the request and decision types are shared):
 *
 * - Security REST API requests (`restapi:admin/<endpoint>`), decided at the
 *   start, as the REST layer decides them (security plugin:
 *   RestApiAuthorizationEvaluator, RequestHandler, the endpoints' access
 *   handlers).
 * - Resource ownership, after the security plugin allowed the action: the
 *   asynchronous-search plugin (UserAuthUtils.isUserValid) and the
 *   anomaly-detection plugin's detectors and forecasters (ParseUtils).
 *
 * Scope: no admin certificates or super admins, no
 * `plugins.security.restapi.endpoints_disabled.*`, no resource sharing.
 */
import type { AuthorizationRequest, Decision } from "../src/table/request.js";
import { expandActions, patternMatches, type ReferencePolicy, type ReferenceSettings } from "./reference-evaluator.js";

// ---------------------------------------------------------------------------------------------
// The security REST API

const PREFIX = "restapi:admin/";

const ENDPOINTS = [
  "account",
  "actiongroups",
  "allowlist",
  "audit",
  "authtoken",
  "cache",
  "config",
  "internalusers",
  "migrate",
  "nodesdn",
  "permissionsinfo",
  "ratelimiters",
  "resource_sharing",
  "roles",
  "rolesmapping",
  "rollback_version",
  "ssl",
  "systeminfo",
  "tenants",
  "validate",
  "view_version",
];

/** Endpoints checked against `restapi:admin/<endpoint>` whatever the method. */
const PLAIN = ["actiongroups", "allowlist", "internalusers", "nodesdn", "ratelimiters", "roles", "rolesmapping", "rollback_version", "tenants", "view_version"];

/** The endpoint and default method a `restapi:admin/…` action names; endpoint undefined when it names none. */
function target(action: string): { endpoint: string | undefined; method: string } {
  const rest = action.slice(PREFIX.length);
  if (rest === "ssl/certs/info") return { endpoint: "ssl", method: "GET" };
  if (rest === "ssl/certs/reload") return { endpoint: "ssl", method: "PUT" };
  if (rest === "config/update") return { endpoint: "config", method: "PUT" };
  if (rest === "resource_sharing/migrate") return { endpoint: "resource_sharing", method: "POST" };
  return { endpoint: ENDPOINTS.includes(rest) ? rest : undefined, method: "GET" };
}

/** hasGranularRestApiAccess: the permission an endpoint and method are checked against. */
function permissionFor(endpoint: string, method: string): string | undefined {
  if (PLAIN.includes(endpoint)) return PREFIX + endpoint;
  if (endpoint === "ssl") return method === "GET" ? `${PREFIX}ssl/certs/info` : method === "PUT" ? `${PREFIX}ssl/certs/reload` : undefined;
  if (endpoint === "config") return ["GET", "PUT", "PATCH"].includes(method) ? `${PREFIX}config/update` : undefined;
  if (endpoint === "resource_sharing") return method === "POST" ? `${PREFIX}resource_sharing/migrate` : undefined;
  return undefined;
}

/** isCurrentUserAdminFor: admin enabled and a mapped role's cluster permissions grant it, `*` not counting. */
function isAdminFor(policy: ReferencePolicy, mapped: readonly string[], permission: string | undefined): boolean {
  if (permission === undefined || !policy.settings.restapiAdminEnabled) return false;
  for (const name of mapped) {
    const role = policy.roles.get(name);
    if (!role) continue;
    const permissions = Array.isArray(role.cluster_permissions) ? role.cluster_permissions.map(String) : [];
    for (const pattern of expandActions(policy, permissions)) if (pattern !== "*" && patternMatches(pattern, permission)) return true;
  }
  return false;
}

/**
 * The REST layer's decision of a `restapi:admin/…` request, or undefined for
 * any other action. `roles` are the mapped role names, sorted.
 */
export function referenceRestApi(policy: ReferencePolicy, request: AuthorizationRequest, roles: string[], note: (step: string) => void): Decision | undefined {
  if (!request.action.startsWith(PREFIX)) return undefined;
  const { endpoint, method: impliedMethod } = target(request.action);
  if (endpoint === undefined) {
    note("rest api: no such endpoint");
    return { decision: "deny", roles: [], missing: [], error: `\`${request.action}\` is not a security REST API endpoint` };
  }
  const method = request.method ?? impliedMethod;
  const permission = permissionFor(endpoint, method);
  const missing = policy.settings.restapiAdminEnabled && permission !== undefined ? [permission] : [];
  const deny = (reason: string): Decision => ({ decision: "deny", roles, reason, missing });
  note("rest api: account");
  if (endpoint === "account") return { decision: "allow", roles, missing: [] };

  // checkAccessPermissions: a roles_enabled role, else the explicit permission, else refused.
  const enabled = policy.settings.restapiRolesEnabled;
  const roleBased = enabled.length > 0 && roles.some((role) => enabled.includes(role));
  note(roleBased ? "rest api: roles_enabled role" : "rest api: explicit permission");
  if (!roleBased && !isAdminFor(policy, roles, permission)) {
    const why =
      enabled.length === 0
        ? "Role based access not enabled."
        : `User ${request.user.name} with Security roles [${roles.join(", ")}] does not have any role privileged for admin access`;
    return deny(`No permission to access REST API: ${why}. No client TLS certificate found in request`);
  }

  // The endpoints whose handlers check every request (verifyAccessForAllMethods).
  const handlerChecks = ["ssl", "allowlist", "nodesdn"].includes(endpoint) || (endpoint === "config" && (method === "PUT" || method === "PATCH"));
  note("rest api: endpoint's access handler");
  if (handlerChecks && !isAdminFor(policy, roles, permission)) return deny("Access denied");
  return { decision: "allow", roles, missing: [] };
}

// ---------------------------------------------------------------------------------------------
// Resource ownership

/**
 * The owning plugin's refusal of an allowed action on the request's
 * resource, or undefined. `roles` are the mapped role names.
 */
export function referenceOwnershipRefusal(settings: ReferenceSettings, request: AuthorizationRequest, action: string, roles: readonly string[]): string | undefined {
  const resource = request.resource;
  if (!resource) return undefined;
  const mine = request.user.backend_roles ?? [];
  const theirs = resource.owner ? (resource.owner.backend_roles ?? []) : undefined;
  const id = resource.id;

  if (resource.type === "async_search") {
    if (action !== "cluster:admin/opendistro/asynchronous_search/get" && action !== "cluster:admin/opendistro/asynchronous_search/delete") return undefined;
    // isUserValid: no stored user, or every backend role of the owner is the requester's.
    if (theirs === undefined || theirs.every((role) => mine.includes(role))) return undefined;
    return id === undefined
      ? "User doesn't have necessary roles to access the asynchronous search"
      : `User doesn't have necessary roles to access the asynchronous search with id ${id}`;
  }

  const detector = resource.type === "anomaly_detector";
  if (detector ? !settings.anomalyDetectionFilterByBackendRoles : !settings.forecastFilterByBackendRoles) return undefined;
  const prefix = detector ? "cluster:admin/opendistro/ad/" : "cluster:admin/plugin/forecast/";
  const write = action === (detector ? `${prefix}detector/write` : `${prefix}forecaster/write`);
  const checked = detector
    ? ["detectors/get", "detector/delete", "detector/jobmanagement"].map((a) => prefix + a)
    : ["forecasters/get", "forecaster/delete", "forecaster/jobmanagement"].map((a) => prefix + a);
  if (!write && !checked.includes(action)) return undefined;
  // checkFilterByBackendRoles, before creating or updating.
  if (write && mine.length === 0) return `Filter by backend roles is enabled and User ${request.user.name} does not have backend roles configured`;
  if (write && theirs === undefined) return undefined;
  // onGetConfigResponse: the stored user's backend roles are read first (no user: the check fails).
  if (theirs === undefined) return id === undefined ? "Unable to get user information from config" : `Unable to get user information from config ${id}`;
  if (mine.some((role) => theirs.includes(role)) || roles.includes("all_access")) return undefined;
  return id === undefined ? "User does not have permissions to access config" : `User does not have permissions to access config: ${id}`;
}
