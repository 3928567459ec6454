/**
 * The decision table: everything needed to decide a request without the
 * policy sources. Action groups are expanded, static entries merged, role
 * mappings compiled to pattern lists, and patterns stored once in shared
 * pools that entries refer to by index. The format is versioned and
 * described by `schemas/decision-table.schema.json`.
 *
 * This module is the contract between the compiler, the runtime and the
 * generated module: it imports nothing.
 */

import type { TableProvenance } from "./provenance.js";

export const TABLE_FORMAT = "policyc-decision-table";
export const TABLE_VERSION = 3;

/** Whose rules decide: OpenSearch Security or Search Guard FLX. */
export type TableFlavor = "opensearch" | "searchguard";

export interface DecisionTable {
  readonly format: typeof TABLE_FORMAT;
  readonly version: typeof TABLE_VERSION;
  readonly flavor: TableFlavor;
  readonly settings: TableSettings;
  /** Every distinct action pattern after action-group expansion, sorted. */
  readonly actionPatterns: readonly string[];
  /** Every distinct index pattern, sorted; may contain `${…}` templates. */
  readonly indexPatterns: readonly string[];
  /** Defined roles (static and custom), sorted by name. */
  readonly roles: readonly TableRole[];
  /** Role mappings, sorted by role name; a mapping may name an undefined role. */
  readonly mappings: readonly TableMapping[];
  /** Defined tenants, `global_tenant` included, sorted. */
  readonly tenants: readonly string[];
  /** Where every grant came from, for `explain` and `who-can`; present only when compiled with provenance. */
  readonly provenance?: TableProvenance;
}

export interface TableSettings {
  readonly systemIndicesEnabled: boolean;
  readonly systemIndices: readonly string[];
  readonly systemIndexPermissionEnabled: boolean;
  readonly rolesMappingResolution: "MAPPING_ONLY" | "BACKENDROLES_ONLY" | "BOTH";
  readonly multitenancyEnabled: boolean;
  readonly privateTenantEnabled: boolean;
  readonly dashboardsServerUsername: string;
  readonly dashboardsIndex: string;
  readonly dfmEmptyOverridesAll: boolean;
  readonly dlsWriteBlocked: boolean;
  readonly restapiRolesEnabled: readonly string[];
  readonly restapiAdminEnabled: boolean;
  readonly anomalyDetectionFilterByBackendRoles: boolean;
  readonly forecastFilterByBackendRoles: boolean;
  /** Search Guard's own settings; present exactly when the table's flavor is `searchguard`. */
  readonly searchguard?: SearchGuardTableSettings;
}

export interface SearchGuardTableSettings {
  /** `sg_frontend_multi_tenancy.yml` `enabled`: while off, only `SGS_GLOBAL_TENANT` can be used. */
  readonly multitenancyEnabled: boolean;
  /** `sg_frontend_multi_tenancy.yml` `global_tenant_enabled`. */
  readonly globalTenantEnabled: boolean;
  /** Index patterns no role may access (`searchguard.admin_only_indices`). */
  readonly adminOnlyIndices: readonly string[];
  /** Action patterns no role may perform (`searchguard.admin_only_actions`). */
  readonly adminOnlyActions: readonly string[];
}

export interface TableRole {
  readonly name: string;
  /** Ids into `actionPatterns`: the role's cluster permissions. */
  readonly cluster: readonly number[];
  /**
   * The security REST API permissions (`restapi:admin/…`) the cluster
   * permissions grant explicitly: by that name or by an action pattern other
   * than the bare `*`. Sorted.
   */
  readonly restApi: readonly string[];
  readonly index: readonly TableIndexEntry[];
  readonly tenants: readonly TableTenantEntry[];
  /**
   * Search Guard: ids into `actionPatterns` of the cluster actions no user
   * holding this role may perform, whatever another role grants. Absent when none.
   */
  readonly excludeCluster?: readonly number[];
}

export interface TableIndexEntry {
  /**
   * Ids into `indexPatterns`, sorted. For Search Guard in the order written,
   * negations (`-pattern`) included: which patterns a negation restricts
   * depends on where it stands. Search Guard's alias and data-stream
   * permissions are entries too: policyc has no cluster state, so a
   * requested name is matched as given.
   */
  readonly patterns: readonly number[];
  /** Ids into `actionPatterns`. */
  readonly actions: readonly number[];
  /**
   * Whether the entry grants `system:admin/system_index` explicitly: by that
   * name or by an action pattern other than the bare `*`.
   */
  readonly systemIndexAccess: boolean;
  /**
   * The entry's DLS query, absent when it has none (or a blank one): a query
   * without `${` in canonical form (parsed, keys sorted, no blanks, `$`
   * before `{` escaped); a template (with `${…}`) as written, rendered and
   * parsed per request.
   */
  readonly dls?: string;
  /** The entry's FLS fields as written (`f` includes, `~f` or `!f` excludes); absent when none. */
  readonly fls?: readonly string[];
  /** The entry's masked field expressions as written; absent when none. */
  readonly maskedFields?: readonly string[];
  /**
   * Kinds of this entry's rules that a later entry of the same role with the
   * same `${…}` index patterns (in the same order) replaces where templates
   * match: the plugin keys template rules by those patterns. Absent when none.
   */
  readonly replacedTemplateRules?: readonly RestrictionKind[];
}

/** The kinds of DLS/FLS rules, by the names a decision reports them under. */
export type RestrictionKind = "dls" | "fls" | "masked_fields";

export interface TableTenantEntry {
  /** Tenant patterns as written; may contain `${…}` templates. */
  readonly patterns: readonly string[];
  /** Read-write when the expanded actions contain `kibana:saved_objects/*\/write` literally. */
  readonly write: boolean;
  /** Search Guard: ids into `actionPatterns`, the expanded tenant actions, matched against the requested action. */
  readonly actions?: readonly number[];
}

export interface TableMapping {
  readonly role: string;
  readonly users: readonly string[];
  readonly backendRoles: readonly string[];
  readonly andBackendRoles: readonly string[];
  readonly hosts: readonly string[];
  /** Search Guard: CIDR ranges (or addresses) of the caller's IP. Absent when none. */
  readonly ips?: readonly string[];
}
