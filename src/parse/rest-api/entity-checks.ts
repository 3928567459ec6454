/**
 * What the API checks about an entry once the body is valid: whether the
 * entry may be changed at all (EndpointValidator: hidden, then static, then
 * reserved, unless the caller is a super admin), and each endpoint's own
 * rules (a mapping's role must exist, an action group must not be named like
 * a role nor include itself, an internal user's name and security roles, the
 * REST admin permissions only an admin may grant).
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { closestMatch } from "../../diagnostics/suggest.js";
import { findEntry, type YamlMap, type YamlNode } from "../yaml/yaml-nodes.js";
import type { ApiEndpoint } from "./api-endpoints.js";
import type { ApiState } from "./api-state.js";
import type { Refusal } from "./refusal.js";

export interface EntityChange {
  readonly endpoint: ApiEndpoint;
  readonly name: string;
  readonly nameSpan: SourceSpan;
  readonly superAdmin: boolean;
}

/** Hidden, static or reserved entries are refused to all but a super admin. */
export function checkMutable(state: ApiState, change: EntityChange): Refusal | undefined {
  const { endpoint, name, nameSpan, superAdmin } = change;
  if (superAdmin || !state.exists(endpoint.type, name)) return undefined;
  if (state.isHidden(endpoint.type, name)) return { code: "PC2105", status: 404, reason: `Resource '${name}' is not available.`, span: nameSpan };
  const help = "only a super admin (the TLS admin certificate) may change it; older versions of the plugin said \"is read-only.\"";
  if (state.isStatic(endpoint.type, name)) return { code: "PC2105", status: 403, reason: `Resource '${name}' is static.`, span: nameSpan, help: "static entries are built into the plugin and cannot be changed" };
  if (state.isReserved(endpoint.type, name)) return { code: "PC2105", status: 403, reason: `Resource '${name}' is reserved.`, span: nameSpan, help };
  return undefined;
}

/** The entry must exist (DELETE, PATCH of one entry). */
export function checkExists(state: ApiState, change: EntityChange): Refusal | undefined {
  const { endpoint, name, nameSpan } = change;
  if (state.exists(endpoint.type, name)) return undefined;
  const suggestion = closestMatch(name, state.names(endpoint.type));
  return { code: "PC2106", status: 404, reason: `${endpoint.resourceName} '${name}' not found.`, span: nameSpan, ...(suggestion ? { suggestion, help: `did you mean \`${suggestion}\`?` } : {}) };
}

/** A role a mapping or an internal user refers to must exist and, for all but a super admin, not be hidden. */
export function checkRoleReference(state: ApiState, role: string, span: SourceSpan, superAdmin: boolean): Refusal | undefined {
  if (!state.exists("roles", role)) {
    const suggestion = closestMatch(role, state.names("roles"));
    return {
      code: "PC2106",
      status: 404,
      reason: `role '${role}' not found.`,
      span,
      ...(suggestion ? { suggestion, help: `did you mean \`${suggestion}\`?` } : {}),
    };
  }
  if (!superAdmin && state.isHidden("roles", role)) return { code: "PC2106", status: 404, reason: `Resource '${role}' is not available.`, span };
  return undefined;
}

/** The endpoint's own rules for a new or changed entry (`onConfigChange` after the mutability check). */
export function checkEntityRules(state: ApiState, change: EntityChange, body: YamlMap): Refusal | undefined {
  switch (change.endpoint.type) {
    case "rolesmapping":
      return checkRoleReference(state, change.name, change.nameSpan, change.superAdmin) ?? restAdminRole(state, change, change.name);
    case "actiongroups":
      return checkActionGroup(state, change, body);
    case "roles":
      return grantsRestAdmin(body, "cluster_permissions", change) ?? restAdminRole(state, change, change.name);
    case "internalusers":
      return checkInternalUser(state, change, body);
    case "tenants":
      return undefined;
  }
}

const REST_ADMIN = /^restapi:admin\//;

/** Only an admin may create or change a role or action group that grants the REST admin permissions. */
function grantsRestAdmin(body: YamlMap, key: string, change: EntityChange): Refusal | undefined {
  if (change.superAdmin) return undefined;
  const list = findEntry(body, key)?.value;
  const granted = list?.kind === "seq" ? list.items.find((item) => item.kind === "scalar" && REST_ADMIN.test(item.value)) : undefined;
  return granted ? { code: "PC2105", status: 403, reason: "Access denied", span: granted.span, help: "only a super admin or a REST admin may grant the `restapi:admin/*` permissions" } : undefined;
}

function restAdminRole(state: ApiState, change: EntityChange, role: string): Refusal | undefined {
  const existing = state.get("roles", role)?.node;
  return existing ? grantsRestAdmin(existing, "cluster_permissions", { ...change }) : undefined;
}

function checkActionGroup(state: ApiState, change: EntityChange, body: YamlMap): Refusal | undefined {
  const { name, nameSpan } = change;
  if (state.exists("roles", name)) {
    return { code: "PC2106", status: 400, reason: `${name} is an existing role. A action group cannot be named with an existing role name.`, span: nameSpan };
  }
  const type = findEntry(body, "type")?.value;
  if (type?.kind === "scalar" && !["cluster", "index"].includes(type.value.toLowerCase())) {
    return { code: "PC2104", status: 400, reason: `Invalid action group type: ${type.value}. Supported types are: cluster, index.`, span: type.span };
  }
  const members = findEntry(body, "allowed_actions")?.value;
  const self = members?.kind === "seq" ? members.items.find((item) => item.kind === "scalar" && item.value === name) : undefined;
  if (self) return { code: "PC2106", status: 400, reason: `${name} cannot be an allowed_action of itself`, span: self.span };
  return grantsRestAdmin(body, "allowed_actions", change);
}

function checkInternalUser(state: ApiState, change: EntityChange, body: YamlMap): Refusal | undefined {
  const { name, nameSpan } = change;
  const roles = findEntry(body, "opendistro_security_roles")?.value;
  for (const role of roles?.kind === "seq" ? roles.items : []) {
    if (role.kind !== "scalar") continue;
    const refusal = checkRoleReference(state, role.value, role.span, change.superAdmin) ?? mappingMutable(state, role, change);
    if (refusal) return refusal;
  }
  if (name.includes(":")) {
    return { code: "PC2106", status: 400, reason: "A restricted character(s) was detected in the account name. Please remove: ':'", span: nameSpan };
  }
  const secret = (key: string): boolean => {
    const value = findEntry(body, key)?.value;
    return value?.kind === "scalar" && value.value !== "";
  };
  const existing = state.get("internalusers", name);
  if (!existing && !secret("password") && !secret("hash")) {
    return { code: "PC2106", status: 400, reason: "Please specify either 'hash' or 'password' when creating a new internal user.", span: body.span };
  }
  if (existing && !existing.hasSecret && !secret("password") && !secret("hash")) {
    return { code: "PC2106", status: 500, reason: `Existing user ${name} has no password, and no new password or hash was specified.`, span: body.span };
  }
  return undefined;
}

/** The API also refuses a security role whose mapping is hidden, static or reserved (InternalUsersApiAction.validateSecurityRoles). */
function mappingMutable(state: ApiState, role: YamlNode & { kind: "scalar" }, change: EntityChange): Refusal | undefined {
  if (change.superAdmin || !state.get("rolesmapping", role.value)) return undefined;
  if (state.isHidden("rolesmapping", role.value)) return { code: "PC2105", status: 404, reason: `Resource '${role.value}' is not available.`, span: role.span };
  if (state.isStatic("rolesmapping", role.value)) return { code: "PC2105", status: 403, reason: `Resource '${role.value}' is static.`, span: role.span };
  if (state.isReserved("rolesmapping", role.value)) return { code: "PC2105", status: 403, reason: `Resource '${role.value}' is reserved.`, span: role.span };
  return undefined;
}
