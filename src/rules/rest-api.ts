/**
 * The security REST API's endpoints and the `restapi:admin/…` permissions
 * that open them, shared by the compiler (which records per role the
 * permissions granted explicitly) and the runtime (which decides requests).
 * Source: dlic/rest/api/Endpoint.java (the endpoints),
 * RestApiAuthorizationEvaluator (ENDPOINTS_WITH_PERMISSIONS and the
 * permission each endpoint and HTTP method is checked against).
 */

/** What every REST API permission and every REST API request's action starts with. */
export const REST_API_PREFIX = "restapi:admin/";

/** The HTTP methods the REST API's handlers accept (RequestHandlersBuilder.SUPPORTED_METHODS). */
export type RestMethod = "DELETE" | "GET" | "PATCH" | "POST" | "PUT";

export const REST_METHODS: readonly RestMethod[] = ["DELETE", "GET", "PATCH", "POST", "PUT"];

/** The endpoints (Endpoint.java), lower-cased as the plugin spells them in permission names. */
export const REST_ENDPOINTS = [
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
] as const;

export type RestEndpoint = (typeof REST_ENDPOINTS)[number];

/** Endpoints whose permission is `restapi:admin/<endpoint>` whatever the method. */
const PLAIN_PERMISSION_ENDPOINTS: ReadonlySet<string> = new Set([
  "actiongroups",
  "allowlist",
  "internalusers",
  "nodesdn",
  "ratelimiters",
  "roles",
  "rolesmapping",
  "rollback_version",
  "tenants",
  "view_version",
]);

const SSL_CERTS_INFO = "restapi:admin/ssl/certs/info";
const SSL_CERTS_RELOAD = "restapi:admin/ssl/certs/reload";
/** The permission that lets a request change (and, through it, read) the security configuration. */
export const CONFIG_UPDATE_PERMISSION = "restapi:admin/config/update";
const RESOURCE_SHARING_MIGRATE = "restapi:admin/resource_sharing/migrate";

/**
 * The permission the plugin checks for an endpoint and method
 * (hasGranularRestApiAccess), or undefined when none opens it: the SSL
 * endpoint reads certificates on GET and reloads them on PUT, the security
 * configuration is read and changed through `config/update`, resource
 * sharing migrates on POST; endpoints outside ENDPOINTS_WITH_PERMISSIONS
 * (account, audit, cache, …) have no permission.
 */
export function restApiPermission(endpoint: RestEndpoint, method: RestMethod): string | undefined {
  if (PLAIN_PERMISSION_ENDPOINTS.has(endpoint)) return REST_API_PREFIX + endpoint;
  switch (endpoint) {
    case "ssl":
      return method === "GET" ? SSL_CERTS_INFO : method === "PUT" ? SSL_CERTS_RELOAD : undefined;
    case "config":
      return method === "GET" || method === "PUT" || method === "PATCH" ? CONFIG_UPDATE_PERMISSION : undefined;
    case "resource_sharing":
      return method === "POST" ? RESOURCE_SHARING_MIGRATE : undefined;
    default:
      return undefined;
  }
}

/** Every permission the plugin checks, sorted: what the decision table records per role. */
export const REST_API_PERMISSIONS: readonly string[] = [
  ...[...PLAIN_PERMISSION_ENDPOINTS].map((endpoint) => REST_API_PREFIX + endpoint),
  SSL_CERTS_INFO,
  SSL_CERTS_RELOAD,
  CONFIG_UPDATE_PERMISSION,
  RESOURCE_SHARING_MIGRATE,
].sort();

/**
 * What a `restapi:admin/…` request names: an endpoint and the method a
 * request without `method` is taken to use; `endpoint` is undefined for a
 * name that is no endpoint of the REST API.
 */
export interface RestApiTarget {
  readonly endpoint: RestEndpoint | undefined;
  readonly method: RestMethod;
}

/** Permission names with an action part, as requests may name them, with the method they imply. */
const PERMISSION_TARGETS: ReadonlyMap<string, RestApiTarget> = new Map([
  ["ssl/certs/info", { endpoint: "ssl", method: "GET" }],
  ["ssl/certs/reload", { endpoint: "ssl", method: "PUT" }],
  ["config/update", { endpoint: "config", method: "PUT" }],
  ["resource_sharing/migrate", { endpoint: "resource_sharing", method: "POST" }],
]);

const ENDPOINT_NAMES: ReadonlySet<string> = new Set(REST_ENDPOINTS);

/**
 * The target of an action under `restapi:admin/`: an endpoint's name
 * (`restapi:admin/roles`, `restapi:admin/account`, taken as GET) or a
 * permission with an action part (`restapi:admin/ssl/certs/reload`, taken
 * as the method it is checked for); undefined for any other action.
 */
export function restApiTarget(action: string): RestApiTarget | undefined {
  if (!action.startsWith(REST_API_PREFIX)) return undefined;
  const rest = action.slice(REST_API_PREFIX.length);
  const named = PERMISSION_TARGETS.get(rest);
  if (named !== undefined) return named;
  return { endpoint: ENDPOINT_NAMES.has(rest) ? (rest as RestEndpoint) : undefined, method: "GET" };
}
