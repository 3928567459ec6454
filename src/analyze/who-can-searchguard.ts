/**
 * Who can, under Search Guard FLX's rules, as `searchguard/sg-evaluate.ts`
 * decides: admin-only actions are refused to every role, open actions pass
 * for everyone, then the action's scope picks cluster (with the exclusions
 * of all of a user's roles), tenant or index permissions (with negations
 * within an entry, and admin-only indices).
 */
import { clusterGrant, entryAt, patternGrant, roleAnswer, type WhoCanContext } from "./who-can-grants.js";
import { parts, type AnswerParts } from "./who-can-opensearch.js";
import type { PatternGrant, Requirement, RoleAnswer, RoleGrant, RoleRefusal, WhoCanQuery } from "./who-can-types.js";
import { compileNames } from "../runtime/searchguard/sg-roles.js";
import { SG_GLOBAL_TENANT, isSearchGuardOpenAction, searchGuardAdditionalPrivileges, searchGuardScope } from "../rules/searchguard-actions.js";
import type { TableLocation } from "../table/provenance.js";
import type { SearchGuardTableSettings } from "../table/types.js";

export function whoCanSearchGuard(ctx: WhoCanContext, query: WhoCanQuery, settings: SearchGuardTableSettings): AnswerParts {
  const action = query.action;
  if (settings.adminOnlyActions.some((pattern) => ctx.nameMatches(pattern, action))) {
    return parts(action, "cluster", { nobody: `\`${action}\` is an admin-only action (\`searchguard.admin_only_actions\`): no role may perform it`, notes: [] });
  }
  if (isSearchGuardOpenAction(action)) return parts(action, "unchecked", { everyone: `Search Guard lets every user perform \`${action}\``, notes: [] });
  const scope = searchGuardScope(action);
  if (scope === "tenant") return tenantAnswer(ctx, action, query.tenant, settings);
  const answer = scope === "cluster" ? clusterAnswer(ctx, action, query.index) : indexAnswer(ctx, action, query.index, settings);
  if (query.tenant === undefined) return answer;
  return { ...answer, notes: [`\`--tenant\` applies to tenant actions (\`kibana:saved_objects/_/read\`, \`…/write\`), not to \`${action}\``, ...answer.notes] };
}

function clusterAnswer(ctx: WhoCanContext, action: string, index: string | undefined): AnswerParts {
  const roles = ctx.table.roles.flatMap((role, id): RoleAnswer[] => {
    const grant = clusterGrant(ctx, id, action);
    return grant === undefined ? [] : [roleAnswer(ctx, role.name, [grant])];
  });
  const refusedBy = ctx.table.roles.flatMap((role): RoleRefusal[] =>
    ctx.granting(role.excludeCluster ?? [], action).map((actionPattern) => ({ role: role.name, actionPattern })),
  );
  const extra = searchGuardAdditionalPrivileges(action);
  const required = index === undefined ? [] : extra.map((privilege) => extraRequirement(ctx, privilege, index));
  const notes = refusedBy.length > 0 ? ["an exclusion refuses the action to every user holding that role, whatever their other roles grant"] : [];
  if (extra.length > 0 && index === undefined) notes.push(`on named indices, \`${action}\` also needs ${extra.map((a) => `\`${a}\``).join(" and ")} on them`);
  return { ...parts(action, "cluster", { roles, notes }), alsoRequired: required, refusedBy };
}

function indexAnswer(ctx: WhoCanContext, action: string, index: string | undefined, settings: SearchGuardTableSettings): AnswerParts {
  if (index !== undefined && settings.adminOnlyIndices.some((pattern) => ctx.nameMatches(pattern, index))) {
    return parts(action, "index", { nobody: `\`${index}\` is an admin-only index (\`searchguard.admin_only_indices\`): no role may access it`, notes: [] });
  }
  const roles = indexRoles(ctx, action, index);
  const extra = searchGuardAdditionalPrivileges(action);
  const required = index === undefined ? [] : extra.map((privilege) => extraRequirement(ctx, privilege, index));
  const notes = index === undefined ? ["without `--index`, every index pattern of a granting permission is listed (negations `-…` included); a request naming no index needs `*` without negations"] : [];
  return { ...parts(action, "index", { roles, notes }), alsoRequired: required };
}

function extraRequirement(ctx: WhoCanContext, privilege: string, index: string): Requirement {
  return { privilege: `\`${privilege}\` on \`${index}\``, roles: indexRoles(ctx, privilege, index).map((answer) => answer.role) };
}

function indexRoles(ctx: WhoCanContext, action: string, index: string | undefined): RoleAnswer[] {
  const table = ctx.table;
  return table.roles.flatMap((role, roleId): RoleAnswer[] => {
    const provenance = table.provenance?.roles[roleId];
    const grants = role.index.flatMap((entry, i): RoleGrant[] => {
      const written = provenance?.index[i];
      const actions = ctx.actionGrants(entry.actions, action, written?.allowedActions);
      if (actions.length === 0) return [];
      const patterns = namesGranting(ctx, entry.patterns.map((id) => table.indexPatterns[id]!), written?.patterns, index);
      return patterns.length === 0 ? [] : [{ kind: "index", entry: i, ...entryAt(written?.at), actions, patterns, restrictions: [] }];
    });
    return grants.length === 0 ? [] : [roleAnswer(ctx, role.name, grants)];
  });
}

/** Rule 10: no tenant means `SGS_GLOBAL_TENANT`; while multi-tenancy is off only that one can be used. */
function tenantAnswer(ctx: WhoCanContext, action: string, requested: string | undefined, settings: SearchGuardTableSettings): AnswerParts {
  const tenant = requested === undefined || requested === "" ? SG_GLOBAL_TENANT : requested;
  if (!settings.multitenancyEnabled && tenant !== SG_GLOBAL_TENANT) {
    return parts(action, "tenant", { nobody: `multi-tenancy is off: only \`${SG_GLOBAL_TENANT}\` can be used`, notes: [] });
  }
  const table = ctx.table;
  const defined = table.tenants.includes(tenant);
  const valid = tenant === SG_GLOBAL_TENANT ? !settings.multitenancyEnabled || settings.globalTenantEnabled : settings.multitenancyEnabled && defined;
  const roles = table.roles.flatMap((role, roleId): RoleAnswer[] => {
    const provenance = table.provenance?.roles[roleId];
    const grants = role.tenants.flatMap((entry, i): RoleGrant[] => {
      const written = provenance?.tenants[i];
      const actions = ctx.actionGrants(entry.actions ?? [], action, written?.allowedActions);
      if (actions.length === 0) return [];
      // Constant patterns grant defined tenants only; templates grant valid ones only.
      const patterns = namesGranting(ctx, entry.patterns, written?.patterns, tenant).filter((p) => (p.conditional ? valid : defined));
      return patterns.length === 0 ? [] : [{ kind: "tenant", entry: i, ...entryAt(written?.at), patterns, access: entry.write ? "read-write" : "read", actions }];
    });
    return grants.length === 0 ? [] : [roleAnswer(ctx, role.name, grants)];
  });
  return parts(action, "tenant", { roles, notes: requested === undefined ? [`without \`--tenant\`, the tenant is \`${SG_GLOBAL_TENANT}\``] : [] });
}

/**
 * The patterns of an entry that grant the name (all of them without a
 * name), Search Guard's way: a constant pattern counts unless a negation of
 * the entry removes the name; a template unless a negation after it does.
 */
function namesGranting(ctx: WhoCanContext, patterns: readonly string[], at: readonly (TableLocation | null)[] | undefined, name: string | undefined): PatternGrant[] {
  const grant = (k: number): PatternGrant[] => {
    const found = patternGrant(ctx, patterns[k]!, at?.[k], name);
    return found === undefined ? [] : [found];
  };
  if (name === undefined) return patterns.flatMap((_, k) => grant(k));
  const names = compileNames(patterns);
  const constantGranted = names.constant(name) && !names.constantExclusions(name);
  const excludedTemplates = new Set(names.templates.filter((t) => t.exclusions(name)).map((t) => t.pattern));
  return patterns.flatMap((pattern, k) => {
    if (pattern.startsWith("-")) return [];
    if (pattern.includes("${")) return excludedTemplates.has(pattern) ? [] : grant(k);
    return constantGranted ? grant(k) : [];
  });
}
