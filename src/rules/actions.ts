/**
 * The plugin's fixed rules about action names, as pure functions shared by
 * the compiler (for checks) and the runtime (for decisions).
 * Source: PrivilegesEvaluatorImpl (isClusterPerm, evaluate), SystemIndexAccessEvaluator,
 * PrivilegesInterceptor; see docs/semantics/.
 */

const CLUSTER_PREFIXES = [
  "cluster:",
  "indices:admin/template/",
  "indices:admin/index_template/",
  "indices:data/read/scroll",
  "indices:data/read/msearch",
];
const CLUSTER_ACTIONS = new Set([
  "indices:data/write/bulk",
  "indices:data/read/mget",
  "indices:data/read/mtv",
  "indices:data/write/reindex",
  "indices:data/read/search/template/render",
]);

/** Whether an action is checked against `cluster_permissions` (else against `index_permissions`). */
export function isClusterAction(action: string): boolean {
  if (!action.startsWith("indices:")) return true;
  return CLUSTER_ACTIONS.has(action) || CLUSTER_PREFIXES.some((prefix) => action.startsWith(prefix));
}

/** Actions the plugin evaluates under another name; a grant of the original name does not count. */
export function evaluatedActionName(action: string): string {
  if (action === "indices:admin/auto_create") return "indices:admin/create";
  if (action === "indices:admin/mapping/auto_put") return "indices:admin/mapping/put";
  if (action.startsWith("internal:indices/admin/upgrade")) return "indices:admin/upgrade";
  return action;
}

/** Actions that pass without any privilege check, even for a user with no roles. */
export function isUncheckedAction(action: string): boolean {
  return action === "cluster:admin/opendistro_security/whoami" || action.startsWith("indices:admin/seq_no");
}

const PROTECTED_PREFIXES = [
  "indices:data/write",
  "indices:admin/delete",
  "indices:admin/mapping/delete",
  "indices:admin/mapping/put",
  "indices:admin/freeze",
  "indices:admin/settings/update",
  "indices:admin/close",
  "cluster:admin/snapshot/restore",
];

/** Actions that may not touch a system index while system index permissions are off. */
export function isSystemIndexProtectedAction(action: string): boolean {
  return action === "indices:admin/aliases" || PROTECTED_PREFIXES.some((prefix) => action.startsWith(prefix));
}

/** The permission that opens a system index when system index permissions are on. */
export const SYSTEM_INDEX_PERMISSION = "system:admin/system_index";

/** The index holding the security configuration: a system index whatever the settings. */
export const SECURITY_INDEX = ".opendistro_security";

const TENANT_READ_ACTIONS = new Set([
  "indices:admin/get",
  "indices:data/read/get",
  "indices:data/read/search",
  "indices:data/read/msearch",
  "indices:data/read/mget",
  "indices:data/read/mget[shard]",
]);

/** Whether a request to the Dashboards index needs read-write (rather than read) tenant access. */
export function needsTenantWrite(action: string): boolean {
  return !TENANT_READ_ACTIONS.has(action);
}

/** The allowed action whose literal presence makes a tenant permission read-write. */
export const TENANT_WRITE_ACTION = "kibana:saved_objects/*/write";

export const GLOBAL_TENANT = "global_tenant";
export const PRIVATE_TENANT = "__user__";
