/**
 * Migration of a Search Guard FLX policy to OpenSearch Security
 * (`policyc convert <sg-dir> --to opensearch`): a policy model of flavor
 * `searchguard` becomes one of flavor `opensearch`, which the YAML back end
 * writes. Everything OpenSearch can express is carried over so that it
 * decides the same; every construct it cannot express the same way is
 * reported as a warning (PC7xxx) at its location, naming the access that
 * changes.
 *
 * Built-in Search Guard roles the policy uses (`SGS_KIBANA_USER`…) are
 * written as custom roles of the same name, since OpenSearch's built-ins
 * grant other things; built-in action groups are replaced by their
 * OpenSearch twins where the resolved actions are the same.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString, PolicyModel, Role } from "../../model/types.js";
import { equivalentGroups, migrateActionGroups } from "./action-groups.js";
import { candidateActions } from "./cluster-scope.js";
import { migrateRoleMapping } from "./role-mappings.js";
import { migrateRole } from "./roles.js";
import { migrateSettings } from "./settings.js";
import { SEARCHGUARD_GLOBAL_TENANT } from "./tenant-permissions.js";

/** The built-in entries of both plugins, as `readBuiltinPolicy` gives them. */
export interface MigrationBuiltins {
  readonly searchguard: PolicyModel;
  readonly opensearch: PolicyModel;
}

export function migrateToOpenSearch(model: PolicyModel, builtins: MigrationBuiltins, sink: DiagnosticSink): PolicyModel {
  const twins = equivalentGroups(builtins.searchguard.actionGroups, builtins.opensearch.actionGroups);
  const groups = migrateActionGroups(model.actionGroups, builtins.searchguard.actionGroups, twins);
  const candidates = candidateActions([builtins.searchguard, model]);
  const roles = rolesToWrite(model, builtins.searchguard.roles).map((role) => migrateRole(role, { groups, candidateActions: candidates, sink }));
  const migrated: PolicyModel = {
    flavor: "opensearch",
    actionGroups: groups.groupsToWrite(),
    roles,
    roleMappings: model.roleMappings.map((mapping) => migrateRoleMapping(mapping, sink)),
    internalUsers: model.internalUsers,
    tenants: model.tenants.filter((tenant) => tenant.name.value !== SEARCHGUARD_GLOBAL_TENANT),
    settings: migrateSettings(model.settings, sink),
    sources: model.sources,
  };
  reportReservedNames(migrated, builtins.opensearch, sink);
  return migrated;
}

/**
 * The policy's own roles (one named like a built-in is replaced by it in
 * Search Guard, rule 2) and the built-in roles it gives to someone.
 */
function rolesToWrite(model: PolicyModel, builtinRoles: readonly Role[]): Role[] {
  const builtinNames = new Set(builtinRoles.map((role) => role.name.value));
  const given = new Set<string>([
    ...model.roleMappings.map((mapping) => mapping.role.value),
    ...model.internalUsers.flatMap((user) => user.securityRoles.map((role) => role.value)),
  ]);
  const usedBuiltins = builtinRoles.filter((role) => given.has(role.name.value));
  return [...usedBuiltins, ...model.roles.filter((role) => !builtinNames.has(role.name.value))];
}

/** OpenSearch replaces a custom entry named like one of its built-ins by the built-in (its rule 1). */
function reportReservedNames(migrated: PolicyModel, opensearch: PolicyModel, sink: DiagnosticSink): void {
  const check = (kind: string, names: readonly LocatedString[], reserved: readonly LocatedString[]): void => {
    const reservedNames = new Set(reserved.map((name) => name.value));
    for (const name of names) {
      if (!reservedNames.has(name.value)) continue;
      sink.report("PC7007", `${kind} \`${name.value}\` has the name of an OpenSearch built-in ${kind}, which replaces it: rename it`, name.span);
    }
  };
  check("role", migrated.roles.map((role) => role.name), opensearch.roles.map((role) => role.name));
  check("action group", migrated.actionGroups.map((group) => group.name), opensearch.actionGroups.map((group) => group.name));
  check("tenant", migrated.tenants.map((tenant) => tenant.name), opensearch.tenants.map((tenant) => tenant.name));
}
