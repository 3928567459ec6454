/**
 * The five configuration endpoints of the security plugin's REST API
 * (`_plugins/_security/api/<type>`, and the legacy `_opendistro/_security/api/`
 * prefix), what their request bodies may hold and how the API names their
 * entries in messages. From the plugin's `*ApiAction` classes (allowedKeys,
 * mandatoryKeys, mandatoryOrKeys) and `EndpointValidator.resourceName`.
 */
import type { PolicyConfigType } from "../yaml/config-kinds.js";

/** What a top-level key of a request body must be (the API's `DataType`). */
export type ApiDataType = "string" | "array" | "object" | "boolean";

export interface ApiEndpoint {
  readonly type: PolicyConfigType;
  /** The path segment after `api/`. */
  readonly path: string;
  /** The word the API's messages use for one entry: `role 'x' not found.` */
  readonly resourceName: string;
  /** The keys a body may have, for a user who is not a REST admin. */
  readonly allowedKeys: Readonly<Record<string, ApiDataType>>;
  /** Keys every body must have. */
  readonly mandatoryKeys: readonly string[];
  /** Keys of which a body must have at least one. */
  readonly mandatoryOrKeys: readonly string[];
  /** The base names of an API dump of this type (`roles.json`; the YAML file's name too). */
  readonly dumpNames: readonly string[];
}

/** Keys only a super admin (the TLS admin certificate) or a REST admin may send. */
export const ADMIN_ONLY_KEYS: Readonly<Record<string, ApiDataType>> = { hidden: "boolean", reserved: "boolean" };

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  {
    type: "actiongroups",
    path: "actiongroups",
    resourceName: "actiongroup",
    allowedKeys: { allowed_actions: "array", description: "string", type: "string" },
    mandatoryKeys: ["allowed_actions"],
    mandatoryOrKeys: [],
    dumpNames: ["actiongroups", "action_groups"],
  },
  {
    type: "roles",
    path: "roles",
    resourceName: "role",
    allowedKeys: { cluster_permissions: "array", tenant_permissions: "array", index_permissions: "array", description: "string" },
    mandatoryKeys: [],
    mandatoryOrKeys: [],
    dumpNames: ["roles"],
  },
  {
    type: "internalusers",
    path: "internalusers",
    resourceName: "user",
    allowedKeys: {
      backend_roles: "array",
      attributes: "object",
      description: "string",
      opendistro_security_roles: "array",
      hash: "string",
      password: "string",
    },
    mandatoryKeys: [],
    mandatoryOrKeys: [],
    dumpNames: ["internalusers", "internal_users"],
  },
  {
    type: "tenants",
    path: "tenants",
    resourceName: "tenant",
    allowedKeys: { description: "string" },
    mandatoryKeys: [],
    mandatoryOrKeys: [],
    dumpNames: ["tenants"],
  },
  {
    type: "rolesmapping",
    path: "rolesmapping",
    resourceName: "rolesmapping",
    allowedKeys: { backend_roles: "array", and_backend_roles: "array", hosts: "array", users: "array", description: "string" },
    mandatoryKeys: [],
    mandatoryOrKeys: ["and_backend_roles", "backend_roles", "hosts", "users"],
    dumpNames: ["rolesmapping", "roles_mapping"],
  },
];

/** Older path segments the plugin still routes (`/user/{name}` is the internal users' first name). */
const PATH_ALIASES: Readonly<Record<string, PolicyConfigType>> = { user: "internalusers" };

/** The endpoint of a path segment after `api/`, if it is one of the five. */
export function endpointOfPath(segment: string): ApiEndpoint | undefined {
  const type = PATH_ALIASES[segment] ?? segment;
  return API_ENDPOINTS.find((endpoint) => endpoint.type === type);
}

export function endpointOf(type: PolicyConfigType): ApiEndpoint {
  return API_ENDPOINTS.find((endpoint) => endpoint.type === type)!;
}

/** The endpoint an API dump file is of, by its base name (`roles.json`, `rolesmapping.json`, `roles_mapping.json`, …). */
export function endpointOfDumpPath(path: string): ApiEndpoint | undefined {
  const match = /^(.*)\.json$/i.exec(path.split(/[\\/]/).pop() ?? path);
  if (!match) return undefined;
  const stem = match[1]!.toLowerCase();
  return API_ENDPOINTS.find((endpoint) => endpoint.dumpNames.includes(stem));
}

/** The dependency order of apply scripts: what a request refers to is created before it. */
export const APPLY_ORDER: readonly PolicyConfigType[] = ["actiongroups", "roles", "internalusers", "tenants", "rolesmapping"];
