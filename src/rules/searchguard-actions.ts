/**
 * Search Guard FLX's fixed rules about action names, as data: which actions
 * are well known with a scope, which always pass, and which need further
 * privileges. Source: `authz/actions/Actions.java` (the registry, getScope,
 * requiresAdditionalPrivileges) and `authz/PrivilegesEvaluator.java`
 * (evaluate) at the commit named in ../shared/searchguard-reference/README.md.
 *
 * Shared by the compiler and the runtime; imports nothing.
 */

/** Where Search Guard checks an action: against cluster, tenant or index (alias, data-stream) permissions. */
export type SearchGuardScope = "cluster" | "tenant" | "index";

/** Names registered with cluster scope although they start with `indices:` (Actions.java). */
const SG_CLUSTER_ACTIONS: ReadonlySet<string> = new Set([
  "indices:data/read/mget",
  "indices:data/write/bulk",
  "indices:data/read/scroll",
  "indices:data/read/scroll/clear",
  "indices:data/read/msearch",
  "indices:data/read/mtv",
  "indices:data/read/search/template",
  "indices:data/read/msearch/template",
  "indices:data/write/reindex",
  "indices:admin/template/put",
  "indices:admin/template/get",
  "indices:admin/template/delete",
  "indices:admin/index_template/put",
  "indices:admin/index_template/get",
  "indices:admin/index_template/delete",
  "indices:admin/index_template/simulate",
  "indices:admin/index_template/simulate_index",
  "indices:monitor/recovery",
  "indices:data/read/close_point_in_time",
  "indices:data/read/async_search/submit",
  "indices:data/read/async_search/get",
  "indices:data/read/async_search/delete",
  "indices:searchguard:async_search/_all_owners",
  "indices:data/read/sql",
  "indices:data/read/sql/translate",
  "indices:data/read/sql/close_cursor",
  "indices:data/read/sql/async/get",
]);

/** The tenant-scope actions Search Guard registers: the privileges on a front-end tenant. */
export const SG_TENANT_READ_ACTION = "kibana:saved_objects/_/read";
export const SG_TENANT_WRITE_ACTION = "kibana:saved_objects/_/write";

/** The tenant of a request that names none, and the one static tenant. */
export const SG_GLOBAL_TENANT = "SGS_GLOBAL_TENANT";

/**
 * Actions every authenticated user may perform ("open" actions, and deleting
 * one's own session), decided before any role is looked at (PrivilegesEvaluator evaluate).
 */
const SG_OPEN_ACTIONS: ReadonlySet<string> = new Set([
  "cluster:admin/searchguard/license/info",
  "cluster:admin/searchguard/whoami",
  "indices:admin/seq_no/add_retention_lease",
  "indices:admin/seq_no/renew_retention_lease",
  "indices:admin/seq_no/remove_retention_lease",
  "cluster:admin:searchguard:session/_own/delete",
]);

/** The scope Search Guard checks an action in: the registry first, then the name's prefix (Actions.getScope). */
export function searchGuardScope(action: string): SearchGuardScope {
  if (SG_CLUSTER_ACTIONS.has(action)) return "cluster";
  if (action === SG_TENANT_READ_ACTION || action === SG_TENANT_WRITE_ACTION) return "tenant";
  // Data-stream actions are checked against data-stream permissions, which policyc keeps with the index ones.
  if (action.startsWith("indices:admin/data_stream/")) return "index";
  if (action.startsWith("cluster:admin:searchguard:tenant:") || action.startsWith("kibana:saved_objects/")) return "tenant";
  if (action.startsWith("searchguard:cluster:") || action.startsWith("cluster:")) return "cluster";
  return "index";
}

/** Whether the action passes for every user, whatever their roles. */
export function isSearchGuardOpenAction(action: string): boolean {
  return SG_OPEN_ACTIONS.has(action);
}

/**
 * The index privileges an action needs besides itself, on the same indices
 * (Actions.java requiresAdditionalPrivileges). A bulk request's per-item
 * privileges are checked per shard and a create-index request's alias
 * privilege only when it names aliases, which a request here cannot say:
 * neither is modelled.
 */
export function searchGuardAdditionalPrivileges(action: string): readonly string[] {
  if (action === "indices:admin/shards/search_shards") return SEARCH_SHARDS_EXTRA;
  if (action === "cluster:admin/snapshot/restore") return RESTORE_EXTRA;
  return NO_EXTRA;
}

const NO_EXTRA: readonly string[] = Object.freeze([]);
const SEARCH_SHARDS_EXTRA: readonly string[] = Object.freeze(["indices:data/read/search"]);
const RESTORE_EXTRA: readonly string[] = Object.freeze(["indices:admin/create", "indices:data/write/index"]);

/**
 * Whether a cluster permission is used at all: a constant entry without
 * `:` names no action and is ignored (RoleBasedActionAuthorization isActionName).
 * Patterns (`*`, `?`, `/regex/`) are always used.
 */
export function isSearchGuardClusterPermission(permission: string): boolean {
  const constant = permission !== "*" && !(permission.length > 1 && permission.startsWith("/") && permission.endsWith("/")) && !/[*?]/.test(permission);
  return !constant || permission.includes(":");
}

/** Search Guard FLX's denial message (PrivilegesEvaluationResult toSecurityException). */
export const SG_DENIAL_REASON = "Insufficient permissions";
