/**
 * Dashboards multi-tenancy, as the newest legacy PrivilegesInterceptor
 * (replaceDashboardsIndex) and TenantPrivileges decide it. The interceptor
 * runs after the cluster privilege check for cluster actions and before the
 * index privilege check for index actions. See docs/semantics/evaluation.md §5.
 */
import { isTemplate } from "../patterns/pattern.js";
import { GLOBAL_TENANT, PRIVATE_TENANT } from "../rules/actions.js";
import type { ActionInfo } from "./action-catalog.js";
import type { TablePolicy } from "./table-policy.js";
import type { PolicyRequest, UserEntry } from "./user-directory.js";

/** `grant`: allowed without index privileges; `deny`; `continue`: the ordinary checks decide. */
export type TenantVerdict = "grant" | "deny" | "continue";

/** The Dashboards tenant interceptor's verdict on a request. */
export function interceptDashboardsRequest(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): TenantVerdict {
  const settings = policy.settings;
  if (!settings.multitenancyEnabled) return "continue";
  const tenant = request.tenant;
  const user = request.user;
  if (tenant === undefined || tenant === "") {
    // Without a tenant, only a regular user's request to the Dashboards index alone needs the global tenant.
    const indices = request.indices;
    if (indices?.length !== 1 || indices[0] !== settings.dashboardsIndex || user.name === settings.dashboardsServerUsername) return "continue";
    return hasTenantPrivilege(policy, GLOBAL_TENANT, info.tenantWrite, user) ? "continue" : "deny";
  }
  if (tenant === PRIVATE_TENANT && !settings.privateTenantEnabled) return "deny";
  const regularUser = user.name !== settings.dashboardsServerUsername;
  const indices = regularUser && request.indices?.length ? request.indices : undefined;
  const dashboardsIndexOnly = indices?.length === 1 && indices[0] === settings.dashboardsIndex;
  const isPrivate = tenant === PRIVATE_TENANT || tenant === user.name;
  const permitted = () => isPrivate || hasTenantPrivilege(policy, tenant, info.tenantWrite, user);
  // The private tenant's index is named after the user, whichever way it was asked for.
  const ownIndex = tenantIndexName(settings.dashboardsIndex, isPrivate ? user.name : tenant);
  if (indices?.length === 1 && indices[0]!.startsWith(ownIndex) && permitted()) return "grant";
  if (dashboardsIndexOnly) return permitted() ? "grant" : "deny";
  // With a tenant, direct access to any tenant index (`.kibana_…`) other than the above is refused.
  if (indices?.some((index) => index.startsWith(`${settings.dashboardsIndex}_`))) return "deny";
  return "continue";
}

/**
 * Whether the user's roles give `tenant` read (or, with `write`, read-write)
 * access. Only defined tenants can be granted; `kibana_user` implies
 * read-write on the global tenant unless one of the user's roles grants the
 * global tenant through a pattern without `${…}`.
 */
export function hasTenantPrivilege(policy: TablePolicy, tenant: string, write: boolean, user: UserEntry): boolean {
  if (!policy.tenants.has(tenant)) return false;
  let read = false;
  let readWrite = false;
  let grantedStatically = false;
  for (const roleId of user.roleSet.roleIds) {
    for (const entry of policy.table.roles[roleId]!.tenants) {
      for (const pattern of entry.patterns) {
        if (!policy.templates.forUser(user, pattern).matches(tenant)) continue;
        if (!isTemplate(pattern)) grantedStatically = true;
        read = true;
        if (entry.write) readWrite = true;
      }
    }
  }
  if (tenant === GLOBAL_TENANT && !grantedStatically && user.roleSet.names.includes("kibana_user")) return true;
  return write ? readWrite : read;
}

/**
 * The tenants a user may open, as the plugin's authinfo lists them
 * (TenantPrivileges.tenantMap): each defined tenant the user may read,
 * `true` when writes are allowed too; then the user's own name, always
 * `true`, which stands for the private tenant. Neither multi-tenancy nor
 * private-tenant settings change the map. Keys are sorted; the object has
 * no prototype, so a user or tenant named `__proto__` is an ordinary key.
 */
export function tenantAccessMap(policy: TablePolicy, user: UserEntry): Record<string, boolean> {
  const access = new Map<string, boolean>();
  for (const tenant of policy.tenants) {
    if (hasTenantPrivilege(policy, tenant, true, user)) access.set(tenant, true);
    else if (hasTenantPrivilege(policy, tenant, false, user)) access.set(tenant, false);
  }
  // Last, as in the plugin: a defined tenant named like the user is listed read-write whatever its roles say.
  access.set(user.name, true);
  const map = Object.create(null) as Record<string, boolean>;
  for (const tenant of [...access.keys()].sort()) map[tenant] = access.get(tenant)!;
  return map;
}

/**
 * The concrete index of a tenant (PrivilegesInterceptor.toUserIndexName):
 * `.kibana_<Java hashCode of the tenant>_<tenant lower-cased, without runs of other than a-z0-9>`.
 */
export function tenantIndexName(dashboardsIndex: string, tenant: string): string {
  return `${dashboardsIndex}_${javaStringHashCode(tenant)}_${tenant.toLowerCase().replace(/[^a-z0-9]+/g, "")}`;
}

function javaStringHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}
