/**
 * Document- and field-level security after an allow, as the plugin's DLS/FLS
 * valve (DlsFlsValveImpl.invoke) applies it to the request, in its order:
 *
 * 1. Only actions the valve applies to (isApplicable): not `cluster:*`, not
 *    index templates, not the top-level `_bulk`, `_msearch`, search-template
 *    rendering or `_reindex`, which it checks at their sub-requests. A request
 *    to the Dashboards index that a tenant grants is rewritten to the
 *    tenant's index and allow-listed for it (PrivilegesInterceptor
 *    applyDocumentAllowList), so the valve lets it pass. A request naming no
 *    index means all indices, which policyc cannot list: it reports nothing.
 * 2. When no requested index is restricted (see `restrictions-join.ts`), the
 *    request passes as it is.
 * 3. Otherwise the valve computes the DLS of every requested index (adaptive
 *    mode, the default): a template query whose rendering fails, keeps a `${`,
 *    or is no query fails the request with "Error while evaluating DLS/FLS
 *    privileges" (PrivilegesEvaluationException; an attribute loop, which the
 *    plugin fails with an internal error instead, is answered the same).
 * 4. Then it refuses, with its messages: an update; with
 *    `plugins.security.dls.write_blocked` (OpenSearch 3.5+) every item of a
 *    shard-level bulk request, named by the item's class (`IndexRequest`,
 *    `DeleteRequest`; an update is refused as an update before); a resize;
 *    cross-cluster replication. Bulk items are requests of their own in
 *    policyc (`indices:data/write/index`, `…/delete`, `…/update`); a
 *    `indices:data/write/bulk[s]` request carries no items, so its refusal
 *    names their common interface, `DocWriteRequest`. Without the setting
 *    the plugin refuses only update items of a shard request, which policyc
 *    cannot see there.
 * 5. The allowed decision reports, for every requested index, the joined
 *    restrictions (`restrictions-values.ts`).
 *
 * Not modelled: checks that need the request body (`min_doc_count: 0`
 * aggregations, profiling), the `plugins.security.dls.mode` setting, super
 * admins.
 */
import type { Decision, IndexRestrictions } from "../table/request.js";
import type { ActionInfo } from "./action-catalog.js";
import { joinIndex } from "./restrictions-join.js";
import type { RoleSetRules } from "./restrictions-tables.js";
import { restrictionValues } from "./restrictions-values.js";
import type { TablePolicy } from "./table-policy.js";
import { interceptDashboardsRequest } from "./tenants.js";
import type { PolicyRequest, UserEntry } from "./user-directory.js";

/** What one index contributes: whether it is restricted, and what the user sees (undefined: DLS failed). */
export interface IndexOutcome {
  readonly restricted: boolean;
  readonly restrictions: IndexRestrictions | undefined;
}

const NOT_SUPPORTED = " is not supported when FLS or DLS or Fieldmasking is activated";
const UPDATE_REFUSED = `Update${NOT_SUPPORTED}`;
const DLS_EVALUATION_FAILED = "Error while evaluating DLS/FLS privileges";

/** Actions the valve leaves to their sub-requests (isApplicable). */
const VALVE_SKIPS = new Set([
  "indices:data/write/bulk",
  "indices:data/read/msearch",
  "indices:data/read/search/template/render",
  "indices:data/write/reindex",
]);

/** Items of a shard-level bulk request, by the privilege each needs, and their class names. */
const BULK_ITEM_CLASSES: ReadonlyMap<string, string> = new Map([
  ["indices:data/write/index", "IndexRequest"],
  ["indices:data/write/delete", "DeleteRequest"],
  ["indices:data/write/bulk[s]", "DocWriteRequest"],
]);

/**
 * The decision for an allowed request of a user whose roles have DLS, FLS or
 * masking rules, or undefined when the valve does not touch the request.
 */
export function restrictedDecision(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): Decision | undefined {
  const indices = request.indices;
  if (indices === undefined || indices.length === 0 || !valveApplies(info.name) || tenantRedirected(policy, request, info)) return undefined;
  const user = request.user;
  const roleSetRules = policy.restrictions.forRoleSet(user.roleSet);
  const outcomes = indices.map((index) => outcomeOf(policy, roleSetRules, user, index));
  const names = user.roleSet.names;
  const missing = user.roleSet.allow.missing;
  if (outcomes.some((outcome) => outcome.restricted)) {
    const refusal = outcomes.some((outcome) => outcome.restrictions === undefined) ? DLS_EVALUATION_FAILED : refusalOf(info.name, policy.settings.dlsWriteBlocked);
    if (refusal !== undefined) return { decision: "deny", roles: names, reason: refusal, missing };
  }
  // INVARIANT: an index whose DLS failed to evaluate has DLS rules, which make it restricted: denied above.
  const restrictions: Record<string, IndexRestrictions> = {};
  indices.forEach((index, i) => Object.defineProperty(restrictions, index, { value: outcomes[i]!.restrictions!, enumerable: true }));
  return { decision: "allow", roles: names, missing, restrictions: Object.freeze(restrictions) };
}

/** DlsFlsValveImpl.isApplicable, for the evaluated action name. */
function valveApplies(action: string): boolean {
  if (action.startsWith("cluster:") || action.startsWith("indices:admin/template/") || action.startsWith("indices:admin/index_template/")) return false;
  return !VALVE_SKIPS.has(action);
}

/** Whether a tenant grants the request by rewriting it to the tenant's index (which the valve then lets pass). */
function tenantRedirected(policy: TablePolicy, request: PolicyRequest, info: ActionInfo): boolean {
  const indices = request.indices!;
  if (request.tenant === undefined || request.tenant === "" || indices.length !== 1 || indices[0] !== policy.settings.dashboardsIndex) return false;
  return interceptDashboardsRequest(policy, request, info) === "grant";
}

/** What the valve refuses on a restricted request, by action; undefined when it lets it pass. */
function refusalOf(action: string, writeBlocked: boolean): string | undefined {
  if (action === "indices:data/write/update") return UPDATE_REFUSED;
  const item = BULK_ITEM_CLASSES.get(action);
  if (writeBlocked && item !== undefined) return `${item}${NOT_SUPPORTED}`;
  if (action === "indices:admin/resize" || action === "indices:admin/shrink") return `Resize${NOT_SUPPORTED}`;
  if (action.includes("plugins/replication")) return `Cross Cluster Replication${NOT_SUPPORTED}`;
  return undefined;
}

/**
 * The index's outcome, cached: per role set when it does not depend on the
 * user, else per user (templates rendered for that user).
 */
function outcomeOf(policy: TablePolicy, roleSetRules: RoleSetRules, user: UserEntry, index: string): IndexOutcome {
  if (roleSetRules.dependsOnUser) return policy.restrictions.userOutcome(user, index, () => computeOutcome(policy, roleSetRules, user, index));
  const key = `${roleSetRules.serial}\u0000${index}`;
  let outcome = policy.restrictions.outcomes.get(key);
  if (outcome === undefined) {
    outcome = computeOutcome(policy, roleSetRules, user, index);
    policy.restrictions.outcomes.set(key, outcome);
  }
  return outcome;
}

function computeOutcome(policy: TablePolicy, roleSetRules: RoleSetRules, user: UserEntry, index: string): IndexOutcome {
  const joins = joinIndex(policy, roleSetRules, user, index);
  const restrictions = restrictionValues(policy.restrictions, joins, () => (user.subject ??= restrictionSubjectOf(user)));
  return { restricted: joins.some((join) => join.restricted), restrictions };
}

/** The user as attribute substitution sees it (the same subject index templates use). */
function restrictionSubjectOf(user: UserEntry): NonNullable<UserEntry["subject"]> {
  return { name: user.name, backendRoles: user.backendRoles, securityRoles: user.securityRoles, attributes: user.attributes };
}
