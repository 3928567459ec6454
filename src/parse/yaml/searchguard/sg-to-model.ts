/**
 * A Search Guard file's tree → its part of the model. The differences from
 * OpenSearch's files: top-level keys starting with `_sg` (`_sg_meta`) are not
 * entries; roles have `exclude_cluster_permissions`, `alias_permissions` and
 * `data_stream_permissions`, and `-pattern` negations stay in the patterns;
 * mappings have `ips`; internal users name their roles in
 * `search_guard_roles` and may carry structured attributes.
 */
import type { IndexPermission, InternalUser, LocatedString, Role, RoleMapping } from "../../../model/types.js";
import type { PolicyConfigType } from "../config-kinds.js";
import { toJson } from "../json-form.js";
import { emptyParts, type PolicyParts } from "../to-model.js";
import { toActionGroup, toInternalUser, toRoleMapping, toTenant } from "../to-model-entities.js";
import { toRole } from "../to-model-roles.js";
import { bodyOf, field, located, locatedText, mapItems, stringList } from "../to-model-values.js";
import { type YamlEntry, type YamlMap, type YamlNode, type YamlTree } from "../yaml-nodes.js";

/**
 * The entries of a Search Guard file: keys starting with `_sg` are skipped, as
 * the plugin skips them; `_meta` (OpenSearch's block, reported by the meta
 * check) is left out too rather than read as an entry.
 */
export function sgConfigEntries(root: YamlNode | undefined): YamlEntry[] {
  if (root?.kind !== "map") return [];
  return root.entries.filter((entry) => !entry.key.value.startsWith("_sg") && entry.key.value !== "_meta");
}

export function sgTreeToModel(tree: YamlTree, type: PolicyConfigType): PolicyParts {
  const entries = sgConfigEntries(tree.root);
  const parts = emptyParts();
  switch (type) {
    case "roles":
      return { ...parts, roles: entries.map(toSgRole) };
    case "rolesmapping":
      return { ...parts, roleMappings: entries.map(toSgRoleMapping) };
    case "actiongroups":
      return { ...parts, actionGroups: entries.map(toActionGroup) };
    case "internalusers":
      return { ...parts, internalUsers: entries.map(toSgInternalUser) };
    case "tenants":
      return { ...parts, tenants: entries.map(toTenant) };
  }
}

export function toSgRole(entry: YamlEntry): Role {
  const body = bodyOf(entry);
  return {
    ...toRole(entry),
    excludeClusterPermissions: stringList(field(body, "exclude_cluster_permissions")),
    aliasPermissions: mapItems(field(body, "alias_permissions")).map((map) => toPatternPermission(map, "alias_patterns")),
    dataStreamPermissions: mapItems(field(body, "data_stream_permissions")).map((map) => toPatternPermission(map, "data_stream_patterns")),
  };
}

/** An alias or data-stream permission: an index permission whose patterns sit under another key. */
function toPatternPermission(map: YamlMap, patternsKey: "alias_patterns" | "data_stream_patterns"): IndexPermission {
  const dls = locatedText(field(map, "dls"));
  return {
    indexPatterns: stringList(field(map, patternsKey)),
    allowedActions: stringList(field(map, "allowed_actions")),
    ...(dls ? { dls } : {}),
    fls: stringList(field(map, "fls")),
    maskedFields: stringList(field(map, "masked_fields")),
    span: map.span,
  };
}

export function toSgRoleMapping(entry: YamlEntry): RoleMapping {
  return { ...toRoleMapping(entry), ips: stringList(field(bodyOf(entry), "ips")) };
}

export function toSgInternalUser(entry: YamlEntry): InternalUser {
  return toInternalUser(entry, { securityRolesKey: "search_guard_roles", attributes: structuredAttributes });
}

/**
 * Search Guard's attributes are structured: a scalar is kept as its text, a
 * list or map as its JSON text (what `${user.attrs.x|toJson}` would give). A
 * null value names nothing to substitute, so it is left out.
 */
function structuredAttributes(node: YamlNode | undefined): { name: LocatedString; value: LocatedString }[] {
  if (node?.kind !== "map") return [];
  const attributes: { name: LocatedString; value: LocatedString }[] = [];
  for (const { key, value } of node.entries) {
    if (value.kind === "scalar") {
      const scalar = locatedText(value);
      if (scalar) attributes.push({ name: located(key), value: scalar });
      continue;
    }
    attributes.push({ name: located(key), value: { value: JSON.stringify(toJson(value)), span: value.span } });
  }
  return attributes;
}
