/**
 * Resolves a Search Guard role (rules 3, 4, 6, 7 of
 * ../shared/searchguard-reference/README.md): actions expanded through the
 * action groups, cluster permissions without the constant entries that name
 * no action, exclusions expanded alike, index patterns kept in the order
 * written (a negation `-pattern` restricts by its position), alias and
 * data-stream permissions as further index entries, tenant permissions with
 * their expanded actions. DLS, FLS and field masking are OpenSearch-only in
 * policyc: a Search Guard decision carries no restrictions.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { IndexPermission, LocatedString, Role, TenantPermission } from "../model/types.js";
import { TENANT_WRITE_ACTION } from "../rules/actions.js";
import { isSearchGuardClusterPermission } from "../rules/searchguard-actions.js";
import { expandActions, type ActionGroupIndex } from "./resolve-action-groups.js";
import { code } from "../diagnostics/message-text.js";
import { isRegexPattern } from "../patterns/pattern.js";
import { unescapedSearchGuardVariables } from "../patterns/searchguard-template.js";
import { patternProblem, reportPatternProblem } from "./resolve-patterns.js";
import { usableActions, type ResolvedIndexEntry, type ResolvedRole, type ResolvedTenantEntry } from "./resolve-roles.js";

export function resolveSearchGuardRole(role: Role, groups: ActionGroupIndex, sink: DiagnosticSink): ResolvedRole {
  const entries = [...role.indexPermissions, ...(role.aliasPermissions ?? []), ...(role.dataStreamPermissions ?? [])];
  const excluded = clusterPermissions(role.excludeClusterPermissions ?? [], groups);
  return {
    name: role.name.value,
    cluster: clusterPermissions(role.clusterPermissions, groups),
    index: entries.map((permission) => resolveIndexEntry(permission, groups, sink)),
    tenants: role.tenantPermissions.map((permission) => resolveTenantEntry(permission, groups, sink)),
    ...(excluded.length > 0 ? { excludeCluster: excluded } : {}),
    source: role,
  };
}

function clusterPermissions(permissions: readonly LocatedString[], groups: ActionGroupIndex): string[] {
  return usableActions(expandActions(permissions, groups)).filter(isSearchGuardClusterPermission);
}

function resolveIndexEntry(permission: IndexPermission, groups: ActionGroupIndex, sink: DiagnosticSink): ResolvedIndexEntry {
  return {
    indexPatterns: orderedPatterns(permission.indexPatterns, "index pattern", sink),
    actions: usableActions(expandActions(permission.allowedActions, groups)),
    systemIndexAccess: false,
    restrictions: {},
    source: permission,
  };
}

function resolveTenantEntry(permission: TenantPermission, groups: ActionGroupIndex, sink: DiagnosticSink): ResolvedTenantEntry {
  const actions = usableActions(expandActions(permission.allowedActions, groups));
  return {
    patterns: orderedPatterns(permission.tenantPatterns, "tenant pattern", sink),
    write: actions.includes(TENANT_WRITE_ACTION),
    actions,
    source: permission,
  };
}

/** The usable patterns in the order written; a negation is checked by the pattern it negates. */
function orderedPatterns(patterns: readonly LocatedString[], what: string, sink: DiagnosticSink): string[] {
  const usable: string[] = [];
  for (const pattern of patterns) {
    const negated = pattern.value.startsWith("-") ? pattern.value.slice(1) : pattern.value;
    const problem = patternProblem(negated);
    if (problem === undefined) usable.push(pattern.value);
    else reportPatternProblem(pattern, what, problem, sink);
    if (isRegexPattern(negated)) warnAboutUnescapedVariables(pattern, what, sink);
  }
  return usable;
}

/**
 * Search Guard substitutes a value into a pattern as it is, unless the
 * variable pipes it through `|toRegexFragment` (rule 9): inside `/…/`, a user
 * whose attribute holds `.*` widens the pattern. policyc decides as Search
 * Guard does, and warns, as it does for OpenSearch's templates.
 */
function warnAboutUnescapedVariables(pattern: LocatedString, what: string, sink: DiagnosticSink): void {
  const unescaped = unescapedSearchGuardVariables(pattern.value);
  if (unescaped.length === 0) return;
  const message = `${what} ${code(pattern.value)} substitutes ${unescaped.map(code).join(", ")} into a regex without \`|toRegexFragment\`: a user whose value holds regex syntax changes what it matches`;
  sink.report("PC4005", message, pattern.span, {
    help: `pipe the value through \`|toRegexFragment\` (\`${unescaped[0]!.slice(0, -1)}|toRegexFragment}\`), which escapes regex syntax and turns a list into \`(a|b)\``,
  });
}
