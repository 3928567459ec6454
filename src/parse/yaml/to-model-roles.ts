/** roles.yml entries → model roles. */
import type { IndexPermission, Role, TenantPermission } from "../../model/types.js";
import { bodyOf, entityFlags, field, located, locatedText, mapItems, stringList } from "./to-model-values.js";
import { entrySpan, type YamlEntry, type YamlMap } from "./yaml-nodes.js";

export function toRole(entry: YamlEntry): Role {
  const body = bodyOf(entry);
  return {
    name: located(entry.key),
    ...entityFlags(body),
    clusterPermissions: stringList(field(body, "cluster_permissions")),
    indexPermissions: mapItems(field(body, "index_permissions")).map(toIndexPermission),
    tenantPermissions: mapItems(field(body, "tenant_permissions")).map(toTenantPermission),
    span: entrySpan(entry),
  };
}

function toIndexPermission(map: YamlMap): IndexPermission {
  const dls = locatedText(field(map, "dls"));
  return {
    indexPatterns: stringList(field(map, "index_patterns")),
    allowedActions: stringList(field(map, "allowed_actions")),
    ...(dls ? { dls } : {}),
    fls: stringList(field(map, "fls")),
    maskedFields: stringList(field(map, "masked_fields")),
    span: map.span,
  };
}

function toTenantPermission(map: YamlMap): TenantPermission {
  return {
    tenantPatterns: stringList(field(map, "tenant_patterns")),
    allowedActions: stringList(field(map, "allowed_actions")),
    span: map.span,
  };
}
