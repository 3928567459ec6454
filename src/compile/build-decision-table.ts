/**
 * Builds the decision table from a resolved policy: patterns interned into
 * sorted pools, roles and mappings in name order, ids sorted. The same
 * policy always gives the same table, byte for byte.
 */
import { compareText, type ResolvedPolicy, type ResolvedRole } from "../resolve/index.js";
import { GLOBAL_TENANT } from "../rules/actions.js";
import { explicitRestApiPermissions } from "./rest-api-grants.js";
import { restrictionFields } from "./restriction-fields.js";
import {
  TABLE_FORMAT,
  TABLE_VERSION,
  type DecisionTable,
  type TableMapping,
  type TableRole,
  type TableSettings,
} from "../table/types.js";

export function buildDecisionTable(policy: ResolvedPolicy): DecisionTable {
  const roles = [...policy.roles.values()];
  const actionPool = new Pool(roles.flatMap((r) => [...r.cluster, ...r.index.flatMap((e) => e.actions)]));
  const indexPool = new Pool(roles.flatMap((r) => r.index.flatMap((e) => e.indexPatterns)));
  return {
    format: TABLE_FORMAT,
    version: TABLE_VERSION,
    flavor: "opensearch",
    settings: tableSettings(policy),
    actionPatterns: actionPool.values,
    indexPatterns: indexPool.values,
    roles: roles.map((role) => tableRole(role, actionPool, indexPool)),
    mappings: policy.mappings.map(tableMapping),
    tenants: [...new Set([GLOBAL_TENANT, ...policy.tenants])].sort(compareText),
  };
}

/** Distinct strings, sorted, each addressed by its position. */
class Pool {
  readonly values: string[];
  private readonly ids: Map<string, number>;

  constructor(values: Iterable<string>) {
    this.values = [...new Set(values)].sort(compareText);
    this.ids = new Map(this.values.map((v, i) => [v, i]));
  }

  idsOf(values: readonly string[]): number[] {
    return [...new Set(values.map((v) => this.ids.get(v)!))].sort((a, b) => a - b);
  }
}

function tableRole(role: ResolvedRole, actions: Pool, indices: Pool): TableRole {
  const restrictions = restrictionFields(role);
  return {
    name: role.name,
    cluster: actions.idsOf(role.cluster),
    restApi: explicitRestApiPermissions(role.cluster),
    index: role.index.map((entry, i) => ({
      patterns: indices.idsOf(entry.indexPatterns),
      actions: actions.idsOf(entry.actions),
      systemIndexAccess: entry.systemIndexAccess,
      ...restrictions[i],
    })),
    tenants: role.tenants.map((entry) => ({ patterns: [...entry.patterns], write: entry.write })),
  };
}

function tableMapping(mapping: ResolvedPolicy["mappings"][number]): TableMapping {
  return {
    role: mapping.role,
    users: [...mapping.users],
    backendRoles: [...mapping.backendRoles],
    // A rule that can never match is written as a pattern that matches nothing.
    andBackendRoles: mapping.andBackendRoles === null ? [""] : [...mapping.andBackendRoles],
    hosts: [...mapping.hosts],
  };
}

function tableSettings(policy: ResolvedPolicy): TableSettings {
  const s = policy.settings;
  return {
    systemIndicesEnabled: s.systemIndicesEnabled,
    systemIndices: [...s.systemIndices],
    systemIndexPermissionEnabled: s.systemIndexPermissionEnabled,
    rolesMappingResolution: s.rolesMappingResolution,
    multitenancyEnabled: s.multitenancyEnabled,
    privateTenantEnabled: s.privateTenantEnabled,
    dashboardsServerUsername: s.dashboardsServerUsername,
    dashboardsIndex: s.dashboardsIndex,
    dfmEmptyOverridesAll: s.dfmEmptyOverridesAll,
    dlsWriteBlocked: s.dlsWriteBlocked,
    restapiRolesEnabled: [...s.restapiRolesEnabled],
    restapiAdminEnabled: s.restapiAdminEnabled,
    anomalyDetectionFilterByBackendRoles: s.anomalyDetectionFilterByBackendRoles,
    forecastFilterByBackendRoles: s.forecastFilterByBackendRoles,
  };
}
