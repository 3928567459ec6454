/**
 * The plugin's special cases that change a who-can answer for OpenSearch
 * Security, each as the runtime decides it: system indices
 * (`system-indices.ts`), Dashboards tenants (`tenants.ts`) and the security
 * REST API (`rest-api.ts`). Each answers for a regular user; the users the
 * plugin treats otherwise are named in the answer's notes.
 */
import { entryAt, patternGrant, roleAnswer, type WhoCanContext } from "./who-can-grants.js";
import type { Requirement, RoleAnswer, RoleGrant } from "./who-can-types.js";
import { GLOBAL_TENANT, PRIVATE_TENANT, SECURITY_INDEX, SYSTEM_INDEX_PERMISSION, isSystemIndexProtectedAction, needsTenantWrite } from "../rules/actions.js";
import { restApiPermission, type RestApiTarget, type RestEndpoint, type RestMethod } from "../rules/rest-api.js";
import { tenantIndexName } from "../runtime/tenants.js";
import { guardedByHandler } from "../runtime/rest-api.js";

/** What a special case does to the answer: ends it (`nobody`, `everyone`, or roles of its own), or adds a requirement. */
export interface SpecialOutcome {
  readonly nobody?: string;
  readonly everyone?: string;
  /** The roles that decide instead of the action's privilege (the tenant's). */
  readonly roles?: readonly RoleAnswer[];
  readonly required?: Requirement;
  readonly notes: readonly string[];
}

const SNAPSHOT_RESTORE = "cluster:admin/snapshot/restore";
const POINT_IN_TIME_READ_ALL = "indices:data/read/point_in_time/readall";

/** SystemIndexAccessEvaluator for a request on one index, as `systemIndexVerdict` decides it. */
export function systemIndexOutcome(ctx: WhoCanContext, action: string, cluster: boolean, index: string): SpecialOutcome {
  const settings = ctx.table.settings;
  const system = isSystemIndex(ctx, index);
  const passesGate = cluster ? action === SNAPSHOT_RESTORE : action !== POINT_IN_TIME_READ_ALL;
  if (settings.systemIndexPermissionEnabled && passesGate) {
    if (index === SECURITY_INDEX) return { nobody: `\`${SECURITY_INDEX}\` is the security index: with system index permissions on, every request on it is refused`, notes: [] };
    if (system) {
      const roles = systemIndexRoles(ctx, index);
      return { required: { privilege: `\`${SYSTEM_INDEX_PERMISSION}\` on \`${index}\`, granted explicitly (not by \`*\`): it is a system index`, roles }, notes: [] };
    }
  }
  if (isSystemIndexProtectedAction(action) && !settings.systemIndexPermissionEnabled && system) {
    return { nobody: `\`${index}\` is a system index and \`${action}\` a protected action: with system index permissions off, every role is refused`, notes: [] };
  }
  return { notes: [] };
}

function isSystemIndex(ctx: WhoCanContext, index: string): boolean {
  const settings = ctx.table.settings;
  return index === SECURITY_INDEX || (settings.systemIndicesEnabled && settings.systemIndices.some((pattern) => ctx.nameMatches(pattern, index)));
}

/** Roles with an index permission granting `system:admin/system_index` explicitly on the index. */
function systemIndexRoles(ctx: WhoCanContext, index: string): string[] {
  const table = ctx.table;
  return table.roles
    .filter((role) => role.index.some((entry) => entry.systemIndexAccess && entry.patterns.some((id) => patternGrant(ctx, table.indexPatterns[id]!, undefined, index) !== undefined)))
    .map((role) => role.name);
}

/**
 * The Dashboards tenant interceptor for an index action with a requested
 * tenant (multi-tenancy on): on the Dashboards index or the tenant's own
 * index the tenant privilege alone decides; other tenant indices are refused;
 * any other index is left to the index privileges (undefined).
 */
export function tenantOutcome(ctx: WhoCanContext, action: string, tenant: string, index: string): SpecialOutcome | undefined {
  const settings = ctx.table.settings;
  const write = needsTenantWrite(action);
  const access = write ? "read-write" : "read";
  const dashboards = settings.dashboardsIndex;
  if (tenant === PRIVATE_TENANT) {
    if (!settings.privateTenantEnabled) return { nobody: "private tenants are disabled (`private_tenant_enabled: false`)", notes: [] };
    if (index === dashboards) return { everyone: `every user has read-write access to their own private tenant (\`${PRIVATE_TENANT}\`)`, roles: [], notes: [] };
    if (index.startsWith(`${dashboards}_`)) {
      const owner = `only the user whose private tenant index \`${index}\` is (\`${dashboards}_<hash of the name>_<name>\`) may use it, whatever the roles`;
      return { roles: [], notes: [owner, "with a tenant, requests to other tenant indices are refused"] };
    }
    return undefined;
  }
  const notes = [
    `a user named \`${tenant}\` has \`${tenant}\` as private tenant, always read-write, whatever the roles`,
    `the Dashboards server user (\`${settings.dashboardsServerUsername}\`) is decided by index privileges alone`,
  ];
  if (index === dashboards || index.startsWith(tenantIndexName(dashboards, tenant))) {
    if (!ctx.table.tenants.includes(tenant)) return { nobody: `tenant \`${tenant}\` is not defined: no tenant permission can grant it`, notes };
    return { roles: tenantRoles(ctx, tenant, write), notes: [`\`${action}\` needs ${access} access to the tenant`, ...notes] };
  }
  if (index.startsWith(`${dashboards}_`)) return { nobody: `with a tenant, requests to other tenant indices (\`${dashboards}_…\`) are refused`, notes };
  return undefined;
}

/** A request to the Dashboards index without a tenant needs the global tenant (multi-tenancy on). */
export function globalTenantRequirement(ctx: WhoCanContext, action: string): Requirement {
  const write = needsTenantWrite(action);
  const roles = tenantRoles(ctx, GLOBAL_TENANT, write).map((answer) => answer.role);
  return { privilege: `${write ? "read-write" : "read"} access to tenant \`${GLOBAL_TENANT}\` (a request to \`${ctx.table.settings.dashboardsIndex}\` without a tenant)`, roles };
}

/** The roles whose tenant permissions give the (defined) tenant, with `kibana_user`'s implicit global tenant. */
function tenantRoles(ctx: WhoCanContext, tenant: string, write: boolean): RoleAnswer[] {
  const table = ctx.table;
  return table.roles.flatMap((role, roleId): RoleAnswer[] => {
    const provenance = table.provenance?.roles[roleId];
    const grants = role.tenants.flatMap((entry, i): RoleGrant[] => {
      if (write && !entry.write) return [];
      const at = provenance?.tenants[i];
      const patterns = entry.patterns.flatMap((pattern, k) => patternGrant(ctx, pattern, at?.patterns[k], tenant) ?? []);
      return patterns.length === 0 ? [] : [{ kind: "tenant", entry: i, ...entryAt(at?.at), patterns, access: entry.write ? "read-write" : "read" }];
    });
    if (tenant === GLOBAL_TENANT && role.name === "kibana_user") grants.push({ kind: "kibana_user_global_tenant" });
    return grants.length === 0 ? [] : [roleAnswer(ctx, role.name, grants)];
  });
}

/**
 * The security REST API's own check (`rest-api.ts`): the account endpoint is
 * open; a `roles_enabled` role passes except on the endpoints whose handler
 * wants the permission itself; with admin enabled, a role granting the
 * endpoint's permission explicitly passes.
 */
export function restApiOutcome(ctx: WhoCanContext, action: string, target: RestApiTarget): SpecialOutcome {
  const endpoint = target.endpoint;
  if (endpoint === undefined) return { nobody: `\`${action}\` is not a security REST API endpoint`, notes: [] };
  if (endpoint === "account") return { everyone: "the account endpoint is open to every user", notes: [] };
  const settings = ctx.table.settings;
  const permission = restApiPermission(endpoint, target.method);
  const grants = new Map<string, RoleGrant[]>();
  const add = (role: string, grant: RoleGrant) => grants.set(role, [...(grants.get(role) ?? []), grant]);
  if (!guardedByHandler(endpoint, target.method)) for (const role of settings.restapiRolesEnabled) add(role, { kind: "rest-api", via: "roles_enabled" });
  if (settings.restapiAdminEnabled && permission !== undefined) {
    for (const role of ctx.table.roles) if (role.restApi.includes(permission)) add(role.name, { kind: "rest-api", via: "permission", permission });
  }
  const notes = [
    `answered for \`${target.method}\`; super admins (admin certificate) and \`plugins.security.restapi.endpoints_disabled\` are not modelled`,
    ...(!settings.restapiAdminEnabled && permission !== undefined
      ? [`with \`plugins.security.restapi.admin.enabled\`, roles granting \`${permission}\` explicitly would pass too`]
      : []),
  ];
  return { roles: [...grants].map(([role, list]) => roleAnswer(ctx, role, list)), notes };
}

