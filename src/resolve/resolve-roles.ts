/**
 * Resolves each role to what it grants: expanded action patterns for the
 * cluster and for each index permission, usable index patterns, and tenant
 * permissions with their access level.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import type { IndexPermission, Role, TenantPermission } from "../model/types.js";
import { compilePattern } from "../patterns/pattern.js";
import { SYSTEM_INDEX_PERMISSION, TENANT_WRITE_ACTION } from "../rules/actions.js";
import { expandActions, type ActionGroupIndex } from "./resolve-action-groups.js";
import { patternProblem, reportPatternProblem, usablePatterns, warnAboutRegexTemplates } from "./resolve-patterns.js";
import { resolveRestrictions, type ResolvedRestrictions } from "./resolve-restrictions.js";

export interface ResolvedIndexEntry {
  readonly indexPatterns: readonly string[];
  readonly actions: readonly string[];
  readonly systemIndexAccess: boolean;
  /** The entry's DLS, FLS and masking rules, checked, in the table's form. */
  readonly restrictions: ResolvedRestrictions;
  readonly source: IndexPermission;
}

export interface ResolvedTenantEntry {
  readonly patterns: readonly string[];
  readonly write: boolean;
  /** Search Guard: the expanded tenant actions, which it matches against the requested action. */
  readonly actions?: readonly string[];
  readonly source: TenantPermission;
}

export interface ResolvedRole {
  readonly name: string;
  readonly cluster: readonly string[];
  readonly index: readonly ResolvedIndexEntry[];
  readonly tenants: readonly ResolvedTenantEntry[];
  /** Search Guard: the expanded `exclude_cluster_permissions`. */
  readonly excludeCluster?: readonly string[];
  readonly source: Role;
}

export function resolveRole(role: Role, groups: ActionGroupIndex, sink: DiagnosticSink): ResolvedRole {
  return {
    name: role.name.value,
    cluster: usableActions(expandActions(role.clusterPermissions, groups)),
    index: role.indexPermissions.map((permission, i) => resolveIndexPermission(permission, groups, sink, `index permission ${i + 1} of role ${code(role.name.value)}`)),
    tenants: resolveTenantPermissions(role, groups, sink),
    source: role,
  };
}

function resolveIndexPermission(permission: IndexPermission, groups: ActionGroupIndex, sink: DiagnosticSink, owner: string): ResolvedIndexEntry {
  const actions = usableActions(expandActions(permission.allowedActions, groups));
  warnAboutRegexTemplates(permission.indexPatterns, "index pattern", sink);
  return {
    indexPatterns: usablePatterns(permission.indexPatterns, "index pattern", sink),
    actions,
    systemIndexAccess: grantsSystemIndexExplicitly(actions),
    restrictions: resolveRestrictions(permission, owner, sink),
    source: permission,
  };
}

/**
 * `system:admin/system_index` counts only when granted by that name or by a
 * pattern other than the bare `*` (RoleBasedActionPrivileges, explicit privileges).
 */
function grantsSystemIndexExplicitly(actions: readonly string[]): boolean {
  return actions.some((action) => action !== "*" && compilePattern(action)(SYSTEM_INDEX_PERMISSION));
}

/** Action patterns that can match something; invalid regexes are dropped (reported by the checks). */
export function usableActions(actions: readonly string[]): string[] {
  return actions.filter((action) => patternProblem(action) === undefined);
}

/**
 * The plugin stops reading a role's tenant permissions at the first invalid
 * tenant pattern ("Ignoring role", TenantPrivileges): only what came before
 * it counts.
 */
function resolveTenantPermissions(role: Role, groups: ActionGroupIndex, sink: DiagnosticSink): ResolvedTenantEntry[] {
  const entries: ResolvedTenantEntry[] = [];
  for (const permission of role.tenantPermissions) {
    const write = expandActions(permission.allowedActions, groups).includes(TENANT_WRITE_ACTION);
    warnAboutRegexTemplates(permission.tenantPatterns, "tenant pattern", sink);
    const patterns: string[] = [];
    for (const pattern of permission.tenantPatterns) {
      const problem = patternProblem(pattern.value);
      if (problem !== undefined && pattern.value.trim() !== "") {
        reportPatternProblem(pattern, "tenant pattern", problem, sink);
        if (patterns.length) entries.push({ patterns, write, source: permission });
        return entries;
      }
      if (problem === undefined) patterns.push(pattern.value);
    }
    entries.push({ patterns, write, source: permission });
  }
  return entries;
}
