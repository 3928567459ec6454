/**
 * Settings that change access, each with what its change does: turning on
 * system indices or adding to them protects more (narrowing), letting
 * backend role names count as roles gives more (broadening), moving the
 * Dashboards index or switching multi-tenancy changes who needs what (both).
 * The defined tenants are compared here too: a role's tenant pattern grants
 * only defined tenants.
 */
import { effectOf, type Effect, type SettingChange, type SettingValue } from "./model.js";
import type { DecisionTable, TableSettings } from "../../table/types.js";

type Resolution = TableSettings["rolesMappingResolution"];

/** One setting: its name, how to read it from a table, and what a change of it does. */
interface SettingRule {
  readonly setting: string;
  readonly read: (table: DecisionTable) => SettingValue | undefined;
  readonly effect: (before: SettingValue, after: SettingValue) => Effect;
}

/** Turning the setting on has the effect `on`; turning it off the opposite. */
const flag = (on: Effect) => (before: SettingValue, after: SettingValue): Effect => {
  const off: Effect = on === "broadening" ? "narrowing" : "broadening";
  if (before === false && after === true) return on;
  if (before === true && after === false) return off;
  return "none";
};
/** Adding to the list gives access (`adding` broadening) or takes it away. */
const list = (adding: Effect) => (before: SettingValue, after: SettingValue): Effect => {
  const was = new Set(before as readonly string[]);
  const is = new Set(after as readonly string[]);
  const added = [...is].some((value) => !was.has(value));
  const removed = [...was].some((value) => !is.has(value));
  return adding === "broadening" ? effectOf(added, removed) : effectOf(removed, added);
};
const both = (): Effect => "both";

const s = (pick: (settings: TableSettings) => SettingValue) => (table: DecisionTable) => pick(table.settings);
const sg = (pick: (settings: NonNullable<TableSettings["searchguard"]>) => SettingValue) => (table: DecisionTable) =>
  table.settings.searchguard === undefined ? undefined : pick(table.settings.searchguard);

const SETTING_RULES: readonly SettingRule[] = [
  { setting: "flavor", read: (table) => table.flavor, effect: both },
  { setting: "tenants", read: (table) => table.tenants, effect: list("broadening") },
  { setting: "plugins.security.system_indices.enabled", read: s((t) => t.systemIndicesEnabled), effect: flag("narrowing") },
  { setting: "plugins.security.system_indices.indices", read: s((t) => (t.systemIndicesEnabled ? t.systemIndices : [])), effect: list("narrowing") },
  { setting: "plugins.security.system_indices.permission.enabled", read: s((t) => t.systemIndexPermissionEnabled), effect: both },
  { setting: "plugins.security.roles_mapping_resolution", read: s((t) => t.rolesMappingResolution), effect: resolutionEffect },
  { setting: "config.dynamic.kibana.multitenancy_enabled", read: s((t) => t.multitenancyEnabled), effect: both },
  { setting: "config.dynamic.kibana.private_tenant_enabled", read: s((t) => t.privateTenantEnabled), effect: flag("broadening") },
  { setting: "config.dynamic.kibana.server_username", read: s((t) => t.dashboardsServerUsername), effect: both },
  { setting: "config.dynamic.kibana.index", read: s((t) => t.dashboardsIndex), effect: both },
  { setting: "plugins.security.dfm_empty_overrides_all", read: s((t) => t.dfmEmptyOverridesAll), effect: flag("broadening") },
  { setting: "plugins.security.dls.write_blocked", read: s((t) => t.dlsWriteBlocked), effect: flag("narrowing") },
  { setting: "plugins.security.restapi.roles_enabled", read: s((t) => t.restapiRolesEnabled), effect: list("broadening") },
  { setting: "plugins.security.restapi.admin.enabled", read: s((t) => t.restapiAdminEnabled), effect: flag("broadening") },
  { setting: "plugins.anomaly_detection.filter_by_backend_roles", read: s((t) => t.anomalyDetectionFilterByBackendRoles), effect: flag("narrowing") },
  { setting: "plugins.forecast.filter_by_backend_roles", read: s((t) => t.forecastFilterByBackendRoles), effect: flag("narrowing") },
  { setting: "sg_frontend_multi_tenancy.enabled", read: sg((t) => t.multitenancyEnabled), effect: both },
  { setting: "sg_frontend_multi_tenancy.global_tenant_enabled", read: sg((t) => t.globalTenantEnabled), effect: flag("broadening") },
  { setting: "searchguard.admin_only_indices", read: sg((t) => t.adminOnlyIndices), effect: list("narrowing") },
  { setting: "searchguard.admin_only_actions", read: sg((t) => t.adminOnlyActions), effect: list("narrowing") },
];

export function diffSettings(before: DecisionTable, after: DecisionTable): SettingChange[] {
  return SETTING_RULES.flatMap((rule): SettingChange[] => {
    const was = rule.read(before);
    const is = rule.read(after);
    if (was === undefined || is === undefined || sameValue(was, is)) return [];
    return [{ setting: rule.setting, before: was, after: is, effect: rule.effect(was, is) }];
  }).sort((a, b) => (a.setting < b.setting ? -1 : a.setting > b.setting ? 1 : 0));
}

/** Lists compare as sets: their order does not change access. */
function sameValue(a: SettingValue, b: SettingValue): boolean {
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  const sorted = (values: readonly string[]) => JSON.stringify([...new Set(values)].sort());
  return sorted(a) === sorted(b);
}

/**
 * Mappings count unless `BACKENDROLES_ONLY`, backend role names unless
 * `MAPPING_ONLY`: `BOTH` gives what either gives; between the two others
 * each source is lost and the other gained.
 */
function resolutionEffect(before: SettingValue, after: SettingValue): Effect {
  const sources = (value: Resolution) => ({ mappings: value !== "BACKENDROLES_ONLY", names: value !== "MAPPING_ONLY" });
  const was = sources(before as Resolution);
  const is = sources(after as Resolution);
  return effectOf((is.mappings && !was.mappings) || (is.names && !was.names), (was.mappings && !is.mappings) || (was.names && !is.names));
}
