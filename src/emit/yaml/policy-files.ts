/**
 * The model's definitions as the plugin's five configuration files, each
 * entry in the model's order with the fields the plugin reads.
 */
import type { ActionGroup, IndexPermission, InternalUser, Role, RoleMapping, Tenant, TenantPermission } from "../../model/types.js";
import { configFile, entry, flagField, listField, mapListField, stringField, stringMapField, type YamlLines } from "./yaml-blocks.js";

export function actionGroupsYml(groups: readonly ActionGroup[]): string {
  return configFile("actiongroups", groups.map(actionGroupEntry));
}

export function rolesYml(roles: readonly Role[]): string {
  return configFile("roles", roles.map(roleEntry));
}

export function rolesMappingYml(mappings: readonly RoleMapping[]): string {
  return configFile("rolesmapping", mappings.map(mappingEntry));
}

export function internalUsersYml(users: readonly InternalUser[]): string {
  return configFile("internalusers", users.map(userEntry));
}

export function tenantsYml(tenants: readonly Tenant[]): string {
  return configFile("tenants", tenants.map(tenantEntry));
}

function flags(entity: { reserved: boolean; hidden: boolean; static?: boolean; description?: string }): string[] {
  return [
    ...flagField("reserved", entity.reserved),
    ...flagField("hidden", entity.hidden),
    ...flagField("static", entity.static),
    ...stringField("description", entity.description),
  ];
}

function actionGroupEntry(group: ActionGroup): YamlLines {
  return entry(group.name.value, [...flags(group), ...stringField("type", group.type), ...listField("allowed_actions", group.allowedActions, true)]);
}

function roleEntry(role: Role): YamlLines {
  return entry(role.name.value, [
    ...flags(role),
    ...listField("cluster_permissions", role.clusterPermissions),
    ...mapListField("index_permissions", role.indexPermissions.map(indexPermission)),
    ...mapListField("tenant_permissions", role.tenantPermissions.map(tenantPermission)),
  ]);
}

/** Patterns and actions are always written, even empty, as the plugin's own files do. */
function indexPermission(permission: IndexPermission): YamlLines {
  return [
    ...listField("index_patterns", permission.indexPatterns, true),
    ...listField("allowed_actions", permission.allowedActions, true),
    ...stringField("dls", permission.dls?.value),
    ...listField("fls", permission.fls),
    ...listField("masked_fields", permission.maskedFields),
  ];
}

function tenantPermission(permission: TenantPermission): YamlLines {
  return [...listField("tenant_patterns", permission.tenantPatterns, true), ...listField("allowed_actions", permission.allowedActions, true)];
}

function mappingEntry(mapping: RoleMapping): YamlLines {
  return entry(mapping.role.value, [
    ...flags(mapping),
    ...listField("users", mapping.users),
    ...listField("backend_roles", mapping.backendRoles),
    ...listField("and_backend_roles", mapping.andBackendRoles),
    ...listField("hosts", mapping.hosts),
  ]);
}

function userEntry(user: InternalUser): YamlLines {
  return entry(user.name.value, [
    ...stringField("hash", user.hash),
    ...flags(user),
    ...listField("backend_roles", user.backendRoles),
    ...listField("opendistro_security_roles", user.securityRoles),
    ...stringMapField("attributes", user.attributes),
  ]);
}

function tenantEntry(tenant: Tenant): YamlLines {
  return entry(tenant.name.value, flags(tenant));
}
