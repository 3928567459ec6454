/**
 * Explaining a deny stays fast on a large policy: 10,000 roles, each mapped
 * to its own user, each with cluster permissions and an index permission.
 * The roles the user does not hold are looked at through the unit tries, and
 * suggestions are verified on a copy cut down to the user's roles.
 */
import { describe, expect, it } from "vitest";
import { analyzeDenial } from "../../../src/runtime/explain/deny-analysis.js";
import { TablePolicy } from "../../../src/runtime/table-policy.js";
import type { ProvenanceMapping, ProvenanceRole } from "../../../src/table/provenance.js";
import type { DecisionTable, TableMapping, TableRole } from "../../../src/table/types.js";
import { onCluster, onIndex, requestOf, tableOf } from "../../explain/deny-policies.js";

const TEAMS = 10_000;
/**
 * CPU time, far more than the work measured locally (about 0.1–0.3 s): a
 * hang detector, not a benchmark. CPU time rather than wall time, so that a
 * busy machine does not fail it.
 */
const BUDGET_MS = 1_000;

/** The built-in policy with `count` team roles added, as the compiler would write them (the `read` group expanded). */
function teamsTable(count: number): DecisionTable {
  const base = tableOf({ "roles.yml": "" });
  const actionPatterns = [...base.actionPatterns];
  const indexPatterns = [...base.indexPatterns];
  const idIn = (pool: string[]) => {
    const ids = new Map(pool.map((value, id) => [value, id]));
    return (value: string) => ids.get(value) ?? (ids.set(value, pool.length), pool.push(value) - 1);
  };
  const actionId = idIn(actionPatterns);
  const indexId = idIn(indexPatterns);
  const cluster = ["cluster_monitor", "cluster:monitor/*"].map(actionId);
  const actions = ["read", "indices:data/read*", "indices:admin/mappings/fields/get*", "indices:admin/resolve/index", "indices:data/write/index"].map(actionId);
  const roles: TableRole[] = [];
  const roleProvenance: ProvenanceRole[] = [];
  const mappings: TableMapping[] = [];
  const mappingProvenance: ProvenanceMapping[] = [];
  for (let i = 0; i < count; i++) {
    const name = `team_${String(i).padStart(5, "0")}`;
    roles.push({ name, cluster, restApi: [], index: [{ patterns: [indexId(`team-${i}-*`), indexId(`logs-${i}`)], actions, systemIndexAccess: false }], tenants: [] });
    roleProvenance.push({
      builtin: false,
      clusterPermissions: [{ value: "cluster_monitor" }],
      index: [{ patterns: [null, null], allowedActions: [{ value: "read" }, { value: "indices:data/write/index" }] }],
      tenants: [],
    });
    mappings.push({ role: name, users: [`user-${i}`], backendRoles: [`br-${i}`], andBackendRoles: [], hosts: [] });
    mappingProvenance.push({ users: [null], backendRoles: [null], andBackendRoles: [], hosts: [] });
  }
  const provenance = base.provenance!;
  return {
    ...base,
    actionPatterns,
    indexPatterns,
    roles: [...base.roles, ...roles],
    mappings: [...base.mappings, ...mappings],
    provenance: { ...provenance, roles: [...provenance.roles, ...roleProvenance], mappings: [...provenance.mappings, ...mappingProvenance] },
  };
}

describe(`a deny on a policy of ${TEAMS} roles`, () => {
  const policy = new TablePolicy(teamsTable(TEAMS));

  function timed<T>(work: () => T): { result: T; ms: number } {
    const start = process.cpuUsage();
    const result = work();
    const used = process.cpuUsage(start);
    return { result, ms: (used.user + used.system) / 1000 };
  }

  it("on indices is explained within the budget, with near misses and verified suggestions", () => {
    const action = "indices:data/read/search";
    const request = requestOf("user-5", action, ["team-5-a", "team-6-a", "logs-50"]);
    const { result, ms } = timed(() => analyzeDenial(policy, request, [onIndex("team-6-a", action), onIndex("logs-50", action)]));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(result.missing[0]!.nearMisses).toContainEqual(expect.objectContaining({ kind: "unheld-role", role: "team_00006" }));
    expect(result.suggestions[0]).toMatchObject({ kind: "add-action", role: "team_00005", action });
  });

  it("on a cluster action is explained within the budget", () => {
    const action = "cluster:admin/snapshot/create";
    const { result, ms } = timed(() => analyzeDenial(policy, requestOf("user-7", action), [onCluster(action)]));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(result.suggestions[0]).toMatchObject({ kind: "add-action", role: "team_00007", action });
  });
});
