/** roles_mapping.yml, action_groups.yml, internal_users.yml and tenants.yml entries → model elements. */
import type { ActionGroup, InternalUser, LocatedString, RoleMapping, Tenant } from "../../model/types.js";
import { bodyOf, entityFlags, field, flag, located, locatedText, stringList, text } from "./to-model-values.js";
import { entrySpan, type YamlEntry, type YamlNode } from "./yaml-nodes.js";

export function toRoleMapping(entry: YamlEntry): RoleMapping {
  const body = bodyOf(entry);
  const description = text(field(body, "description"));
  return {
    role: located(entry.key),
    reserved: flag(field(body, "reserved")),
    hidden: flag(field(body, "hidden")),
    ...(description !== undefined ? { description } : {}),
    users: stringList(field(body, "users")),
    backendRoles: stringList(field(body, "backend_roles")),
    andBackendRoles: stringList(field(body, "and_backend_roles")),
    hosts: stringList(field(body, "hosts")),
    span: entrySpan(entry),
  };
}

export function toActionGroup(entry: YamlEntry): ActionGroup {
  const body = bodyOf(entry);
  const type = text(field(body, "type"));
  return {
    name: located(entry.key),
    ...entityFlags(body),
    allowedActions: stringList(field(body, "allowed_actions")),
    ...(type !== undefined ? { type } : {}),
    span: entrySpan(entry),
  };
}

/** How a flavor names an internal user's security roles and reads its attributes. */
export interface InternalUserFields {
  readonly securityRolesKey: string;
  readonly attributes: (node: YamlNode | undefined) => { name: LocatedString; value: LocatedString }[];
}

const OPENSEARCH_USER_FIELDS: InternalUserFields = { securityRolesKey: "opendistro_security_roles", attributes: attributesOf };

export function toInternalUser(entry: YamlEntry, fields: InternalUserFields = OPENSEARCH_USER_FIELDS): InternalUser {
  const body = bodyOf(entry);
  const hash = text(field(body, "hash"));
  return {
    name: located(entry.key),
    ...entityFlags(body),
    ...(hash !== undefined ? { hash } : {}),
    backendRoles: stringList(field(body, "backend_roles")),
    securityRoles: stringList(field(body, fields.securityRolesKey)),
    attributes: fields.attributes(field(body, "attributes")),
    span: entrySpan(entry),
  };
}

/** `attributes`: a flat map of strings; a null value names nothing to substitute, so it is left out. */
function attributesOf(node: YamlNode | undefined): { name: LocatedString; value: LocatedString }[] {
  if (node?.kind !== "map") return [];
  const attributes: { name: LocatedString; value: LocatedString }[] = [];
  for (const { key, value } of node.entries) {
    const text = locatedText(value);
    if (text) attributes.push({ name: located(key), value: text });
  }
  return attributes;
}

export function toTenant(entry: YamlEntry): Tenant {
  return { name: located(entry.key), ...entityFlags(bodyOf(entry)), span: entrySpan(entry) };
}
