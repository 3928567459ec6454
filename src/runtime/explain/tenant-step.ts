/**
 * Why the Dashboards tenant interceptor decided a request, once
 * `interceptDashboardsRequest` (tenants.ts) has granted or denied it: its
 * cases again, in its order, naming the one that answered, with the tenant
 * grants or the tenant access missing. The verdict is the interceptor's.
 */
import { GLOBAL_TENANT, PRIVATE_TENANT, TENANT_WRITE_ACTION } from "../../rules/actions.js";
import type { ActionInfo } from "../action-catalog.js";
import type { TablePolicy } from "../table-policy.js";
import { hasTenantPrivilege, tenantIndexName, type TenantVerdict } from "../tenants.js";
import type { PolicyRequest } from "../user-directory.js";
import { grantingRoles, nameList, ruleStep, type ExplainedStep } from "./explained-step.js";
import { TENANT_READ_ACTION, type GrantFinder } from "./grant-sources.js";

/** The step of a request the tenant interceptor granted or denied. */
export function explainTenantStep(
  policy: TablePolicy,
  request: PolicyRequest,
  info: ActionInfo,
  verdict: Exclude<TenantVerdict, "continue">,
  finder: GrantFinder,
): ExplainedStep {
  const settings = policy.settings;
  const user = request.user;
  const tenant = request.tenant;
  const access = info.tenantWrite ? "read-write" : "read";
  const privilege = info.tenantWrite ? TENANT_WRITE_ACTION : TENANT_READ_ACTION;
  if (tenant === undefined || tenant === "") {
    return {
      rule: "tenant",
      allows: false,
      summary: `\`${info.name}\` on the Dashboards index \`${settings.dashboardsIndex}\` without a tenant needs ${access} access to \`${GLOBAL_TENANT}\`, which no role of the user gives`,
      grants: [],
      missing: [{ target: { kind: "tenant", tenant: GLOBAL_TENANT }, privilege }],
    };
  }
  if (tenant === PRIVATE_TENANT && !settings.privateTenantEnabled) {
    return ruleStep("tenant", false, `the private tenant \`${PRIVATE_TENANT}\` is disabled (\`private_tenant_enabled\` in config.yml)`);
  }
  const isPrivate = tenant === PRIVATE_TENANT || tenant === user.name;
  if (verdict === "grant") {
    if (isPrivate) return ruleStep("tenant", true, `the user's private tenant is always open to it: the request goes to its own tenant index`);
    const grants = finder.tenant(tenant, info.tenantWrite);
    return { rule: "tenant", allows: true, summary: `tenant \`${tenant}\` is open ${access} to ${nameList(grantingRoles(grants))}: the request goes to the tenant's index, without index privileges`, grants, missing: [] };
  }
  const indices = user.name !== settings.dashboardsServerUsername && request.indices?.length ? request.indices : undefined;
  const ownIndex = tenantIndexName(settings.dashboardsIndex, isPrivate ? user.name : tenant);
  const toTenant = indices?.length === 1 && (indices[0] === settings.dashboardsIndex || indices[0]!.startsWith(ownIndex));
  if (toTenant && !isPrivate && !hasTenantPrivilege(policy, tenant, info.tenantWrite, user)) {
    const undefinedTenant = policy.tenants.has(tenant) ? "" : ` (\`${tenant}\` is not a defined tenant, and only defined tenants can be granted)`;
    return {
      rule: "tenant",
      allows: false,
      summary: `no role of the user gives ${access} access to tenant \`${tenant}\`${undefinedTenant}`,
      grants: [],
      missing: [{ target: { kind: "tenant", tenant }, privilege }],
    };
  }
  return ruleStep("tenant", false, `with a tenant, a request may not name a tenant index (\`${settings.dashboardsIndex}_…\`) other than its tenant's own: ${nameList(indices ?? [])}`);
}

/**
 * Whether the interceptor let the request on (`continue`) only after
 * checking `global_tenant` access: a regular user's request to the
 * Dashboards index alone, without a tenant. Its grants then belong to the
 * explanation too.
 */
export function checkedGlobalTenant(policy: TablePolicy, request: PolicyRequest): boolean {
  const settings = policy.settings;
  const indices = request.indices;
  const noTenant = request.tenant === undefined || request.tenant === "";
  return settings.multitenancyEnabled && noTenant && indices?.length === 1 && indices[0] === settings.dashboardsIndex && request.user.name !== settings.dashboardsServerUsername;
}
