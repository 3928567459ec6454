/**
 * Builds the decision table from a resolved policy: patterns interned into
 * sorted pools, roles and mappings in name order, ids sorted. The same
 * policy always gives the same table, byte for byte.
 */
import { compareText, type ResolvedPolicy, type ResolvedRole } from "../resolve/index.js";
import { GLOBAL_TENANT } from "../rules/actions.js";
import { SG_GLOBAL_TENANT } from "../rules/searchguard-actions.js";
import { explicitRestApiPermissions } from "./rest-api-grants.js";
import { restrictionFields } from "./restriction-fields.js";
import {
  TABLE_FORMAT,
  TABLE_VERSION,
  type DecisionTable,
  type TableMapping,
  type TableFlavor,
  type TableRole,
  type TableSettings,
} from "../table/types.js";

export function buildDecisionTable(policy: ResolvedPolicy): DecisionTable {
  const flavor = policy.model.flavor;
  const roles = [...policy.roles.values()];
  const actionPool = new Pool(roles.flatMap(actionPatternsOf));
  const indexPool = new Pool(roles.flatMap((r) => r.index.flatMap((e) => e.indexPatterns)));
  const globalTenant = flavor === "searchguard" ? SG_GLOBAL_TENANT : GLOBAL_TENANT;
  return {
    format: TABLE_FORMAT,
    version: TABLE_VERSION,
    flavor,
    settings: tableSettings(policy),
    actionPatterns: actionPool.values,
    indexPatterns: indexPool.values,
    roles: roles.map((role) => tableRole(role, actionPool, indexPool, flavor)),
    mappings: policy.mappings.map(tableMapping),
    tenants: [...new Set([globalTenant, ...policy.tenants])].sort(compareText),
  };
}

/** Every action pattern a role's table entries refer to. */
function actionPatternsOf(role: ResolvedRole): string[] {
  return [...role.cluster, ...role.index.flatMap((e) => e.actions), ...(role.excludeCluster ?? []), ...role.tenants.flatMap((t) => t.actions ?? [])];
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

  /** The ids in the values' order, repeats kept. */
  idsInOrder(values: readonly string[]): number[] {
    return values.map((v) => this.ids.get(v)!);
  }
}

function tableRole(role: ResolvedRole, actions: Pool, indices: Pool, flavor: TableFlavor): TableRole {
  const restrictions = restrictionFields(role);
  const searchGuard = flavor === "searchguard";
  return {
    name: role.name,
    cluster: actions.idsOf(role.cluster),
    // The security REST API is OpenSearch's; Search Guard's own REST API is not modelled.
    restApi: searchGuard ? [] : explicitRestApiPermissions(role.cluster),
    index: role.index.map((entry, i) => ({
      // Search Guard negations restrict by their position in the list.
      patterns: searchGuard ? indices.idsInOrder(entry.indexPatterns) : indices.idsOf(entry.indexPatterns),
      actions: actions.idsOf(entry.actions),
      systemIndexAccess: entry.systemIndexAccess,
      ...restrictions[i],
    })),
    tenants: role.tenants.map((entry) => ({
      patterns: [...entry.patterns],
      write: entry.write,
      ...(entry.actions !== undefined ? { actions: actions.idsOf(entry.actions) } : {}),
    })),
    ...(role.excludeCluster !== undefined ? { excludeCluster: actions.idsOf(role.excludeCluster) } : {}),
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
    ...(mapping.ips !== undefined ? { ips: [...mapping.ips] } : {}),
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
    ...(policy.model.flavor === "searchguard"
      ? {
          searchguard: {
            multitenancyEnabled: s.searchguardMultitenancyEnabled,
            globalTenantEnabled: s.searchguardGlobalTenantEnabled,
            adminOnlyIndices: [...s.searchguardAdminOnlyIndices],
            adminOnlyActions: [...s.searchguardAdminOnlyActions],
          },
        }
      : {}),
  };
}
