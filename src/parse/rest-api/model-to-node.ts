/**
 * A model entry as the JSON the API holds for it, built as a located tree:
 * the state a script's requests start from when it has a base policy. Every
 * value keeps where the base policy wrote it; what has no location there
 * gets the entry's.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { ActionGroup, EntityFlags, IndexPermission, InternalUser, LocatedString, Role, RoleMapping, Tenant, TenantPermission } from "../../model/types.js";
import type { YamlEntry, YamlMap, YamlNode, YamlScalar } from "../yaml/yaml-nodes.js";

export type ModelEntity = ActionGroup | Role | RoleMapping | InternalUser | Tenant;

class NodeBuilder {
  constructor(private readonly fallback: SourceSpan) {}

  string(value: string, span?: SourceSpan): YamlScalar {
    return { kind: "scalar", value, type: "str", alias: false, span: span ?? this.fallback };
  }

  located(value: LocatedString): YamlScalar {
    return this.string(value.value, value.span);
  }

  boolean(value: boolean): YamlScalar {
    return { kind: "scalar", value: String(value), type: "bool", alias: false, span: this.fallback };
  }

  list(values: readonly LocatedString[]): YamlNode {
    return { kind: "seq", items: values.map((value) => this.located(value)), span: this.fallback };
  }

  map(fields: readonly (readonly [string, YamlNode | undefined])[], span?: SourceSpan): YamlMap {
    const entries: YamlEntry[] = fields.filter((field): field is [string, YamlNode] => field[1] !== undefined).map(([key, value]) => ({ key: this.string(key), value }));
    return { kind: "map", entries, span: span ?? this.fallback };
  }

  flags(entity: EntityFlags): [string, YamlNode | undefined][] {
    return [
      ["reserved", entity.reserved ? this.boolean(true) : undefined],
      ["hidden", entity.hidden ? this.boolean(true) : undefined],
      ["static", entity.static ? this.boolean(true) : undefined],
      ["description", entity.description !== undefined ? this.string(entity.description) : undefined],
    ];
  }
}

export function actionGroupNode(group: ActionGroup, fallback: SourceSpan): YamlMap {
  const b = new NodeBuilder(group.span ?? fallback);
  return b.map([...b.flags(group), ["allowed_actions", b.list(group.allowedActions)], ["type", group.type !== undefined ? b.string(group.type) : undefined]], group.span);
}

export function roleNode(role: Role, fallback: SourceSpan): YamlMap {
  const b = new NodeBuilder(role.span ?? fallback);
  const index = (permission: IndexPermission): YamlNode =>
    b.map(
      [
        ["index_patterns", b.list(permission.indexPatterns)],
        ["dls", permission.dls ? b.located(permission.dls) : undefined],
        ["fls", b.list(permission.fls)],
        ["masked_fields", b.list(permission.maskedFields)],
        ["allowed_actions", b.list(permission.allowedActions)],
      ],
      permission.span,
    );
  const tenant = (permission: TenantPermission): YamlNode =>
    b.map([["tenant_patterns", b.list(permission.tenantPatterns)], ["allowed_actions", b.list(permission.allowedActions)]], permission.span);
  return b.map(
    [
      ...b.flags(role),
      ["cluster_permissions", b.list(role.clusterPermissions)],
      ["index_permissions", { kind: "seq", items: role.indexPermissions.map(index), span: role.span ?? fallback }],
      ["tenant_permissions", { kind: "seq", items: role.tenantPermissions.map(tenant), span: role.span ?? fallback }],
    ],
    role.span,
  );
}

export function roleMappingNode(mapping: RoleMapping, fallback: SourceSpan): YamlMap {
  const b = new NodeBuilder(mapping.span ?? fallback);
  return b.map(
    [
      ["reserved", mapping.reserved ? b.boolean(true) : undefined],
      ["hidden", mapping.hidden ? b.boolean(true) : undefined],
      ["description", mapping.description !== undefined ? b.string(mapping.description) : undefined],
      ["users", b.list(mapping.users)],
      ["backend_roles", b.list(mapping.backendRoles)],
      ["and_backend_roles", b.list(mapping.andBackendRoles)],
      ["hosts", b.list(mapping.hosts)],
    ],
    mapping.span,
  );
}

export function internalUserNode(user: InternalUser, fallback: SourceSpan): YamlMap {
  const b = new NodeBuilder(user.span ?? fallback);
  const attributes = b.map(user.attributes.map(({ name, value }) => [name.value, b.located(value)] as const));
  return b.map(
    [
      ...b.flags(user),
      ["hash", user.hash !== undefined ? b.string(user.hash) : undefined],
      ["backend_roles", b.list(user.backendRoles)],
      ["opendistro_security_roles", b.list(user.securityRoles)],
      ["attributes", attributes],
    ],
    user.span,
  );
}

export function tenantNode(tenant: Tenant, fallback: SourceSpan): YamlMap {
  const b = new NodeBuilder(tenant.span ?? fallback);
  return b.map(b.flags(tenant), tenant.span);
}
