/**
 * One Search Guard role as an OpenSearch role: action groups renamed,
 * templates rewritten, negations folded into patterns, alias and data stream
 * permissions written as index permissions, tenants mapped. What OpenSearch
 * cannot hold (cluster exclusions, some negations) is dropped and reported
 * with the access that changes.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { IndexPermission, Role, TenantPermission } from "../../model/types.js";
import type { ActionGroupMigration } from "./action-groups.js";
import { reportClusterScopeChanges } from "./cluster-scope.js";
import { migrateNegations } from "./index-negation.js";
import { migrateTenantPermission } from "./tenant-permissions.js";
import { migrateTemplates } from "./templates.js";

/** What every role's migration needs. */
export interface RoleMigrationContext {
  readonly groups: ActionGroupMigration;
  /** The action names the cluster/index split is checked with (cluster-scope.ts). */
  readonly candidateActions: ReadonlySet<string>;
  readonly sink: DiagnosticSink;
}

export function migrateRole(role: Role, context: RoleMigrationContext): Role {
  const name = role.name.value;
  const { groups, sink } = context;
  reportExclusions(role, context);
  reportClusterScopeChanges(role, groups.resolve, context.candidateActions, sink);
  const projected = (permissions: readonly IndexPermission[] | undefined, kind: "alias" | "data stream"): IndexPermission[] =>
    (permissions ?? []).filter((permission) => !coveredByIndexPermission(permission, role)).map((permission) => migrateProjected(permission, name, kind, context));
  const indexPermissions = [
    ...role.indexPermissions.map((permission) => migrateIndexPermission(permission, name, "indices", context)),
    ...projected(role.aliasPermissions, "alias"),
    ...projected(role.dataStreamPermissions, "data stream"),
  ];
  const tenantPermissions = role.tenantPermissions
    .map((permission) => migrateTenantPermission(permission, name, groups.resolve, sink))
    .filter((permission): permission is TenantPermission => permission !== undefined);
  return {
    name: role.name,
    reserved: false,
    hidden: role.hidden,
    static: false,
    ...(role.description !== undefined ? { description: role.description } : {}),
    clusterPermissions: groups.rename(role.clusterPermissions),
    indexPermissions,
    tenantPermissions,
    ...(role.span ? { span: role.span } : {}),
  };
}

function migrateIndexPermission(permission: IndexPermission, role: string, kind: string, context: RoleMigrationContext): IndexPermission {
  const { groups, sink } = context;
  const where = `the ${kind === "indices" ? "index" : kind} patterns of role \`${role}\``;
  const actions = groups.resolve(permission.allowedActions);
  const patterns = migrateNegations(permission.indexPatterns, { role, kind, actions }, sink).map((pattern) => migrateTemplates(pattern, where, sink));
  const dls = permission.dls ? migrateTemplates(permission.dls, `the DLS query of role \`${role}\``, sink) : undefined;
  return {
    ...permission,
    indexPatterns: patterns,
    allowedActions: groups.rename(permission.allowedActions),
    ...(dls ? { dls } : {}),
  };
}

/**
 * Alias and data stream permissions apply, in Search Guard, to the names of
 * aliases (data streams) and through them to their member (backing)
 * indices. As index permissions on the same patterns OpenSearch applies them
 * to aliases and data streams the same way, but also to indices whose own
 * names match the patterns.
 */
function migrateProjected(permission: IndexPermission, role: string, kind: "alias" | "data stream", context: RoleMigrationContext): IndexPermission {
  const migrated = migrateIndexPermission(permission, role, kind === "alias" ? "aliases" : "data streams", context);
  const patterns = permission.indexPatterns.map((pattern) => `\`${pattern.value}\``).join(", ");
  const actions = context.groups.resolve(permission.allowedActions).map((action) => `\`${action}\``).join(", ");
  context.sink.report(
    "PC7004",
    `the ${kind} permission of role \`${role}\` on ${patterns} is written as an index permission: besides ${kind === "alias" ? "aliases" : "data streams"}, indices named like ${patterns} gain ${actions}`,
    permission.span ?? permission.indexPatterns[0]?.span,
  );
  return migrated;
}

/**
 * An alias or data stream permission that an index permission of the same
 * role already grants (every pattern and action listed there too, or `*`)
 * adds nothing in OpenSearch: it is left out, with nothing to report.
 */
function coveredByIndexPermission(permission: IndexPermission, role: Role): boolean {
  const covers = (listed: readonly { value: string }[], wanted: readonly { value: string }[]): boolean =>
    listed.some((item) => item.value === "*") || wanted.every((item) => listed.some((other) => other.value === item.value));
  const plain = permission.dls === undefined && permission.fls.length === 0 && permission.maskedFields.length === 0;
  return plain && role.indexPermissions.some((index) => index.dls === undefined && index.fls.length === 0 && index.maskedFields.length === 0 && covers(index.indexPatterns, permission.indexPatterns) && covers(index.allowedActions, permission.allowedActions));
}

/**
 * Search Guard denies an excluded cluster action to every user holding the
 * role, whatever another role grants (rule 7); OpenSearch has no exclusion,
 * so the action becomes allowed wherever a role grants it.
 */
function reportExclusions(role: Role, context: RoleMigrationContext): void {
  for (const exclusion of role.excludeClusterPermissions ?? []) {
    const actions = context.groups.resolve([exclusion]).map((action) => `\`${action}\``).join(", ");
    context.sink.report(
      "PC7001",
      `\`exclude_cluster_permissions\` \`${exclusion.value}\` of role \`${role.name.value}\` has no OpenSearch equivalent and is dropped: users holding \`${role.name.value}\` gain ${actions} where one of their roles grants it`,
      exclusion.span ?? role.name.span,
      { help: "remove the excluded actions from the cluster permissions of the roles these users hold, or give them to fewer users" },
    );
  }
}
