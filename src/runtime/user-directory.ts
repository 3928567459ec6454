/**
 * The users seen so far, each resolved once to a `RoleSet`. A request's
 * `user` value is compared field by field with the entries of the same name
 * (no key is built, nothing is allocated); only a user not seen before is
 * validated, normalized and mapped. At most `capacity` entries are kept;
 * the names seen first are dropped first.
 */
import { userDescription } from "./deny-message.js";
import { normalizeUser, type NormalizedRequest, type NormalizedUser } from "./request.js";
import type { MappedRoles, RoleMapper } from "./role-mapper.js";
import type { RoleSet, RoleSetInterner } from "./role-sets.js";
import { isPluginUser, isServiceAccount } from "./special-users.js";
import type { TemplateUser } from "./template-patterns.js";

/** A normalized user with its roles and what is worked out about it on demand. */
export interface UserEntry extends TemplateUser {
  readonly roleSet: RoleSet;
  readonly pluginUser: boolean;
  readonly serviceAccount: boolean;
  /** The attribute keys in `Object.keys` order and their values: compared with a request without a dictionary lookup. */
  readonly attributeKeys: readonly string[];
  readonly attributeValues: readonly string[];
  /** Another user of the same name. */
  next: UserEntry | undefined;
  /** `User [name=…, backend_roles=[…], requestedTenant=null]`, for denials without a tenant. */
  description: string | undefined;
}

/** A well-formed request whose user is resolved. */
export type PolicyRequest = NormalizedRequest<UserEntry>;

/** The roles of a plugin user, who is never mapped. */
const NO_ROLES: MappedRoles = { names: [], key: "#", roleIds: [] };

/** Users of one name that are kept at most: a name seen with ever new attributes cannot grow a long chain. */
const MAX_USERS_PER_NAME = 8;

/** The users seen so far, at most `capacity` of them. */
export class UserDirectory {
  private readonly byName = new Map<string, UserEntry>();
  private count = 0;

  constructor(
    private readonly capacity: number,
    private readonly mapper: RoleMapper,
    private readonly roleSets: RoleSetInterner,
  ) {}

  /** The entry of a request's `user` value, or what is wrong with it. */
  resolve(value: unknown): UserEntry | string {
    if (typeof value === "object" && value !== null) {
      const raw = value as Record<string, unknown>;
      const name = raw["name"];
      if (typeof name === "string" && !Array.isArray(raw)) {
        for (let entry = this.byName.get(name); entry !== undefined; entry = entry.next) if (sameAsRequested(entry, raw)) return entry;
      }
    }
    const user = normalizeUser(value);
    if (typeof user === "string") return user;
    for (let entry = this.byName.get(user.name); entry !== undefined; entry = entry.next) if (sameUser(entry, user)) return entry;
    const entry = this.entryOf(user);
    this.remember(entry);
    return entry;
  }

  /** How many users are kept (for tests of the bound). */
  get size(): number {
    return this.count;
  }

  private entryOf(user: NormalizedUser): UserEntry {
    // Plugin users are not mapped: they act only through their plugin's registered permissions.
    const pluginUser = isPluginUser(user);
    const roleSet = this.roleSets.intern(pluginUser ? NO_ROLES : this.mapper.map(user));
    // One object literal, never a spread: every entry then has the same hidden class, which keeps
    // the property loads of the hot path monomorphic (a spread gave each entry a class of its own).
    return {
      name: user.name,
      backendRoles: user.backendRoles,
      roles: user.roles,
      attributes: user.attributes,
      host: user.host,
      roleSet,
      securityRoles: roleSet.names,
      pluginUser,
      serviceAccount: isServiceAccount(user),
      attributeKeys: Object.keys(user.attributes),
      attributeValues: Object.values(user.attributes),
      next: undefined,
      description: undefined,
      subject: undefined,
      rendered: undefined,
    };
  }

  private remember(entry: UserEntry): void {
    if (this.capacity === 0) return;
    // The newest user of a name goes first, and the name becomes the newest; a chain keeps at most what the bound allows.
    entry.next = this.byName.get(entry.name);
    this.byName.delete(entry.name);
    this.byName.set(entry.name, entry);
    this.count++;
    let last = entry;
    for (let n = 1; n < Math.min(MAX_USERS_PER_NAME, this.capacity) && last.next !== undefined; n++) last = last.next;
    this.count -= chainLength(last.next);
    last.next = undefined;
    // Whole names go, oldest first; the chain just trimmed fits the bound on its own.
    while (this.count > this.capacity) this.dropOldestName();
  }

  private dropOldestName(): void {
    const oldest = this.byName.keys().next().value as string;
    this.count -= chainLength(this.byName.get(oldest));
    this.byName.delete(oldest);
  }
}

/** The denial text's user part without a tenant, built once per user. */
export function userWithoutTenant(user: UserEntry): string {
  return (user.description ??= userDescription(user, undefined));
}

function chainLength(entry: UserEntry | undefined): number {
  let n = 0;
  for (let e = entry; e !== undefined; e = e.next) n++;
  return n;
}

/** Whether a request's raw user value normalizes to this entry's user; any doubt answers no. */
function sameAsRequested(entry: UserEntry, raw: Record<string, unknown>): boolean {
  return (
    sameStrings(entry.backendRoles, raw["backend_roles"]) &&
    sameStrings(entry.roles, raw["roles"]) &&
    (raw["host"] === undefined || raw["host"] === null ? entry.host === undefined : raw["host"] === entry.host) &&
    sameAttributes(entry, raw["attributes"])
  );
}

function sameUser(entry: UserEntry, user: NormalizedUser): boolean {
  return (
    sameStrings(entry.backendRoles, user.backendRoles) &&
    sameStrings(entry.roles, user.roles) &&
    entry.host === user.host &&
    sameAttributeSet(entry, user.attributes)
  );
}

/** `value` as given (absent, or a list) equals the normalized list, which has no duplicates. */
function sameStrings(list: readonly string[], value: unknown): boolean {
  if (value === undefined || value === null) return list.length === 0;
  if (!Array.isArray(value) || value.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) if (value[i] !== list[i]) return false;
  return true;
}

/**
 * A request's attributes equal the entry's, keys in the same order (any
 * other order answers no, and the full path compares as sets). `for…in` with
 * an own-key test enumerates what `Object.keys` returns, without building it.
 */
function sameAttributes(entry: UserEntry, value: unknown): boolean {
  const keys = entry.attributeKeys;
  if (value === undefined || value === null) return keys.length === 0;
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const given = value as Record<string, unknown>;
  const values = entry.attributeValues;
  let i = 0;
  for (const key in given) {
    if (i === keys.length || key !== keys[i] || given[key] !== values[i] || !Object.hasOwn(given, key)) return false;
    i++;
  }
  return i === keys.length;
}

/** Normalized attributes equal the entry's, in any order. */
function sameAttributeSet(entry: UserEntry, attributes: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(attributes);
  return keys.length === entry.attributeKeys.length && keys.every((key) => entry.attributes[key] === attributes[key]);
}
