/**
 * Builds Search Guard policy models for the migration tests, the way the
 * sg_* reader produces them, without going through YAML; and turns a
 * migrated model into a loaded OpenSearch policy to ask for decisions.
 */
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { emitYamlPolicy } from "../../../src/emit/yaml/index.js";
import { compile } from "../../../src/index.js";
import { defaultSettings, type Settings } from "../../../src/model/settings.js";
import type { ActionGroup, IndexPermission, LocatedString, PolicyModel, Role, RoleMapping, TenantPermission } from "../../../src/model/types.js";
import { loadTable, type Policy } from "../../../src/runtime/index.js";

export const located = (value: string): LocatedString => ({ value });
export const strings = (values: readonly string[]): LocatedString[] => values.map(located);
export const valuesOf = (list: readonly LocatedString[]): string[] => list.map((item) => item.value);

const FLAGS = { reserved: false, hidden: false, static: false };

export function group(name: string, actions: readonly string[]): ActionGroup {
  return { name: located(name), allowedActions: strings(actions), ...FLAGS };
}

export function indexPermission(patterns: readonly string[], actions: readonly string[], dls?: string): IndexPermission {
  return { indexPatterns: strings(patterns), allowedActions: strings(actions), fls: [], maskedFields: [], ...(dls !== undefined ? { dls: located(dls) } : {}) };
}

export function tenantPermission(patterns: readonly string[], actions: readonly string[]): TenantPermission {
  return { tenantPatterns: strings(patterns), allowedActions: strings(actions) };
}

export interface RoleParts {
  readonly cluster?: readonly string[];
  readonly exclude?: readonly string[];
  readonly index?: readonly IndexPermission[];
  readonly alias?: readonly IndexPermission[];
  readonly dataStream?: readonly IndexPermission[];
  readonly tenants?: readonly TenantPermission[];
}

export function role(name: string, parts: RoleParts = {}): Role {
  return {
    name: located(name),
    ...FLAGS,
    clusterPermissions: strings(parts.cluster ?? []),
    indexPermissions: parts.index ?? [],
    tenantPermissions: parts.tenants ?? [],
    ...(parts.exclude ? { excludeClusterPermissions: strings(parts.exclude) } : {}),
    ...(parts.alias ? { aliasPermissions: parts.alias } : {}),
    ...(parts.dataStream ? { dataStreamPermissions: parts.dataStream } : {}),
  };
}

export function mapping(roleName: string, parts: { users?: string[]; backendRoles?: string[]; hosts?: string[]; ips?: string[] }): RoleMapping {
  return {
    role: located(roleName),
    reserved: false,
    hidden: false,
    users: strings(parts.users ?? []),
    backendRoles: strings(parts.backendRoles ?? []),
    andBackendRoles: [],
    hosts: strings(parts.hosts ?? []),
    ...(parts.ips ? { ips: strings(parts.ips) } : {}),
  };
}

export function sgPolicy(parts: { groups?: ActionGroup[]; roles?: Role[]; mappings?: RoleMapping[]; settings?: Partial<Settings> }): PolicyModel {
  return {
    flavor: "searchguard",
    actionGroups: parts.groups ?? [],
    roles: parts.roles ?? [],
    roleMappings: parts.mappings ?? [],
    internalUsers: [],
    tenants: [],
    settings: { ...defaultSettings(), ...parts.settings },
    sources: [],
  };
}

/** A small stand-in for Search Guard's static configuration: groups with and without an OpenSearch twin. */
export function sgBuiltins(): PolicyModel {
  return sgPolicy({
    groups: [
      group("SGS_CLUSTER_MONITOR", ["cluster:monitor/*"]),
      group("SGS_READ", ["indices:data/read*", "indices:admin/mappings/fields/get*", "indices:admin/resolve/index", "indices:admin/analyze"]),
      group("SGS_WRITE", ["indices:data/write*", "indices:admin/mapping/put", "indices:admin/mapping/auto_put"]),
      group("SGS_CRUD", ["SGS_READ", "SGS_WRITE"]),
      group("SGS_KIBANA_ALL_WRITE", ["kibana:saved_objects/*/write"]),
      group("SGS_CLUSTER_COMPOSITE_OPS_RO", ["indices:data/read/mget", "indices:data/read/sql"]),
    ],
    roles: [role("SGS_READALL", { cluster: ["SGS_CLUSTER_COMPOSITE_OPS_RO"], index: [indexPermission(["*"], ["SGS_READ"])] })],
  });
}

/** The YAML files the migrated model is written as, compiled and loaded as an OpenSearch policy. */
export function openSearchPolicyOf(migrated: PolicyModel): Policy {
  const files = emitYamlPolicy(migrated, new DiagnosticSink());
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.table || errors.length > 0) throw new Error(`migrated policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return loadTable(result.table);
}
