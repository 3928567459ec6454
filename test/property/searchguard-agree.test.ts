/**
 * Property: for random Search Guard policies and requests, the table runtime
 * (loadTable), the generated module (policy.js, imported by a worker) and
 * the plain reference (test/reference-searchguard.ts) decide alike: the
 * module exactly as the runtime, the reference with the same decision,
 * roles, missing privileges and reason.
 *
 * POLICYC_SG_FUZZ_RUNS sets the number of policies (default 120);
 * POLICYC_FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { loadTable } from "../../src/runtime/index.js";
import type { AuthorizationRequest, Decision } from "../../src/table/request.js";
import { ModuleHost, valueOf } from "../emit/module/module-host.js";
import { readSgReferencePolicy, referenceSgAuthorize } from "../reference-searchguard.js";
import { COVERAGE_MINIMUM_RUNS } from "./agreement.js";

const RUNS = Number(process.env.POLICYC_SG_FUZZ_RUNS ?? 120);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.POLICYC_FUZZ_SEED);
const REPLAY = `POLICYC_FUZZ_SEED=${SEED} POLICYC_SG_FUZZ_RUNS=${RUNS} npx vitest run test/property/searchguard-agree.test.ts`;

const ACTIONS = [
  "indices:data/read/search",
  "indices:data/write/index",
  "indices:data/read/mget",
  "indices:monitor/recovery",
  "indices:admin/shards/search_shards",
  "cluster:monitor/health",
  "cluster:admin/snapshot/create",
  "cluster:admin/snapshot/restore",
  "cluster:admin:searchguard:config/update",
  "cluster:admin/searchguard/whoami",
  "kibana:saved_objects/_/read",
  "kibana:saved_objects/_/write",
];
const PERMISSIONS = [
  ...ACTIONS,
  "SGS_READ",
  "SGS_CRUD",
  "SGS_CLUSTER_MONITOR",
  "SGS_CLUSTER_COMPOSITE_OPS",
  "SGS_MANAGE_SNAPSHOTS",
  "SGS_KIBANA_ALL_READ",
  "SGS_KIBANA_ALL_WRITE",
  "indices:data/*",
  "cluster:*",
  "*",
  "G1",
  "G2",
  "NOCOLON",
];
const INDEX_PATTERNS = ["logs-*", "logs-1", "-logs-1", "-logs-*", "*", "other", "/logs-[0-9]/", "idx_${user.attrs.team}", "${user.name}", ".searchguard"];
const INDICES = ["logs-1", "logs-2", "other", "idx_a", "ann", ".searchguard"];
const TENANT_PATTERNS = ["analysts", "h*", "*", "SGS_GLOBAL_TENANT", "t_${user.attrs.team}"];
const ROLE_NAMES = ["r1", "r2", "r3"];

const sub = <T>(values: readonly T[], max = 3) => fc.subarray([...values], { maxLength: max });

const entryArb = (patterns: readonly string[], key: string) =>
  fc.record({ [key]: sub(patterns, 3), allowed_actions: sub(PERMISSIONS, 3) });

const roleArb = fc.record(
  {
    cluster_permissions: sub(PERMISSIONS, 3),
    exclude_cluster_permissions: sub(PERMISSIONS, 2),
    index_permissions: fc.array(entryArb(INDEX_PATTERNS, "index_patterns"), { maxLength: 2 }),
    alias_permissions: fc.array(entryArb(INDEX_PATTERNS, "alias_patterns"), { maxLength: 1 }),
    tenant_permissions: fc.array(entryArb(TENANT_PATTERNS, "tenant_patterns"), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const mappingArb = fc.record(
  { users: sub(["ann", "bob", "*"], 2), backend_roles: sub(["ops", "dev", "/o.*/"], 2), and_backend_roles: sub(["ops", "dev"], 2), ips: sub(["192.168.0.0/16", "10.0.0.7"], 1), hosts: sub(["10.0.0.*"], 1) },
  { requiredKeys: [] },
);

const policyArb = fc.record({
  roles: fc.dictionary(fc.constantFrom(...ROLE_NAMES), roleArb, { maxKeys: 3 }),
  mappings: fc.dictionary(fc.constantFrom(...ROLE_NAMES, "SGS_ALL_ACCESS", "SGS_KIBANA_USER"), mappingArb, { maxKeys: 4 }),
  groups: fc.dictionary(fc.constantFrom("G1", "G2"), fc.record({ type: fc.constant("index"), allowed_actions: sub([...ACTIONS, "G1", "G2", "SGS_READ"], 3) }), { maxKeys: 2 }),
  tenants: sub(["analysts", "hr"], 2),
  mode: fc.constantFrom("MAPPING_ONLY", "BACKENDROLES_ONLY", "BOTH"),
  multitenancy: fc.boolean(),
  globalTenant: fc.boolean(),
});

const requestArb: fc.Arbitrary<AuthorizationRequest> = fc.record(
  {
    user: fc.record(
      {
        name: fc.constantFrom("ann", "bob"),
        backend_roles: sub(["ops", "dev", "r1"], 2),
        roles: sub([...ROLE_NAMES, "SGS_ALL_ACCESS"], 1),
        attributes: fc.constantFrom<Record<string, string>>({}, { team: "a" }),
        host: fc.constantFrom("10.0.0.7", "192.168.1.1"),
      },
      { requiredKeys: ["name"] },
    ),
    action: fc.constantFrom(...ACTIONS),
    indices: sub(INDICES, 2),
    tenant: fc.constantFrom("analysts", "hr", "ghost", "SGS_GLOBAL_TENANT", "t_a"),
  },
  { requiredKeys: ["user", "action"] },
);

type Spec = typeof policyArb extends fc.Arbitrary<infer T> ? T : never;

/** The spec as sg_*.yml texts (JSON is YAML). */
function filesOf(spec: Spec): Record<string, string> {
  return {
    "sg_roles.yml": JSON.stringify(spec.roles),
    "sg_roles_mapping.yml": JSON.stringify(spec.mappings),
    "sg_action_groups.yml": JSON.stringify(spec.groups),
    "sg_tenants.yml": JSON.stringify(Object.fromEntries(spec.tenants.map((t) => [t, {}]))),
    "sg_authz.yml": JSON.stringify({ "role_mapping.resolution_mode": spec.mode }),
    "sg_frontend_multi_tenancy.yml": JSON.stringify({ enabled: spec.multitenancy, global_tenant_enabled: spec.globalTenant }),
  };
}

function comparable(decision: Decision): Pick<Decision, "decision" | "roles" | "missing" | "reason"> {
  return { decision: decision.decision, roles: decision.roles, missing: decision.missing, reason: decision.reason };
}

const host = new ModuleHost();
afterAll(() => host.close());

describe("Search Guard: the runtime, the generated module and the reference", () => {
  it(
    `agree on random policies and requests (${RUNS} policies)`,
    async () => {
      const stats = { policies: 0, skipped: 0, requests: 0, allows: 0, denies: 0 };
      await fc.assert(
        fc.asyncProperty(policyArb, fc.array(requestArb, { minLength: 5, maxLength: 40, size: "max" }), async (spec, requests) => {
          stats.policies++;
          const files = filesOf(spec);
          const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })), flavor: "searchguard" }, { js: true });
          if (!result.table || !result.outputs) {
            stats.skipped++;
            return;
          }
          const runtime = loadTable(result.table);
          const reference = readSgReferencePolicy(files);
          const path = host.write({ "policy.js": result.outputs["policy.js"]! });
          const fromModule = (await host.call(path, requests.map((request) => ({ name: "authorize", args: [request] })))).map((r) => valueOf(r) as Decision);
          requests.forEach((request, i) => {
            const decided = runtime.authorize(request);
            const expected = comparable(referenceSgAuthorize(reference, request));
            const context = `(seed ${SEED}; replay: ${REPLAY})\n${JSON.stringify(files, null, 1)}\n${JSON.stringify(request)}`;
            expect(JSON.stringify(fromModule[i]), `module vs runtime ${context}`).toBe(JSON.stringify(decided));
            expect(comparable(decided), `runtime vs reference ${context}`).toEqual(expected);
            stats.requests++;
            if (decided.decision === "allow") stats.allows++;
            else stats.denies++;
          });
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Not vacuous: most policies compile, and both outcomes occur often.
      if (RUNS >= COVERAGE_MINIMUM_RUNS) {
        expect(stats.skipped).toBeLessThan(stats.policies * 0.2);
        expect(stats.allows).toBeGreaterThan(stats.requests * 0.05);
        expect(stats.denies).toBeGreaterThan(stats.requests * 0.05);
      }
      if (process.env.POLICYC_FUZZ_STATS) console.log(JSON.stringify(stats));
    },
    Math.max(60_000, RUNS * 500),
  );
});
