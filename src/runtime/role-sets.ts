/**
 * A user's security roles as one shared object: users with the same roles
 * share it, and with it the decision that allows them and their grant views.
 */
import type { Decision } from "../table/request.js";
import type { ActionClass } from "./action-catalog.js";
import { BoundedCache } from "./bounded-cache.js";
import type { GrantView } from "./grant-views.js";
import type { MappedRoles } from "./role-mapper.js";

/** The security roles of users, shared by every user who has exactly these roles. */
export interface RoleSet {
  /** The security role names, sorted, frozen. */
  readonly names: readonly string[];
  /** Table ids of the defined roles among `names`. */
  readonly roleIds: Int32Array;
  /** The allow decision of these roles, frozen and shared. */
  readonly allow: Decision;
  /** Grant views by action class; bounded by `GrantViewCache`. */
  readonly views: Map<ActionClass, GrantView>;
  /** Whether one of the roles has DLS, FLS or masking rules: only then is an allow more than `allow`. */
  readonly hasRules: boolean;
}

const NO_PRIVILEGES: readonly string[] = Object.freeze([]);

/** Gives equal role lists (equal keys) one `RoleSet`, keeping at most `capacity` of them. */
export class RoleSetInterner {
  private readonly sets: BoundedCache<string, RoleSet>;

  /** `rolesWithRules`: per table role id, 1 when the role has DLS, FLS or masking rules. */
  constructor(
    capacity: number,
    private readonly rolesWithRules: Uint8Array = new Uint8Array(0),
  ) {
    this.sets = new BoundedCache(capacity);
  }

  /** The role set of a user's mapped roles. */
  intern(mapped: MappedRoles): RoleSet {
    const known = this.sets.get(mapped.key);
    if (known !== undefined) return known;
    const names = Object.freeze([...mapped.names]);
    const allow: Decision = Object.freeze({ decision: "allow", roles: names, missing: NO_PRIVILEGES });
    const hasRules = mapped.roleIds.some((id) => this.rolesWithRules[id] === 1);
    const set: RoleSet = { names, roleIds: Int32Array.from(mapped.roleIds), allow, views: new Map(), hasRules };
    this.sets.set(mapped.key, set);
    return set;
  }

  get size(): number {
    return this.sets.size;
  }
}
