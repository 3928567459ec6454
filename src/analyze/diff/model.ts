/**
 * What `policyc diff` reports: the access that changes between two versions
 * of a policy, computed on their compiled decision tables (action groups
 * fully expanded), per role, per principal that reaches roles, and per
 * setting. Every change says whether it gives access (`broadening`), takes
 * it away (`narrowing`), does both, or neither (`none`: e.g. a mapping to a
 * role that is not defined). `--format json` prints this shape.
 */
import type { TableLocation } from "../../table/provenance.js";
import type { RestrictionKind } from "../../table/types.js";

export type Effect = "broadening" | "narrowing" | "both" | "none";

export interface PolicyDiff {
  /** All changes together: `broadening` when anything gives access and nothing takes it away, and so on. */
  readonly effect: Effect;
  /** Roles added, removed or changed, sorted by name. */
  readonly roles: readonly RoleDiff[];
  /** Principals whose roles or whose roles' access changed, sorted by kind, then name. */
  readonly principals: readonly PrincipalDiff[];
  /** Settings that change access, and the defined tenants, sorted by name. */
  readonly settings: readonly SettingChange[];
  /** What the diff could not compare (internal users of a table compiled without provenance). */
  readonly notes: readonly string[];
}

/** Patterns gained and lost; those the other side still covers with a broader pattern are left out. */
export interface PatternChange {
  readonly gained: readonly string[];
  readonly lost: readonly string[];
}

export interface RoleDiff {
  readonly role: string;
  readonly change: "added" | "removed" | "changed";
  readonly effect: Effect;
  /** Where the role is defined: in the new version, or in the old one when removed (with provenance). */
  readonly at?: TableLocation;
  /** Cluster permissions (expanded action patterns). */
  readonly cluster: PatternChange;
  /** Per index pattern (Search Guard: per list of patterns with negations), sorted. */
  readonly index: readonly IndexPatternDiff[];
  /** Per tenant pattern, sorted. */
  readonly tenants: readonly TenantPatternDiff[];
  /** Security REST API permissions granted explicitly (`restapi:admin/…`). */
  readonly restApi: PatternChange;
  /** Search Guard: `exclude_cluster_permissions` (gaining one narrows). */
  readonly excludeCluster: PatternChange;
}

export interface IndexPatternDiff {
  readonly pattern: string;
  readonly effect: Effect;
  readonly actions: PatternChange;
  /** `system:admin/system_index` granted explicitly on the pattern, gained or lost. */
  readonly systemIndex?: "gained" | "lost";
  readonly restrictions: readonly RestrictionChange[];
}

export interface RestrictionChange {
  readonly kind: RestrictionKind;
  /** `added`: a rule where there was none (tightened); `removed`: loosened; `changed`: another rule. */
  readonly change: "added" | "removed" | "changed";
  readonly effect: Effect;
  /** The rules before and after: DLS queries, FLS field lists, masked field lists (as JSON), sorted. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export type TenantAccess = "none" | "read" | "read-write";

export interface TenantPatternDiff {
  readonly pattern: string;
  readonly effect: Effect;
  readonly before: TenantAccess;
  readonly after: TenantAccess;
  /** Search Guard: the tenant actions gained and lost. */
  readonly actions?: PatternChange;
}

/** Who a principal is: a mapping pattern of one kind, or an internal user by name. */
export type PrincipalKind = "users" | "backend_roles" | "and_backend_roles" | "hosts" | "ips" | "internal_user";

export interface PrincipalDiff {
  readonly kind: PrincipalKind;
  /** The pattern (`and_backend_roles`: the rule's patterns joined by ` + `), or the internal user's name. */
  readonly name: string;
  readonly effect: Effect;
  readonly gainedRoles: readonly string[];
  readonly lostRoles: readonly string[];
  /** Roles held in both versions whose access changed (see `roles`). */
  readonly changedRoles: readonly string[];
  /** Roles among the gained and lost ones that are not defined on their side: they grant nothing. */
  readonly undefinedRoles: readonly string[];
}

export interface SettingChange {
  /** The setting's name (`plugins.security.roles_mapping_resolution`), `flavor`, or `tenants` for the defined tenants. */
  readonly setting: string;
  readonly before: SettingValue;
  readonly after: SettingValue;
  readonly effect: Effect;
}

export type SettingValue = string | boolean | readonly string[];

/** Both effects together. */
export function combineEffects(effects: Iterable<Effect>): Effect {
  let broadening = false;
  let narrowing = false;
  for (const effect of effects) {
    if (effect === "broadening" || effect === "both") broadening = true;
    if (effect === "narrowing" || effect === "both") narrowing = true;
  }
  return broadening ? (narrowing ? "both" : "broadening") : narrowing ? "narrowing" : "none";
}

/** `broadening` when something is gained, `narrowing` when something is lost. */
export function effectOf(gained: boolean, lost: boolean): Effect {
  return gained ? (lost ? "both" : "broadening") : lost ? "narrowing" : "none";
}
