/**
 * A decision table ready to decide: its lookup tables loaded into typed
 * arrays, and the bounded caches for what repeats (users, role sets, action
 * names and classes, the grants of action classes, grant views, rendered
 * attribute patterns, the DLS/FLS outcomes per role set or user and index).
 */
import type { DecisionTable } from "../table/types.js";
import { ActionCatalog } from "./action-catalog.js";
import { PolicyGrants } from "./class-grants.js";
import { GrantViewCache } from "./grant-views.js";
import { buildLookupTables, type LookupTables } from "./lookup-tables.js";
import { NameRules } from "./name-rules.js";
import { RestrictionRules } from "./restrictions-tables.js";
import { RoleMapper } from "./role-mapper.js";
import { RoleSetInterner } from "./role-sets.js";
import { SearchGuardPolicy } from "./searchguard/sg-policy.js";
import { TemplatePatterns } from "./template-patterns.js";
import { UserDirectory } from "./user-directory.js";
import { validateLookupTables } from "./validate-lookup.js";

/** Options of `loadTable`. */
export interface PolicyOptions {
  /**
   * The most entries each cache keeps: users, role sets, action names and
   * action classes seen at run time, grant views, rendered patterns; action
   * classes with grant arrays are kept up to this bound or 256, whichever is
   * less.
   * Default 10,000; 0 keeps nothing (every request is worked out afresh).
   */
  readonly cacheSize?: number;
  /**
   * The table's lookup tables as `buildLookupTables(table)` returns them
   * (computed at compile time, e.g. embedded in a generated module); built
   * at load when absent.
   */
  readonly lookup?: LookupTables;
}

const DEFAULT_CACHE_SIZE = 10_000;

/** A loaded decision table with its lookup structures and caches. */
export class TablePolicy {
  readonly settings: DecisionTable["settings"];
  readonly tenants: ReadonlySet<string>;
  readonly actions: ActionCatalog;
  readonly grants: PolicyGrants;
  readonly views: GrantViewCache;
  readonly users: UserDirectory;
  readonly roleSets: RoleSetInterner;
  readonly restrictions: RestrictionRules;
  readonly templates: TemplatePatterns;
  readonly systemIndices: NameRules;
  /** The Search Guard rules of a `searchguard` table, which decide its requests instead; undefined for OpenSearch. */
  readonly searchguard: SearchGuardPolicy | undefined;

  constructor(
    readonly table: DecisionTable,
    options: PolicyOptions = {},
  ) {
    const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    if (!Number.isInteger(cacheSize) || cacheSize < 0) throw new RangeError(`cacheSize must be a whole number ≥ 0, got ${cacheSize}`);
    const lookup = options.lookup === undefined ? buildLookupTables(table) : validateLookupTables(options.lookup, table);
    this.settings = table.settings;
    this.tenants = new Set(table.tenants);
    this.actions = new ActionCatalog(lookup.actions, table.actionPatterns, cacheSize);
    this.grants = new PolicyGrants(table, lookup.indices, cacheSize);
    this.views = new GrantViewCache(this.grants, cacheSize);
    this.restrictions = new RestrictionRules(table, cacheSize);
    this.roleSets = new RoleSetInterner(cacheSize, this.restrictions.roleHasRules);
    const roleIdsByName = new Map(table.roles.map((role, id) => [role.name, id]));
    const mapper = new RoleMapper(lookup.mappings, table.settings.rolesMappingResolution, roleIdsByName);
    this.users = new UserDirectory(cacheSize, mapper, this.roleSets);
    this.templates = new TemplatePatterns(cacheSize);
    this.systemIndices = new NameRules(lookup.systemIndices);
    const searchGuardSettings = table.flavor === "searchguard" ? table.settings.searchguard : undefined;
    this.searchguard = searchGuardSettings === undefined ? undefined : new SearchGuardPolicy(table, searchGuardSettings, cacheSize);
  }
}
