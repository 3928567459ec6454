/**
 * Search Guard users: a request's `user` value validated (attributes may be
 * any JSON value: Search Guard's structured attributes) and mapped to roles
 * (rule 5; RoleMapping.java InvertedIndex.evaluate). The roles the
 * authenticator assigned (`roles`) always count; `MAPPING_ONLY` adds the
 * roles whose mapping matches the user by name, a backend role, the host, an
 * `ips` range or all of its `and_backend_roles`; `BACKENDROLES_ONLY` adds the
 * backend role names themselves; `BOTH` does both. Users are kept in a
 * bounded cache, each with its shared role set and frozen allow decision.
 */
import { compilePattern, type Matcher } from "../../patterns/pattern.js";
import type { Decision, JsonValue } from "../../table/request.js";
import type { DecisionTable } from "../../table/types.js";
import { BoundedCache } from "../bounded-cache.js";
import { ipInRange, parseIpAddress, parseIpRange, type IpRange } from "./sg-ip-ranges.js";

/** A validated request user with the roles Search Guard gives it. */
export interface SearchGuardUser {
  readonly name: string;
  readonly backendRoles: readonly string[];
  readonly roles: readonly string[];
  readonly attributes: Readonly<Record<string, JsonValue>>;
  readonly host: string | undefined;
  readonly roleSet: SearchGuardRoleSet;
}

/** Effective roles, shared by every user who has exactly these. */
export interface SearchGuardRoleSet {
  /** The role names, sorted, frozen. */
  readonly names: readonly string[];
  /** Table ids of the defined roles among `names`. */
  readonly roleIds: readonly number[];
  /** The allow decision of these roles, frozen and shared. */
  readonly allow: Decision;
}

interface SearchGuardMappingRule {
  readonly role: string;
  readonly users: readonly Matcher[];
  readonly backendRoles: readonly Matcher[];
  readonly andBackendRoles: readonly Matcher[];
  readonly hosts: readonly Matcher[];
  readonly ips: readonly IpRange[];
}

const SG_NO_NAMES: readonly string[] = Object.freeze([]);

/** The users seen so far and the mappings that give them roles. */
export class SearchGuardUsers {
  private readonly mappings: readonly SearchGuardMappingRule[];
  private readonly roleIds: ReadonlyMap<string, number>;
  private readonly resolution: DecisionTable["settings"]["rolesMappingResolution"];
  private readonly users: BoundedCache<string, SearchGuardUser>;
  private readonly roleSets: BoundedCache<string, SearchGuardRoleSet>;

  constructor(table: DecisionTable, cacheSize: number) {
    this.mappings = table.mappings.map(compileSearchGuardMapping);
    this.roleIds = new Map(table.roles.map((role, id) => [role.name, id]));
    this.resolution = table.settings.rolesMappingResolution;
    this.users = new BoundedCache(cacheSize);
    this.roleSets = new BoundedCache(cacheSize);
  }

  /** The user of a request's `user` value, or what is wrong with it. */
  resolve(value: unknown): SearchGuardUser | string {
    const key = sgUserCacheKey(value);
    const known = key === undefined ? undefined : this.users.get(key);
    if (known !== undefined) return known;
    const user = normalizeSearchGuardUser(value);
    if (typeof user === "string") return user;
    const entry: SearchGuardUser = { ...user, roleSet: this.roleSetOf(this.rolesOf(user)) };
    if (key !== undefined) this.users.set(key, entry);
    return entry;
  }

  private rolesOf(user: NormalizedSearchGuardUser): string[] {
    const names = new Set(user.roles);
    if (this.resolution !== "BACKENDROLES_ONLY") for (const mapping of this.mappings) if (searchGuardMappingApplies(mapping, user)) names.add(mapping.role);
    if (this.resolution !== "MAPPING_ONLY") for (const backendRole of user.backendRoles) names.add(backendRole);
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private roleSetOf(names: readonly string[]): SearchGuardRoleSet {
    const key = JSON.stringify(names);
    const known = this.roleSets.get(key);
    if (known !== undefined) return known;
    const frozen = names.length === 0 ? SG_NO_NAMES : Object.freeze([...names]);
    const roleIds = names.flatMap((name) => this.roleIds.get(name) ?? []);
    const set: SearchGuardRoleSet = { names: frozen, roleIds, allow: Object.freeze({ decision: "allow", roles: frozen, missing: SG_NO_NAMES }) };
    this.roleSets.set(key, set);
    return set;
  }
}

/** A request user after validation, before mapping. */
export interface NormalizedSearchGuardUser {
  readonly name: string;
  readonly backendRoles: readonly string[];
  readonly roles: readonly string[];
  readonly attributes: Readonly<Record<string, JsonValue>>;
  readonly host: string | undefined;
}

/** Validates a request's `user` value; attributes may hold any JSON value. */
export function normalizeSearchGuardUser(value: unknown): NormalizedSearchGuardUser | string {
  if (!isSearchGuardRecord(value)) return "`user` must be an object with a `name`";
  if (typeof value["name"] !== "string") return "`user.name` must be a string";
  const backendRoles = sgStringList(value["backend_roles"], "user.backend_roles");
  if (typeof backendRoles === "string") return backendRoles;
  const roles = sgStringList(value["roles"], "user.roles");
  if (typeof roles === "string") return roles;
  const attributes = value["attributes"];
  if (attributes !== undefined && attributes !== null && !isSearchGuardRecord(attributes)) return "`user.attributes` must be an object";
  const host = value["host"];
  if (host !== undefined && host !== null && typeof host !== "string") return "`user.host` must be a string";
  return {
    name: value["name"],
    backendRoles: [...new Set(backendRoles)],
    roles: [...new Set(roles)],
    attributes: isSearchGuardRecord(attributes) ? sgJsonCopy(attributes) : {},
    host: typeof host === "string" ? host : undefined,
  };
}

function compileSearchGuardMapping(mapping: DecisionTable["mappings"][number]): SearchGuardMappingRule {
  return {
    role: mapping.role,
    users: mapping.users.map(compilePattern),
    backendRoles: mapping.backendRoles.map(compilePattern),
    andBackendRoles: mapping.andBackendRoles.map(compilePattern),
    hosts: mapping.hosts.map(compilePattern),
    ips: (mapping.ips ?? []).flatMap((ip) => parseIpRange(ip) ?? []),
  };
}

function searchGuardMappingApplies(mapping: SearchGuardMappingRule, user: NormalizedSearchGuardUser): boolean {
  if (mapping.users.some((m) => m(user.name))) return true;
  if (mapping.backendRoles.some((m) => user.backendRoles.some(m))) return true;
  if (mapping.andBackendRoles.length > 0 && mapping.andBackendRoles.every((m) => user.backendRoles.some(m))) return true;
  if (user.host === undefined) return false;
  if (mapping.hosts.some((m) => m(user.host!))) return true;
  const address = mapping.ips.length > 0 ? parseIpAddress(user.host) : undefined;
  return address !== undefined && mapping.ips.some((range) => ipInRange(address, range));
}

/** The cache key of a user value: its JSON text; undefined when it cannot be written as JSON. */
function sgUserCacheKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function sgStringList(value: unknown, field: string): readonly string[] | string {
  if (value === undefined || value === null) return SG_NO_NAMES;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return `\`${field}\` must be a list of strings`;
  return value as string[];
}

/** A deep copy through JSON: only JSON values, in a prototype-less top-level object. */
function sgJsonCopy(attributes: Record<string, unknown>): Record<string, JsonValue> {
  const copy = Object.create(null) as Record<string, JsonValue>;
  for (const key of Object.keys(attributes)) {
    const text = JSON.stringify(attributes[key]);
    if (text !== undefined) copy[key] = JSON.parse(text) as JsonValue;
  }
  return copy;
}

function isSearchGuardRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
