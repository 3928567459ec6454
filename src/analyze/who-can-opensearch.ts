/**
 * Who can, under OpenSearch Security's rules, in the order the runtime
 * decides (`evaluate.ts`): unchecked actions, renamed actions, the security
 * REST API, then cluster or index privileges with the system index and
 * Dashboards tenant cases on the way.
 */
import { clusterGrant, indexRoles, roleAnswer, type WhoCanContext } from "./who-can-grants.js";
import { globalTenantRequirement, restApiOutcome, systemIndexOutcome, tenantOutcome, type SpecialOutcome } from "./who-can-special.js";
import type { Requirement, RoleAnswer, WhoCanAnswer, WhoCanKind, WhoCanQuery } from "./who-can-types.js";
import { evaluatedActionName, isClusterAction, isUncheckedAction } from "../rules/actions.js";
import { restApiTarget } from "../rules/rest-api.js";

const TOP_LEVEL_BULK = "indices:data/write/bulk";

/** An answer before the parts every flavor shares (query, principals, provenance). */
export type AnswerParts = Pick<WhoCanAnswer, "evaluatedAction" | "kind" | "everyone" | "nobody" | "roles" | "alsoRequired" | "refusedBy" | "notes">;

export function whoCanOpenSearch(ctx: WhoCanContext, query: WhoCanQuery): AnswerParts {
  const requested = query.action;
  const action = evaluatedActionName(requested);
  if (isUncheckedAction(requested)) {
    return parts(action, "unchecked", { everyone: `the plugin lets \`${requested}\` through without any privilege check`, notes: [] });
  }
  const rest = restApiTarget(requested);
  if (rest !== undefined) return parts(action, "rest-api", restApiOutcome(ctx, requested, rest));
  const renamed = action === requested ? [] : [`the plugin evaluates \`${requested}\` as \`${action}\`: a grant of \`${requested}\` itself does not count`];
  const answer = isClusterAction(action) ? clusterAnswer(ctx, action, query) : indexAnswer(ctx, action, query);
  return { ...answer, notes: [...renamed, ...answer.notes] };
}

function clusterAnswer(ctx: WhoCanContext, action: string, query: WhoCanQuery): AnswerParts {
  const notes = ["service accounts (`attr.internal.service: true`) never get cluster actions"];
  if (query.tenant !== undefined) notes.push("with `--tenant`, the Dashboards tenant check that follows a cluster privilege is not modelled");
  // The top-level bulk request without a tenant is decided by the cluster privilege alone, before system indices.
  const bulkShortcut = action === TOP_LEVEL_BULK && !query.tenant;
  if (bulkShortcut) notes.push("a `_bulk` request is decided by this cluster permission alone; its items then need index privileges on each index (`indices:data/write/bulk[s]` and `index`, `delete` or `update`)");
  const special = query.index === undefined || bulkShortcut ? { notes: [] } : systemIndexOutcome(ctx, action, true, query.index);
  if (special.nobody !== undefined) return parts(action, "cluster", { ...special, notes });
  if (query.index !== undefined && special.required === undefined) notes.push("`--index` does not change who may perform a cluster action");
  const roles = ctx.table.roles.flatMap((role, id): RoleAnswer[] => {
    const grant = clusterGrant(ctx, id, action);
    return grant === undefined ? [] : [roleAnswer(ctx, role.name, [grant])];
  });
  return parts(action, "cluster", { roles, ...(special.required ? { required: special.required } : {}), notes });
}

/** In the runtime's order: system indices first, then the Dashboards tenant, then the index privileges. */
function indexAnswer(ctx: WhoCanContext, action: string, query: WhoCanQuery): AnswerParts {
  const settings = ctx.table.settings;
  const notes: string[] = [];
  const required: Requirement[] = [];
  const tenant = query.tenant === "" ? undefined : query.tenant;
  const tenantDecides = tenant !== undefined && settings.multitenancyEnabled;
  if (tenant !== undefined && !settings.multitenancyEnabled) notes.push("multi-tenancy is off: `--tenant` plays no part");
  if (tenantDecides && query.index === undefined) notes.push(`without \`--index\`, the request is taken to be on the Dashboards index \`${settings.dashboardsIndex}\``);
  const index = query.index ?? (tenantDecides ? settings.dashboardsIndex : undefined);
  const system = index === undefined ? { notes: [] } : systemIndexOutcome(ctx, action, false, index);
  if (system.nobody !== undefined) return parts(action, "index", { ...system, notes });
  if (settings.systemIndexPermissionEnabled) notes.push("service accounts (`attr.internal.service: true`) may touch only system indices while system index permissions are on");
  if (system.required !== undefined) required.push(system.required);
  if (tenantDecides) {
    const outcome = tenantOutcome(ctx, action, tenant, index!);
    if (outcome !== undefined) return { ...parts(action, "tenant", { ...outcome, notes: [...notes, ...outcome.notes] }), alsoRequired: required };
    notes.push(`\`--tenant\` does not apply to \`${index}\`: only the Dashboards index and the tenant's own index are decided by the tenant`);
  } else if (settings.multitenancyEnabled && index === settings.dashboardsIndex) {
    required.push(globalTenantRequirement(ctx, action));
    notes.push(`the Dashboards server user (\`${settings.dashboardsServerUsername}\`) needs no tenant`);
  }
  if (!settings.systemIndicesEnabled) notes.push("plugin users (`plugin:…`) get every index action without roles while system indices are off");
  if (index === undefined) {
    notes.push("without `--index`, every index pattern of a granting permission is listed; a request naming no index (all indices) needs a pattern covering every name (`*`)");
  }
  const roles = indexRoles(ctx, action, index);
  return { ...parts(action, "index", { roles, notes }), alsoRequired: required };
}

/** Notes on what the grants themselves leave open. */
export function grantNotes(roles: readonly RoleAnswer[]): string[] {
  const grants = roles.flatMap((role) => role.grants);
  const notes: string[] = [];
  if (grants.some((g) => (g.kind === "index" || g.kind === "tenant") && g.patterns.some((p) => p.conditional))) {
    notes.push("`${…}` patterns are rendered per user: they grant only users whose name or attributes render a matching pattern");
  }
  if (grants.some((g) => g.kind === "index" && g.restrictions.length > 0)) {
    notes.push("DLS, FLS and masking restrict what a granted request returns, not whether it is allowed");
  }
  if (grants.some((g) => g.kind === "kibana_user_global_tenant")) {
    notes.push("`kibana_user` gives read-write on `global_tenant` only while none of the user's roles grants `global_tenant` through a pattern without `${…}`");
  }
  return notes;
}

/** An answer from a special case's outcome. */
export function parts(evaluatedAction: string, kind: WhoCanKind, outcome: SpecialOutcome): AnswerParts {
  return {
    evaluatedAction,
    kind,
    ...(outcome.everyone !== undefined ? { everyone: outcome.everyone } : {}),
    ...(outcome.nobody !== undefined ? { nobody: outcome.nobody } : {}),
    roles: outcome.roles ?? [],
    alsoRequired: outcome.required !== undefined ? [outcome.required] : [],
    refusedBy: [],
    notes: [...outcome.notes, ...grantNotes(outcome.roles ?? [])].filter((note, i, all) => all.indexOf(note) === i),
  };
}
