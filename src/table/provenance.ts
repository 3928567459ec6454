/**
 * Where a decision table's grants came from: the permissions as written,
 * with their source locations, and the action groups that expand them. A
 * table carries it only when compiled with `--provenance` (`compile(input,
 * { provenance: true })`); `explain` and `who-can` read it, decisions never
 * do. Every list here runs parallel to the table list it names, so entry `i`
 * of `roles[r].index` describes entry `i` of the table's `roles[r].index`.
 *
 * This module is part of the table contract: it imports nothing.
 */

/** A place in a policy source: the file as given (built-ins as `policyc:data/…`), 1-based line and column. */
export interface TableLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A name as written in a policy source, with where (absent only for names no file wrote). */
export interface WrittenName {
  readonly value: string;
  readonly at?: TableLocation;
}

export interface TableProvenance {
  /** The policy's own source files in the order read (built-in locations name `policyc:data/…` files). */
  readonly sources: readonly string[];
  /** Every action group, built-in ones included, sorted by name, with its own members as written. */
  readonly actionGroups: readonly ProvenanceActionGroup[];
  /** Parallel to the table's `roles`. */
  readonly roles: readonly ProvenanceRole[];
  /** Parallel to the table's `mappings`. */
  readonly mappings: readonly ProvenanceMapping[];
  /** The internal users of `internal_users.yml`, sorted by name (no password hashes). */
  readonly internalUsers: readonly ProvenanceInternalUser[];
  /** Where each defined tenant is defined, sorted by name (`global_tenant` is implicit and absent). */
  readonly tenants: readonly WrittenName[];
}

export interface ProvenanceActionGroup {
  readonly name: string;
  readonly at?: TableLocation;
  /** Whether the group is one of the plugin's built-in (static) groups. */
  readonly builtin: boolean;
  /** The group's `allowed_actions` as written: actions, patterns and names of other groups. */
  readonly allowedActions: readonly WrittenName[];
}

export interface ProvenanceRole {
  readonly at?: TableLocation;
  /** Whether the role is one of the plugin's built-in (static) roles. */
  readonly builtin: boolean;
  /** `cluster_permissions` as written; the table's `cluster` holds their expansion. */
  readonly clusterPermissions: readonly WrittenName[];
  /** Parallel to the table role's `index`. */
  readonly index: readonly ProvenanceIndexEntry[];
  /** Parallel to the table role's `tenants`. */
  readonly tenants: readonly ProvenanceTenantEntry[];
}

export interface ProvenanceIndexEntry {
  readonly at?: TableLocation;
  /** Parallel to the table entry's `patterns`: where each index pattern is written. */
  readonly patterns: readonly (TableLocation | null)[];
  /** `allowed_actions` as written; the table entry's `actions` hold their expansion. */
  readonly allowedActions: readonly WrittenName[];
}

export interface ProvenanceTenantEntry {
  readonly at?: TableLocation;
  /** Parallel to the table entry's `patterns`. */
  readonly patterns: readonly (TableLocation | null)[];
  readonly allowedActions: readonly WrittenName[];
}

/** Where each pattern of a table mapping is written; every list parallel to the table mapping's list of that name. */
export interface ProvenanceMapping {
  readonly at?: TableLocation;
  readonly users: readonly (TableLocation | null)[];
  readonly backendRoles: readonly (TableLocation | null)[];
  readonly andBackendRoles: readonly (TableLocation | null)[];
  readonly hosts: readonly (TableLocation | null)[];
}

export interface ProvenanceInternalUser {
  readonly name: string;
  readonly at?: TableLocation;
  readonly backendRoles: readonly WrittenName[];
  /** `opendistro_security_roles` (Search Guard: `search_guard_roles`): roles the user holds without a mapping. */
  readonly securityRoles: readonly WrittenName[];
}
