/**
 * Requests come from users and are untrusted: any JSON value is accepted and
 * either normalized or rejected with a message. Normalizing copies only the
 * known fields, so prototype keys and extra fields can never leak into a
 * decision.
 *
 * Well-formed requests take a fast path that allocates nothing but the
 * request record: the user is matched against the users already seen (see
 * `user-directory.ts`) and a short list of distinct index names is used as
 * given. Anything unusual goes through the full normalization below.
 */

import { REST_METHODS, type RestMethod } from "../rules/rest-api.js";

/** A request's user after validation: lists without duplicates, attributes in a prototype-less object. */
export interface NormalizedUser {
  readonly name: string;
  readonly backendRoles: readonly string[];
  readonly roles: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly host: string | undefined;
}

/** A request after validation. */
export interface NormalizedRequest<User = NormalizedUser> {
  readonly user: User;
  readonly action: string;
  /** `undefined` when the request names no index. */
  readonly indices: readonly string[] | undefined;
  readonly tenant: string | undefined;
  /** The HTTP method of a REST API request, when the request names one. */
  readonly method: RestMethod | undefined;
  /** The resource an owning plugin checks against its creator. */
  readonly resource: NormalizedResource | undefined;
}

/** A request's `resource` after validation. */
export interface NormalizedResource {
  readonly type: "async_search" | "anomaly_detector" | "forecaster";
  readonly id: string | undefined;
  /** Absent when the request creates the resource. */
  readonly owner: { readonly name: string; readonly backendRoles: readonly string[] } | undefined;
}

/** Turns a request's `user` value into a user, or says what is wrong with it. */
export interface UserResolver<User> {
  resolve(value: unknown): User | string;
}

/** The request, or what is wrong with it (the first problem, in field order). */
export function readRequest<User>(value: unknown, users: UserResolver<User>): NormalizedRequest<User> | string {
  if (!isRecord(value)) return "a request must be a JSON object";
  const user = users.resolve(value["user"]);
  if (typeof user === "string") return user;
  const action = value["action"];
  if (typeof action !== "string" || action === "") return "`action` must be a non-empty string";
  const indices = readIndices(value["indices"]);
  if (typeof indices === "string") return indices;
  const tenant = value["tenant"];
  if (tenant !== undefined && tenant !== null && typeof tenant !== "string") return "`tenant` must be a string";
  const method = readMethod(value["method"]);
  if (method === null) return `\`method\` must be one of ${REST_METHODS.map((m) => `\`${m}\``).join(", ")}`;
  const resource = readResource(value["resource"]);
  if (typeof resource === "string") return resource;
  return { user, action, indices, tenant: typeof tenant === "string" ? tenant : undefined, method, resource };
}

/** The method, undefined when absent, null when it is none of the REST API's. */
function readMethod(value: unknown): RestMethod | undefined | null {
  if (value === undefined || value === null) return undefined;
  return REST_METHODS.find((method) => method === value) ?? null;
}

const RESOURCE_TYPES: readonly NormalizedResource["type"][] = ["async_search", "anomaly_detector", "forecaster"];

/** A request's `resource`: only the known fields are copied. */
function readResource(value: unknown): NormalizedResource | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return "`resource` must be an object with a `type`";
  const type = RESOURCE_TYPES.find((known) => known === value["type"]);
  if (type === undefined) return "`resource.type` must be `async_search`, `anomaly_detector` or `forecaster`";
  const id = value["id"];
  if (id !== undefined && id !== null && typeof id !== "string") return "`resource.id` must be a string";
  const owner = readOwner(value["owner"]);
  if (typeof owner === "string") return owner;
  return { type, id: typeof id === "string" ? id : undefined, owner };
}

function readOwner(value: unknown): NormalizedResource["owner"] | string {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || typeof value["name"] !== "string") return "`resource.owner.name` must be a string";
  const backendRoles = optionalStrings(value["backend_roles"], "resource.owner.backend_roles");
  if (typeof backendRoles === "string") return backendRoles;
  return { name: value["name"], backendRoles: backendRoles ?? [] };
}

/** Up to this many index names are checked for duplicates pairwise, without a `Set`. */
const PAIRWISE_LIMIT = 8;

/**
 * The plugin resolves a request's indices to a set: naming an index twice is
 * naming it once. A short list of distinct strings is returned as it is.
 */
function readIndices(value: unknown): readonly string[] | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.length <= PAIRWISE_LIMIT && distinctStrings(value)) return value as string[];
  const indices = optionalStrings(value, "indices");
  return typeof indices === "string" || indices === undefined ? indices : uniqueInOrder(indices);
}

function distinctStrings(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "string") return false;
    for (let j = 0; j < i; j++) if (values[j] === value) return false;
  }
  return true;
}

/** The full validation and normalization of a request's `user` value. */
export function normalizeUser(value: unknown): NormalizedUser | string {
  if (!isRecord(value)) return "`user` must be an object with a `name`";
  if (typeof value["name"] !== "string") return "`user.name` must be a string";
  const backendRoles = optionalStrings(value["backend_roles"], "user.backend_roles");
  if (typeof backendRoles === "string") return backendRoles;
  const roles = optionalStrings(value["roles"], "user.roles");
  if (typeof roles === "string") return roles;
  const attributes = normalizeAttributes(value["attributes"]);
  if (typeof attributes === "string") return attributes;
  if (value["host"] !== undefined && value["host"] !== null && typeof value["host"] !== "string") return "`user.host` must be a string";
  return {
    name: value["name"],
    backendRoles: uniqueInOrder(backendRoles ?? []),
    roles: uniqueInOrder(roles ?? []),
    attributes,
    host: typeof value["host"] === "string" ? value["host"] : undefined,
  };
}

function normalizeAttributes(value: unknown): Record<string, string> | string {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return "`user.attributes` must be an object of strings";
  // A prototype-less object: an attribute named `__proto__` stays an ordinary key.
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(value)) {
    const attribute = value[key];
    if (typeof attribute !== "string") return `\`user.attributes.${key}\` must be a string`;
    attributes[key] = attribute;
  }
  return attributes;
}

function optionalStrings(value: unknown, field: string): string[] | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return `\`${field}\` must be a list of strings`;
  return value as string[];
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
