/**
 * Dashboards multi-tenancy, as the newest legacy PrivilegesInterceptor
 * (replaceDashboardsIndex) and TenantPrivileges decide it. The interceptor
 * runs after the cluster privilege check for cluster actions and before the
 * index privilege check for index actions. See docs/semantics/evaluation.md §5.
 */
import { isTemplate } from "../patterns/pattern.js";
import { GLOBAL_TENANT, PRIVATE_TENANT, needsTenantWrite } from "../rules/actions.js";
import type { NormalizedRequest } from "./request.js";
import type { TablePolicy, UserRoles } from "./table-policy.js";

/** `grant`: allowed without index privileges; `deny`; `continue`: the ordinary checks decide. */
export type TenantVerdict = "grant" | "deny" | "continue";

export function interceptDashboardsRequest(policy: TablePolicy, request: NormalizedRequest, action: string, user: UserRoles): TenantVerdict {
  const settings = policy.settings;
  if (!settings.multitenancyEnabled) return "continue";
  const tenant = request.tenant;
  const write = needsTenantWrite(action);
  if (tenant === PRIVATE_TENANT && !settings.privateTenantEnabled) return "deny";
  const regularUser = request.user.name !== settings.dashboardsServerUsername;
  const indices = regularUser && request.indices?.length ? request.indices : undefined;
  const dashboardsIndexOnly = indices?.length === 1 && indices[0] === settings.dashboardsIndex;
  if (tenant === undefined || tenant === "") {
    return dashboardsIndexOnly && !hasTenantPrivilege(policy, GLOBAL_TENANT, write, user) ? "deny" : "continue";
  }
  const isPrivate = tenant === PRIVATE_TENANT || tenant === request.user.name;
  const permitted = () => isPrivate || hasTenantPrivilege(policy, tenant, write, user);
  // The private tenant's index is named after the user, whichever way it was asked for.
  const ownIndex = tenantIndexName(settings.dashboardsIndex, isPrivate ? request.user.name : tenant);
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
export function hasTenantPrivilege(policy: TablePolicy, tenant: string, write: boolean, user: UserRoles): boolean {
  if (!policy.tenants.has(tenant)) return false;
  let read = false;
  let readWrite = false;
  let grantedStatically = false;
  for (const role of user.roles) {
    for (const entry of role.tenants) {
      for (const pattern of entry.patterns) {
        if (!policy.indexPatterns.matcherFor(pattern, user.subject)(tenant)) continue;
        if (!isTemplate(pattern)) grantedStatically = true;
        read = true;
        if (entry.write) readWrite = true;
      }
    }
  }
  if (tenant === GLOBAL_TENANT && !grantedStatically && user.names.includes("kibana_user")) return true;
  return write ? readWrite : read;
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
