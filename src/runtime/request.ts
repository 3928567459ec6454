/**
 * Requests come from users and are untrusted: any JSON value is accepted and
 * either normalized or rejected with a message. Normalizing copies only the
 * known fields, so prototype keys and extra fields can never leak into a
 * decision.
 */

export interface NormalizedUser {
  readonly name: string;
  readonly backendRoles: readonly string[];
  readonly roles: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly host: string | undefined;
}

export interface NormalizedRequest {
  readonly user: NormalizedUser;
  readonly action: string;
  /** `undefined` when the request names no index. */
  readonly indices: readonly string[] | undefined;
  readonly tenant: string | undefined;
}

export type RequestCheck = { ok: true; request: NormalizedRequest } | { ok: false; error: string };

export function normalizeRequest(value: unknown): RequestCheck {
  if (!isRecord(value)) return fail("a request must be a JSON object");
  const user = normalizeUser(value.user);
  if (typeof user === "string") return fail(user);
  if (typeof value.action !== "string" || value.action === "") return fail("`action` must be a non-empty string");
  const indices = optionalStrings(value.indices, "indices");
  if (typeof indices === "string") return fail(indices);
  if (value.tenant !== undefined && value.tenant !== null && typeof value.tenant !== "string") return fail("`tenant` must be a string");
  const tenant = typeof value.tenant === "string" ? value.tenant : undefined;
  // The plugin resolves a request's indices to a set: naming an index twice is naming it once.
  return { ok: true, request: { user, action: value.action, indices: indices && uniqueInOrder(indices), tenant } };
}

function normalizeUser(value: unknown): NormalizedUser | string {
  if (!isRecord(value)) return "`user` must be an object with a `name`";
  if (typeof value.name !== "string") return "`user.name` must be a string";
  const backendRoles = optionalStrings(value.backend_roles, "user.backend_roles");
  if (typeof backendRoles === "string") return backendRoles;
  const roles = optionalStrings(value.roles, "user.roles");
  if (typeof roles === "string") return roles;
  const attributes = normalizeAttributes(value.attributes);
  if (typeof attributes === "string") return attributes;
  if (value.host !== undefined && value.host !== null && typeof value.host !== "string") return "`user.host` must be a string";
  return {
    name: value.name,
    backendRoles: uniqueInOrder(backendRoles ?? []),
    roles: uniqueInOrder(roles ?? []),
    attributes,
    host: typeof value.host === "string" ? value.host : undefined,
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

function fail(error: string): RequestCheck {
  return { ok: false, error };
}
