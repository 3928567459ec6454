/**
 * A policy model as a `.policy` syntax tree, for `policyc convert --to dsl`:
 * settings, action groups, roles (each with its mapping inside), the
 * remaining mappings, users and tenants, in that order and in the model's
 * order within each kind (grammar/README.md, "Canonical layout").
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { DslActionGroup, DslClause, DslDocument, DslFlag, DslItem, DslListClause, DslMapping, DslRole, DslTenant, DslUser } from "../../parse/dsl/ast.js";
import type { ActionGroup, EntityFlags, InternalUser, LocatedString, PolicyModel, Role, RoleMapping, Tenant } from "../../model/types.js";
import { indexClause, listClause, name, settingsItem, tenantClause, textClause } from "./model-to-clauses.js";

/** The model's definitions as one document without comments; what the DSL cannot write goes to `sink`. */
export function policyModelToDslDocument(model: PolicyModel, sink: DiagnosticSink): DslDocument {
  const inside = mappingsInsideRoles(model);
  const placed = new Set(inside.values());
  const settings = settingsItem(model.settings);
  const items: DslItem[] = [
    ...(settings ? [settings] : []),
    ...model.actionGroups.map(actionGroupItem),
    ...model.roles.map((role) => roleItem(role, inside.get(role), sink)),
    ...model.roleMappings.filter((mapping) => !placed.has(mapping)).map(mappingItem),
    ...model.internalUsers.map(userItem),
    ...model.tenants.map(tenantItem),
  ];
  return { items, comments: [] };
}

/**
 * The mapping each role holds: the first mapping of a role defined in the
 * model (its first definition), when the mapping has no flags or description
 * of its own and maps someone — an empty mapping inside a role would print as
 * nothing and be lost, so it stays a `mapping` block.
 */
function mappingsInsideRoles(model: PolicyModel): Map<Role, RoleMapping> {
  const firstRole = new Map<string, Role>();
  for (const role of model.roles) if (!firstRole.has(role.name.value)) firstRole.set(role.name.value, role);
  const inside = new Map<Role, RoleMapping>();
  for (const mapping of model.roleMappings) {
    const role = firstRole.get(mapping.role.value);
    if (!role || inside.has(role) || !fitsInsideRole(mapping)) continue;
    inside.set(role, mapping);
  }
  return inside;
}

function fitsInsideRole(mapping: RoleMapping): boolean {
  const plain = !mapping.reserved && !mapping.hidden && mapping.description === undefined;
  return plain && mappingClauses(mapping).length > 0;
}

function flagsOf(flags: { reserved: boolean; hidden: boolean; static?: boolean }): DslFlag[] {
  const set: DslFlag[] = [];
  if (flags.reserved) set.push({ name: "reserved" });
  if (flags.hidden) set.push({ name: "hidden" });
  if (flags.static) set.push({ name: "static" });
  return set;
}

function definition(entity: EntityFlags & { name: LocatedString }): { name: LocatedString; flags: DslFlag[] } {
  return { name: name(entity.name.value), flags: flagsOf(entity) };
}

function actionGroupItem(group: ActionGroup): DslActionGroup {
  const clauses = [...textClause("description", group.description), ...textClause("type", group.type), ...listClause("allow", group.allowedActions)];
  const shorthand = clauses.length === 1 && clauses[0]!.keyword === "allow";
  return { kind: "action_group", ...definition(group), shorthand, clauses };
}

function roleItem(role: Role, mapping: RoleMapping | undefined, sink: DiagnosticSink): DslRole {
  const clauses: DslClause[] = [
    ...textClause("description", role.description),
    ...listClause("cluster", role.clusterPermissions),
    ...role.indexPermissions.flatMap((permission) => indexClause(permission, role.name.value, sink)),
    ...role.tenantPermissions.flatMap((permission) => tenantClause(permission, role.name.value, sink)),
    ...(mapping ? mappingClauses(mapping) : []),
  ];
  return { kind: "role", ...definition(role), clauses };
}

function mappingClauses(mapping: RoleMapping): DslListClause[] {
  return [
    ...listClause("users", mapping.users),
    ...listClause("backend_roles", mapping.backendRoles),
    ...listClause("and_backend_roles", mapping.andBackendRoles),
    ...listClause("hosts", mapping.hosts),
  ];
}

function mappingItem(mapping: RoleMapping): DslMapping {
  const clauses = [...textClause("description", mapping.description), ...mappingClauses(mapping)];
  return { kind: "mapping", name: name(mapping.role.value), flags: flagsOf(mapping), clauses };
}

function userItem(user: InternalUser): DslUser {
  const attributes = user.attributes.map((pair) => ({ name: name(pair.name.value), value: name(pair.value.value) }));
  const clauses: DslClause[] = [
    ...textClause("description", user.description),
    ...textClause("hash", user.hash),
    ...listClause("backend_roles", user.backendRoles),
    ...listClause("roles", user.securityRoles),
    ...(attributes.length > 0 ? [{ kind: "attributes" as const, pairs: attributes }] : []),
  ];
  return { kind: "user", ...definition(user), hasBlock: clauses.length > 0, clauses };
}

function tenantItem(tenant: Tenant): DslTenant {
  const clauses = textClause("description", tenant.description);
  return { kind: "tenant", ...definition(tenant), hasBlock: clauses.length > 0, clauses };
}
