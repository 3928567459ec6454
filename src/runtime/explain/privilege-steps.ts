/**
 * The evaluation of a request's privileges, step by step as `decide` in
 * evaluate.ts runs it: the top-level bulk shortcut, system indices, cluster
 * privileges (then the tenant interceptor), the tenant interceptor, index
 * privileges; and for what they allow, the DLS/FLS valve and the owning
 * plugin. Each step asks the evaluator's own predicates whether it decides
 * and how; what is added here is what granted, or what is missing.
 */
import { GLOBAL_TENANT } from "../../rules/actions.js";
import type { Grant } from "../../table/explanation.js";
import type { ActionInfo } from "../action-catalog.js";
import { clusterGranted } from "../evaluate.js";
import { allIndicesGranted, indexGranted } from "../grant-checks.js";
import { ownershipRefusal } from "../resource-ownership.js";
import { restrictedDecision } from "../restrictions.js";
import { systemIndexVerdict } from "../system-indices.js";
import type { TablePolicy } from "../table-policy.js";
import { interceptDashboardsRequest } from "../tenants.js";
import type { PolicyRequest } from "../user-directory.js";
import { grantingRoles, nameList, ruleStep, type ExplainedStep, type MissingTarget } from "./explained-step.js";
import type { GrantFinder } from "./grant-sources.js";
import { explainSystemIndexStep } from "./system-index-step.js";
import { checkedGlobalTenant, explainTenantStep } from "./tenant-step.js";

/** The step that decided a readable request whose action is neither unchecked nor the REST API's. */
export function explainPrivilegeSteps(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, finder: GrantFinder): ExplainedStep {
  const step = privilegeStep(policy, request, info, finder);
  return step.allows ? afterPrivileges(policy, request, info, step) : step;
}

function privilegeStep(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, finder: GrantFinder): ExplainedStep {
  const user = request.user;
  const actionIds = new Set(info.cls.patterns);
  if (info.topLevelBulk && !request.tenant) return bulkShortcutStep(policy, request, info, finder, actionIds);
  const systemIndices = systemIndexVerdict(policy, request, info);
  if (systemIndices !== "continue") return explainSystemIndexStep(policy, request, info, systemIndices);
  if (info.cluster) {
    if (user.serviceAccount) return ruleStep("cluster", false, `\`${user.name}\` is a service account, which may not perform cluster actions such as \`${info.name}\``);
    if (!clusterGranted(policy, user, info)) return clusterDenial(info);
    const tenant = interceptDashboardsRequest(policy, request, info);
    if (tenant === "deny") return explainTenantStep(policy, request, info, tenant, finder);
    const grants = finder.cluster(actionIds);
    const summary = `\`${info.name}\` is a cluster action, granted by the cluster permissions of ${nameList(grantingRoles(grants))}`;
    return { rule: "cluster", allows: true, summary, grants: [...grants, ...globalTenantGrants(policy, request, info, finder)], missing: [] };
  }
  const tenant = interceptDashboardsRequest(policy, request, info);
  if (tenant !== "continue") return explainTenantStep(policy, request, info, tenant, finder);
  return indexStep(policy, request, info, finder, actionIds);
}

function bulkShortcutStep(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, finder: GrantFinder, actionIds: ReadonlySet<number>): ExplainedStep {
  const shortcut = `a top-level \`${info.name}\` request is decided by the cluster permissions alone (each item's index privileges are checked as the items run)`;
  if (!clusterGranted(policy, request.user, info)) {
    return { rule: "bulk-shortcut", allows: false, summary: `${shortcut}, and no role of the user grants it`, grants: [], missing: [{ target: { kind: "cluster" }, privilege: info.name }] };
  }
  const grants = finder.cluster(actionIds);
  return { rule: "bulk-shortcut", allows: true, summary: `${shortcut}: granted by ${nameList(grantingRoles(grants))}`, grants, missing: [] };
}

function clusterDenial(info: ActionInfo): ExplainedStep {
  return {
    rule: "cluster",
    allows: false,
    summary: `\`${info.name}\` is a cluster action, and no role of the user grants it in its cluster permissions`,
    grants: [],
    missing: [{ target: { kind: "cluster" }, privilege: info.name }],
  };
}

/** Every requested index (or all indices) must be granted by some index permission. */
function indexStep(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, finder: GrantFinder, actionIds: ReadonlySet<number>): ExplainedStep {
  const user = request.user;
  const view = policy.views.get(user.roleSet, info.cls);
  const indices = request.indices;
  if (indices === undefined || indices.length === 0) {
    if (!allIndicesGranted(policy, view, user)) {
      const missing: MissingTarget[] = [{ target: { kind: "all-indices" }, privilege: info.name }];
      return { rule: "index", allows: false, summary: `\`${info.name}\` on all indices needs an index permission with the pattern \`*\`, and no role of the user has one that grants it`, grants: [], missing };
    }
    const grants = finder.allIndices(actionIds);
    return { rule: "index", allows: true, summary: `\`${info.name}\` on all indices is granted by ${nameList(grantingRoles(grants))}`, grants, missing: [] };
  }
  const lacking = indices.filter((index) => !indexGranted(policy, view, index, user));
  if (lacking.length > 0) {
    const missing = lacking.map((index): MissingTarget => ({ target: { kind: "index", index }, privilege: info.name }));
    return { rule: "index", allows: false, summary: `no role of the user grants \`${info.name}\` on ${nameList(lacking)}`, grants: [], missing };
  }
  const grants = indices.flatMap((index) => finder.index(actionIds, index));
  const summary = `\`${info.name}\` is granted on ${nameList(indices)} by the index permissions of ${nameList(grantingRoles(grants))}`;
  return { rule: "index", allows: true, summary, grants: [...grants, ...globalTenantGrants(policy, request, info, finder)], missing: [] };
}

/** The grants of `global_tenant` access, when the interceptor required it before letting the request on. */
function globalTenantGrants(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, finder: GrantFinder): Grant[] {
  return checkedGlobalTenant(policy, request) ? finder.tenant(GLOBAL_TENANT, info.tenantWrite) : [];
}

/**
 * What the privileges allowed is then the DLS/FLS valve's and the owning
 * plugin's, in that order (`allowed` in evaluate.ts).
 */
function afterPrivileges(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, step: ExplainedStep): ExplainedStep {
  const user = request.user;
  const restricted = user.roleSet.hasRules ? restrictedDecision(policy, request, info) : undefined;
  if (restricted?.decision === "deny") {
    return { ...step, rule: "restrictions", allows: false, summary: `the privileges allow it, but the DLS/FLS valve refuses it: ${restricted.reason ?? ""}` };
  }
  const refusal = request.resource === undefined ? undefined : ownershipRefusal(policy.settings, info.name, request.resource, user);
  if (refusal !== undefined) return { ...step, rule: "ownership", allows: false, summary: `the privileges allow it, but the owning plugin refuses it: ${refusal}` };
  return step;
}
