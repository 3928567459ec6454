/**
 * The node and dynamic settings that change decisions, in one catalog: name,
 * the other spellings the plugin reads, default, and what it does. The
 * settings reader, the docs and the settings JSON Schema all come from here.
 */
import type { SourceSpan } from "../diagnostics/source-file.js";

export type RolesMappingResolution = "MAPPING_ONLY" | "BACKENDROLES_ONLY" | "BOTH";

export interface Settings {
  readonly systemIndicesEnabled: boolean;
  readonly systemIndices: readonly string[];
  readonly systemIndexPermissionEnabled: boolean;
  readonly rolesMappingResolution: RolesMappingResolution;
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
  readonly searchguardMultitenancyEnabled: boolean;
  readonly searchguardGlobalTenantEnabled: boolean;
  readonly searchguardAdminOnlyIndices: readonly string[];
  readonly searchguardAdminOnlyActions: readonly string[];
  /** Where each setting that was given explicitly was written. */
  readonly origins: Readonly<Partial<Record<SettingKey, SourceSpan>>>;
}

export type SettingKey = Exclude<keyof Settings, "origins">;
type SettingValue = boolean | string | readonly string[];

export interface SettingDefinition {
  readonly key: SettingKey;
  /** The spellings the plugin reads, the documented one first. */
  readonly names: readonly string[];
  readonly kind: "boolean" | "string" | "string-list" | "enum";
  readonly values?: readonly string[];
  readonly defaultValue: SettingValue;
  readonly description: string;
  /** Set for the settings only Search Guard reads; the others are OpenSearch Security's. */
  readonly flavor?: "searchguard";
}

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: "systemIndicesEnabled",
    names: ["plugins.security.system_indices.enabled", "opendistro_security.system_indices.enabled"],
    kind: "boolean",
    defaultValue: false,
    description: "Makes the indices in `plugins.security.system_indices.indices` system indices.",
  },
  {
    key: "systemIndices",
    names: ["plugins.security.system_indices.indices", "opendistro_security.system_indices.indices"],
    kind: "string-list",
    defaultValue: [],
    description: "Index patterns of the system indices (the security index is always one).",
  },
  {
    key: "systemIndexPermissionEnabled",
    // The plugin's code reads the singular `permission`; its documentation writes `permissions`.
    names: [
      "plugins.security.system_indices.permission.enabled",
      "plugins.security.system_indices.permissions.enabled",
      "opendistro_security.system_indices.permission.enabled",
      "opendistro_security.system_indices.permissions.enabled",
    ],
    kind: "boolean",
    defaultValue: false,
    description: "Lets roles reach system indices through the explicit `system:admin/system_index` permission.",
  },
  {
    key: "rolesMappingResolution",
    names: ["plugins.security.roles_mapping_resolution", "opendistro_security.roles_mapping_resolution"],
    kind: "enum",
    values: ["MAPPING_ONLY", "BACKENDROLES_ONLY", "BOTH"],
    defaultValue: "MAPPING_ONLY",
    description: "Whether roles come from roles_mapping.yml, from backend role names, or both.",
  },
  {
    key: "multitenancyEnabled",
    names: ["config.dynamic.kibana.multitenancy_enabled"],
    kind: "boolean",
    defaultValue: true,
    description: "Dashboards multi-tenancy (config.yml).",
  },
  {
    key: "privateTenantEnabled",
    names: ["config.dynamic.kibana.private_tenant_enabled"],
    kind: "boolean",
    defaultValue: true,
    description: "Whether each user has a private tenant (config.yml).",
  },
  {
    key: "dashboardsServerUsername",
    names: ["config.dynamic.kibana.server_username"],
    kind: "string",
    defaultValue: "kibanaserver",
    description: "The Dashboards server user, to which tenant rules do not apply (config.yml).",
  },
  {
    key: "dashboardsIndex",
    names: ["config.dynamic.kibana.index"],
    kind: "string",
    defaultValue: ".kibana",
    description: "The Dashboards index whose requests tenant privileges decide (config.yml).",
  },
  {
    key: "dfmEmptyOverridesAll",
    names: ["plugins.security.dfm_empty_overrides_all", "opendistro_security.dfm_empty_overrides_all"],
    kind: "boolean",
    defaultValue: false,
    description: "Lets a role without DLS, FLS or masking on an index lift the restrictions other roles put on it.",
  },
  {
    key: "dlsWriteBlocked",
    names: ["plugins.security.dls.write_blocked"],
    kind: "boolean",
    defaultValue: false,
    description: "Refuses every write to an index on which DLS restricts the user (OpenSearch 3.5 and later).",
  },
  {
    key: "restapiRolesEnabled",
    names: ["plugins.security.restapi.roles_enabled", "opendistro_security.restapi.roles_enabled"],
    kind: "string-list",
    defaultValue: [],
    description: "Security roles whose users may call the security REST API (`restapi:admin/*`).",
  },
  {
    key: "restapiAdminEnabled",
    names: ["plugins.security.restapi.admin.enabled"],
    kind: "boolean",
    defaultValue: false,
    description: "Lets an explicit `restapi:admin/<endpoint>` cluster permission (not `*`) open that security REST API endpoint.",
  },
  {
    key: "anomalyDetectionFilterByBackendRoles",
    names: ["plugins.anomaly_detection.filter_by_backend_roles", "opendistro.anomaly_detection.filter_by_backend_roles"],
    kind: "boolean",
    defaultValue: false,
    description: "Anomaly detection: a detector is visible only to users who share a backend role with its creator (or map to `all_access`).",
  },
  {
    key: "forecastFilterByBackendRoles",
    names: ["plugins.forecast.filter_by_backend_roles"],
    kind: "boolean",
    defaultValue: false,
    description: "Forecasting: a forecaster is visible only to users who share a backend role with its creator (or map to `all_access`).",
  },
  {
    key: "searchguardMultitenancyEnabled",
    names: ["sg_frontend_multi_tenancy.enabled"],
    kind: "boolean",
    defaultValue: false,
    description: "Search Guard: front-end multi-tenancy (sg_frontend_multi_tenancy.yml `enabled`); while off, only `SGS_GLOBAL_TENANT` can be used.",
    flavor: "searchguard",
  },
  {
    key: "searchguardGlobalTenantEnabled",
    names: ["sg_frontend_multi_tenancy.global_tenant_enabled"],
    kind: "boolean",
    defaultValue: true,
    description: "Search Guard: whether `SGS_GLOBAL_TENANT` is a valid tenant while multi-tenancy is on (sg_frontend_multi_tenancy.yml `global_tenant_enabled`).",
    flavor: "searchguard",
  },
  {
    key: "searchguardAdminOnlyIndices",
    names: ["searchguard.admin_only_indices"],
    kind: "string-list",
    defaultValue: [
      "searchguard",
      ".searchguard",
      ".searchguard_*",
      ".signals_watches*",
      ".signals_accounts",
      ".signals_settings",
      ".signals_truststores",
      ".signals_proxies",
    ],
    description: "Search Guard: index patterns no role may access, `SGS_ALL_ACCESS` included (elasticsearch.yml).",
    flavor: "searchguard",
  },
  {
    key: "searchguardAdminOnlyActions",
    names: ["searchguard.admin_only_actions"],
    kind: "string-list",
    defaultValue: ["cluster:admin:searchguard:config/*", "cluster:admin:searchguard:internal/*"],
    description: "Search Guard: action patterns no role may perform, `SGS_ALL_ACCESS` included (elasticsearch.yml).",
    flavor: "searchguard",
  },
];

const BY_NAME = new Map<string, SettingDefinition>(SETTING_DEFINITIONS.flatMap((d) => d.names.map((n) => [n, d] as const)));

export function settingDefinitionByName(name: string): SettingDefinition | undefined {
  return BY_NAME.get(name);
}

export function allSettingNames(): string[] {
  return [...BY_NAME.keys()];
}

export function defaultSettings(): Settings {
  const values: Record<string, unknown> = { origins: {} };
  for (const definition of SETTING_DEFINITIONS) values[definition.key] = definition.defaultValue;
  return values as unknown as Settings;
}

/**
 * Who reads a setting's value: node settings (opensearch.yml) go through
 * OpenSearch's `Booleans.parseBoolean` (exactly `true` or `false`); config.yml
 * goes through Jackson, which also takes `True` or `TRUE`.
 */
export type SettingsReader = "opensearch" | "jackson";

/** A boolean setting's text as its reader parses it; undefined when the reader rejects it. */
export function booleanSettingValue(text: string, reader: SettingsReader): boolean | undefined {
  const normalized = reader === "opensearch" ? text : text.toLowerCase();
  return normalized === "true" || normalized === "false" ? normalized === "true" : undefined;
}

/** One text of comma-separated values, as OpenSearch's `Settings.getAsList` reads it. */
export function settingListFromText(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** An enum setting's value: upper-cased before the lookup, as the plugin does (`both` is `BOTH`); undefined when it is none of them. */
export function enumSettingValue(definition: SettingDefinition, text: string): string | undefined {
  const upper = text.toUpperCase();
  return (definition.values ?? []).includes(upper) ? upper : undefined;
}
