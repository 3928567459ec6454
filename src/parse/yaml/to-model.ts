/**
 * A policy file's tree → its part of the model. Works on invalid trees too,
 * keeping every entry and whatever of it fits, so that later checks can run
 * (the caller stops before compiling when there were errors).
 */
import type { ActionGroup, InternalUser, Role, RoleMapping, Tenant } from "../../model/types.js";
import type { PolicyConfigType } from "./config-kinds.js";
import { toActionGroup, toInternalUser, toRoleMapping, toTenant } from "./to-model-entities.js";
import { toRole } from "./to-model-roles.js";
import { configEntries } from "./to-model-values.js";
import type { YamlTree } from "./yaml-nodes.js";

/** The model elements one or more policy files define. */
export interface PolicyParts {
  readonly actionGroups: readonly ActionGroup[];
  readonly roles: readonly Role[];
  readonly roleMappings: readonly RoleMapping[];
  readonly internalUsers: readonly InternalUser[];
  readonly tenants: readonly Tenant[];
}

export function emptyParts(): PolicyParts {
  return { actionGroups: [], roles: [], roleMappings: [], internalUsers: [], tenants: [] };
}

export function treeToModel(tree: YamlTree, type: PolicyConfigType): PolicyParts {
  const entries = configEntries(tree.root);
  const parts = emptyParts();
  switch (type) {
    case "roles":
      return { ...parts, roles: entries.map(toRole) };
    case "rolesmapping":
      return { ...parts, roleMappings: entries.map(toRoleMapping) };
    case "actiongroups":
      return { ...parts, actionGroups: entries.map(toActionGroup) };
    case "internalusers":
      return { ...parts, internalUsers: entries.map((entry) => toInternalUser(entry)) };
    case "tenants":
      return { ...parts, tenants: entries.map(toTenant) };
  }
}

/** Both files' elements, in order. */
export function mergeParts(a: PolicyParts, b: PolicyParts): PolicyParts {
  return {
    actionGroups: [...a.actionGroups, ...b.actionGroups],
    roles: [...a.roles, ...b.roles],
    roleMappings: [...a.roleMappings, ...b.roleMappings],
    internalUsers: [...a.internalUsers, ...b.internalUsers],
    tenants: [...a.tenants, ...b.tenants],
  };
}
