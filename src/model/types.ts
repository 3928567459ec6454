/**
 * The one intermediate model of a policy. Both front ends (the YAML files and
 * the DSL) produce it; the resolver, the checks and the emitters read it.
 * Every element keeps the location it came from (`span`), which is metadata:
 * it never takes part in a decision.
 */
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { Settings } from "./settings.js";

/** A string from a policy source, with where it was written. */
export interface LocatedString {
  readonly value: string;
  readonly span?: SourceSpan;
}

/** The flags every entity of the plugin's configuration carries; none of them affects a decision. */
export interface EntityFlags {
  readonly reserved: boolean;
  readonly hidden: boolean;
  readonly static: boolean;
  readonly description?: string;
}

export interface ActionGroup extends EntityFlags {
  readonly name: LocatedString;
  readonly allowedActions: readonly LocatedString[];
  /** `cluster`, `index`, `kibana`, `all`…: documentation only, as in the plugin. */
  readonly type?: string;
  readonly span?: SourceSpan;
}

export interface IndexPermission {
  /**
   * Index patterns. In Search Guard (FLX) an entry `-pattern` is a negation:
   * it removes matching names from the other patterns of the same entry.
   */
  readonly indexPatterns: readonly LocatedString[];
  readonly allowedActions: readonly LocatedString[];
  /** A DLS query as written (JSON text), possibly with `${…}` variables. */
  readonly dls?: LocatedString;
  /** FLS fields: `field` includes, `~field` or `!field` excludes. */
  readonly fls: readonly LocatedString[];
  /** Masked fields: `field`, `field::algorithm` or `field::/regex/::replacement`. */
  readonly maskedFields: readonly LocatedString[];
  readonly span?: SourceSpan;
}

export interface TenantPermission {
  readonly tenantPatterns: readonly LocatedString[];
  readonly allowedActions: readonly LocatedString[];
  readonly span?: SourceSpan;
}

export interface Role extends EntityFlags {
  readonly name: LocatedString;
  readonly clusterPermissions: readonly LocatedString[];
  readonly indexPermissions: readonly IndexPermission[];
  readonly tenantPermissions: readonly TenantPermission[];
  /**
   * Search Guard: cluster actions (or action groups) that no user holding this
   * role may perform, whatever the user's other roles grant.
   */
  readonly excludeClusterPermissions?: readonly LocatedString[];
  /** Search Guard FLX: permissions on aliases, which apply to the aliases' member indices. */
  readonly aliasPermissions?: readonly IndexPermission[];
  /** Search Guard FLX: permissions on data streams, which apply to their backing indices. */
  readonly dataStreamPermissions?: readonly IndexPermission[];
  readonly span?: SourceSpan;
}

export interface RoleMapping {
  /** The security role this mapping grants. */
  readonly role: LocatedString;
  readonly reserved: boolean;
  readonly hidden: boolean;
  readonly description?: string;
  readonly users: readonly LocatedString[];
  readonly backendRoles: readonly LocatedString[];
  /** All of these patterns must match some backend role of the user. */
  readonly andBackendRoles: readonly LocatedString[];
  readonly hosts: readonly LocatedString[];
  /** Search Guard: CIDR ranges (or addresses) of the caller's IP. */
  readonly ips?: readonly LocatedString[];
  readonly span?: SourceSpan;
}

export interface InternalUser extends EntityFlags {
  readonly name: LocatedString;
  readonly hash?: string;
  readonly backendRoles: readonly LocatedString[];
  /** `opendistro_security_roles`: security roles given directly to the user. */
  readonly securityRoles: readonly LocatedString[];
  readonly attributes: readonly { readonly name: LocatedString; readonly value: LocatedString }[];
  readonly span?: SourceSpan;
}

export interface Tenant extends EntityFlags {
  readonly name: LocatedString;
  readonly span?: SourceSpan;
}

/**
 * Which plugin's rules decide: OpenSearch Security (`roles.yml` & co.) or
 * Search Guard FLX (`sg_roles.yml` & co.).
 */
export type Flavor = "opensearch" | "searchguard";

/**
 * A whole policy as written by its author. Built-in (static) entries are not
 * part of it: the resolver adds them, as the plugin does at load time.
 */
export interface PolicyModel {
  readonly flavor: Flavor;
  readonly actionGroups: readonly ActionGroup[];
  readonly roles: readonly Role[];
  readonly roleMappings: readonly RoleMapping[];
  readonly internalUsers: readonly InternalUser[];
  readonly tenants: readonly Tenant[];
  readonly settings: Settings;
  /** The files the model was read from, in the order read. */
  readonly sources: readonly string[];
}

export function emptyPolicy(settings: Settings): PolicyModel {
  return { flavor: "opensearch", actionGroups: [], roles: [], roleMappings: [], internalUsers: [], tenants: [], settings, sources: [] };
}
