/**
 * A decision table ready to decide: patterns compiled, mappings indexed,
 * and bounded caches for what repeats (a user's roles, an action's matching
 * patterns, rendered attribute patterns).
 */
import { compilePattern, type Matcher } from "../patterns/pattern.js";
import type { AttributeSubject } from "../patterns/user-attributes.js";
import { isClusterAction } from "../rules/actions.js";
import type { DecisionTable, TableIndexEntry, TableRole } from "../table/types.js";
import { BoundedCache, cached } from "./bounded-cache.js";
import { IndexPatternPool } from "./index-pattern-pool.js";
import type { NormalizedUser } from "./request.js";
import { RoleMapper } from "./role-mapper.js";
import { isPluginUser } from "./special-users.js";

export interface PolicyOptions {
  /** The most entries each cache keeps (users, actions, rendered patterns). Default 10,000. */
  readonly cacheSize?: number;
}

/** What one action name means for this policy, computed once per distinct name. */
export interface ActionInfo {
  readonly name: string;
  readonly cluster: boolean;
  /** For each action pattern id, 1 when the pattern matches this action. */
  readonly matches: Uint8Array;
}

/** The roles of one user and what attribute substitution needs to know about them. */
export interface UserRoles {
  readonly names: readonly string[];
  /** The defined roles among `names`. */
  readonly roles: readonly TableRole[];
  readonly subject: AttributeSubject;
}

export class TablePolicy {
  readonly indexPatterns: IndexPatternPool;
  readonly tenants: ReadonlySet<string>;
  readonly systemIndexMatchers: readonly Matcher[];
  private readonly actionMatchers: readonly Matcher[];
  private readonly rolesByName: ReadonlyMap<string, TableRole>;
  private readonly mapper: RoleMapper;
  private readonly actionCache: BoundedCache<string, ActionInfo>;
  private readonly userCache: BoundedCache<string, UserRoles>;

  constructor(
    readonly table: DecisionTable,
    options: PolicyOptions = {},
  ) {
    const cacheSize = options.cacheSize ?? 10_000;
    this.actionMatchers = table.actionPatterns.map(compilePattern);
    this.indexPatterns = new IndexPatternPool(table.indexPatterns, cacheSize);
    this.rolesByName = new Map(table.roles.map((role) => [role.name, role]));
    this.mapper = new RoleMapper(table.mappings, table.settings.rolesMappingResolution);
    this.tenants = new Set(table.tenants);
    this.systemIndexMatchers = table.settings.systemIndicesEnabled ? table.settings.systemIndices.map(compilePattern) : [];
    this.actionCache = new BoundedCache(cacheSize);
    this.userCache = new BoundedCache(cacheSize);
  }

  get settings(): DecisionTable["settings"] {
    return this.table.settings;
  }

  action(name: string): ActionInfo {
    return cached(this.actionCache, name, () => ({
      name,
      cluster: isClusterAction(name),
      matches: Uint8Array.from(this.actionMatchers, (matches) => (matches(name) ? 1 : 0)),
    }));
  }

  userRoles(user: NormalizedUser): UserRoles {
    const key = JSON.stringify([user.name, user.backendRoles, user.roles, user.host ?? null, Object.entries(user.attributes)]);
    return cached(this.userCache, key, () => {
      // Plugin users are not mapped: they act only through their plugin's registered permissions.
      const names = isPluginUser(user) ? [] : this.mapper.map(user);
      const roles = names.flatMap((name) => this.rolesByName.get(name) ?? []);
      const subject = { name: user.name, backendRoles: user.backendRoles, securityRoles: names, attributes: user.attributes };
      return { names, roles, subject };
    });
  }
}

export function grantsAction(actions: readonly number[], info: ActionInfo): boolean {
  for (const id of actions) if (info.matches[id] === 1) return true;
  return false;
}

/** Whether one index permission grants the action on the index for this user. */
export function entryGrants(policy: TablePolicy, entry: TableIndexEntry, info: ActionInfo, index: string, subject: AttributeSubject): boolean {
  return grantsAction(entry.actions, info) && entry.patterns.some((id) => policy.indexPatterns.matches(id, index, subject));
}
