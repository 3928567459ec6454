/**
 * Property: on random policies with random REST API and owning-plugin
 * settings, policyc's runtime and the reference evaluator
 * (test/reference-ownership.ts) give the same decision, roles, missing
 * privileges and message for security REST API requests and for actions on
 * resources (asynchronous searches, detectors, forecasters).
 *
 * The generated module must decide them as the runtime does (it needs
 * `npm run build` first, as every module test).
 *
 * POLICYC_REST_FUZZ_RUNS (or POLICYC_FUZZ_RUNS) sets the number of random policies (default 300);
 * POLICYC_FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { loadTable } from "../../src/runtime/index.js";
import type { AuthorizationRequest, RequestResource } from "../../src/table/request.js";
import { ModuleHost, valueOf } from "../emit/module/module-host.js";
import { BACKEND_ROLES, policyArb, policyFiles, requestArb, type PolicySpec } from "../helpers/arbitraries.js";
import { checkAgreement, collectCoverage, COVERAGE_MINIMUM_RUNS, emptyStats, formatCoverage, printable, type Coverage } from "./agreement.js";

const RUNS = Number(process.env.POLICYC_REST_FUZZ_RUNS ?? process.env.POLICYC_FUZZ_RUNS ?? 300);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? undefined : Number(process.env.POLICYC_FUZZ_SEED);

/** Cluster permissions that grant REST API permissions (or look as if they did) and the owning plugins' actions. */
const EXTRA_CLUSTER_PERMISSIONS = [
  "restapi:admin/*",
  "restapi:admin/roles",
  "restapi:admin/internalusers",
  "restapi:admin/ssl/*",
  "restapi:admin/ssl/certs/info",
  "restapi:admin/config/update",
  "restapi:admin/allowlist",
  "/restapi:admin\\/(roles|tenants)/",
  "restapi:*",
  "rest_group",
  "*",
  "cluster:admin/opendistro/*",
  "cluster:admin/opendistro/asynchronous_search/get",
  "cluster:admin/plugin/forecast/*",
] as const;

const REST_GROUP = { name: "rest_group", allowed_actions: ["restapi:admin/nodesdn", "restapi:admin/rolesmapping"] };

const ROLES_ENABLED_POOL = ["r1", "r2", "r3", "all_access", "kibana_user", "ghost", "r*"] as const;

interface OwnerSettings {
  readonly rolesEnabled?: readonly string[];
  readonly legacyRolesEnabled: boolean;
  readonly adminEnabled?: boolean;
  readonly detectorFilter?: boolean;
  readonly legacyDetectorFilter: boolean;
  readonly forecastFilter?: boolean;
}

const settingsArb: fc.Arbitrary<OwnerSettings> = fc.record(
  {
    rolesEnabled: fc.uniqueArray(fc.constantFrom(...ROLES_ENABLED_POOL), { maxLength: 3 }),
    legacyRolesEnabled: fc.boolean(),
    adminEnabled: fc.boolean(),
    detectorFilter: fc.boolean(),
    legacyDetectorFilter: fc.boolean(),
    forecastFilter: fc.boolean(),
  },
  { requiredKeys: ["legacyRolesEnabled", "legacyDetectorFilter"] },
);

/** The settings as dotted opensearch.yml lines. */
function settingLines(s: OwnerSettings): string {
  const lines: string[] = [];
  if (s.rolesEnabled !== undefined) {
    const key = s.legacyRolesEnabled ? "opendistro_security.restapi.roles_enabled" : "plugins.security.restapi.roles_enabled";
    lines.push(`${key}: ${JSON.stringify(s.rolesEnabled)}`);
  }
  if (s.adminEnabled !== undefined) lines.push(`plugins.security.restapi.admin.enabled: ${s.adminEnabled}`);
  if (s.detectorFilter !== undefined) {
    const key = s.legacyDetectorFilter ? "opendistro.anomaly_detection.filter_by_backend_roles" : "plugins.anomaly_detection.filter_by_backend_roles";
    lines.push(`${key}: ${s.detectorFilter}`);
  }
  if (s.forecastFilter !== undefined) lines.push(`plugins.forecast.filter_by_backend_roles: ${s.forecastFilter}`);
  return lines.map((line) => `${line}\n`).join("");
}

/** A random policy with REST API permissions sprinkled over its roles; node settings dotted, so the lines can be added. */
const policyWithExtrasArb: fc.Arbitrary<{ spec: PolicySpec; settings: OwnerSettings }> = fc
  .tuple(policyArb(), settingsArb, fc.array(fc.uniqueArray(fc.constantFrom(...EXTRA_CLUSTER_PERMISSIONS), { maxLength: 3 }), { minLength: 6, maxLength: 6 }))
  .map(([spec, settings, extras]) => ({
    settings,
    spec: printable({
      ...spec,
      ...(spec.node ? { node: { ...spec.node, nested: false } } : {}),
      actionGroups: [...spec.actionGroups, REST_GROUP],
      roles: spec.roles.map((role, i) => ({ ...role, cluster_permissions: [...(role.cluster_permissions ?? []), ...(extras[i] ?? [])] })),
    }),
  }));

function filesOf(spec: PolicySpec, settings: OwnerSettings): Record<string, string> {
  const files = policyFiles(spec);
  const base = files["opensearch.yml"] === undefined || files["opensearch.yml"] === "{}\n" ? "" : files["opensearch.yml"];
  const text = base + settingLines(settings);
  return { ...files, "opensearch.yml": text === "" ? "{}\n" : text };
}

const REST_ACTIONS = [
  "restapi:admin/account",
  "restapi:admin/roles",
  "restapi:admin/rolesmapping",
  "restapi:admin/internalusers",
  "restapi:admin/tenants",
  "restapi:admin/nodesdn",
  "restapi:admin/allowlist",
  "restapi:admin/cache",
  "restapi:admin/ssl",
  "restapi:admin/ssl/certs/info",
  "restapi:admin/ssl/certs/reload",
  "restapi:admin/config",
  "restapi:admin/config/update",
  "restapi:admin/resource_sharing/migrate",
  "restapi:admin/nothing",
] as const;

const METHODS = ["DELETE", "GET", "PATCH", "POST", "PUT"] as const;

const restRequestArb: fc.Arbitrary<AuthorizationRequest> = fc
  .tuple(requestArb(), fc.constantFrom(...REST_ACTIONS), fc.option(fc.constantFrom(...METHODS), { nil: undefined }))
  .map(([request, action, method]) => ({ user: request.user, action, ...(method !== undefined ? { method } : {}) }));

const RESOURCE_ACTIONS = [
  "cluster:admin/opendistro/asynchronous_search/get",
  "cluster:admin/opendistro/asynchronous_search/delete",
  "cluster:admin/opendistro/asynchronous_search/submit",
  "cluster:admin/opendistro/ad/detector/write",
  "cluster:admin/opendistro/ad/detectors/get",
  "cluster:admin/opendistro/ad/detector/delete",
  "cluster:admin/opendistro/ad/detector/jobmanagement",
  "cluster:admin/opendistro/ad/detector/search",
  "cluster:admin/plugin/forecast/forecaster/write",
  "cluster:admin/plugin/forecast/forecasters/get",
  "cluster:admin/plugin/forecast/forecaster/delete",
] as const;

const ownerArb = fc.record(
  { name: fc.constantFrom("alice", "bob", "judy"), backend_roles: fc.uniqueArray(fc.constantFrom(...BACKEND_ROLES), { maxLength: 2 }) },
  { requiredKeys: ["name"] },
);

const resourceArb: fc.Arbitrary<RequestResource> = fc.record(
  { type: fc.constantFrom("async_search" as const, "anomaly_detector" as const, "forecaster" as const), id: fc.constantFrom("r1", "x-2"), owner: ownerArb },
  { requiredKeys: ["type"] },
);

const resourceRequestArb: fc.Arbitrary<AuthorizationRequest> = fc
  .tuple(requestArb(), fc.constantFrom(...RESOURCE_ACTIONS), resourceArb)
  .map(([request, action, resource]) => ({ user: request.user, action, resource }));

const mixedRequestArb = fc.oneof(restRequestArb, resourceRequestArb);

/** Rules of test/reference-ownership.ts that must decide some sampled requests, with the outcome. */
const EXPECTED_RULES: readonly [string, "allow" | "deny"][] = [
  ["rest api: no such endpoint", "deny"],
  ["rest api: account", "allow"],
  ["rest api: explicit permission", "deny"],
  ["(reached) rest api: explicit permission", "allow"],
  ["(reached) rest api: roles_enabled role", "allow"],
  ["rest api: endpoint's access handler", "allow"],
  ["rest api: endpoint's access handler", "deny"],
  ["ownership: owning plugin refuses", "deny"],
  ["ownership: owning plugin lets it through", "allow"],
];

describe("policyc's runtime and the reference evaluator, on REST API requests and owned resources", () => {
  it(
    `agree on random policies and settings (${RUNS} policies)`,
    () => {
      const stats = emptyStats();
      fc.assert(
        fc.property(policyWithExtrasArb, fc.array(mixedRequestArb, { minLength: 1, maxLength: 20 }), ({ spec, settings }, requests) => {
          checkAgreement(filesOf(spec, settings), requests, stats);
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
      if (RUNS >= COVERAGE_MINIMUM_RUNS) expect(stats.skipped).toBeLessThan(stats.policies * 0.2);
    },
    Math.max(30_000, RUNS * 200),
  );

  it("are compared on allows and denies decided by every REST API and ownership rule", () => {
    const stats = emptyStats();
    const coverage: Coverage = new Map();
    const samples = fc.sample(fc.tuple(policyWithExtrasArb, fc.array(mixedRequestArb, { minLength: 20, maxLength: 20 })), { numRuns: 150, seed: 7 });
    for (const [{ spec, settings }, requests] of samples) {
      const files = filesOf(spec, settings);
      checkAgreement(files, requests, stats);
      collectCoverage(files, requests, coverage);
    }
    if (process.env.POLICYC_FUZZ_STATS) console.log(formatCoverage(coverage));
    expect(stats.allows / stats.requests).toBeGreaterThan(0.1);
    expect(stats.denies / stats.requests).toBeGreaterThan(0.1);
    const missing = EXPECTED_RULES.filter(([rule, outcome]) => (coverage.get(rule)?.[outcome] ?? 0) === 0).map(([rule, outcome]) => `${rule} → ${outcome}`);
    expect(missing, "rules that never decided a request").toEqual([]);
  });
});

describe("the generated module, on REST API requests and owned resources", () => {
  const host = new ModuleHost();
  afterAll(() => host.close());

  it("decides exactly as the table runtime", async () => {
    const samples = fc.sample(fc.tuple(policyWithExtrasArb, fc.array(mixedRequestArb, { minLength: 40, maxLength: 40 })), { numRuns: 12, seed: 11 });
    let compared = 0;
    for (const [{ spec, settings }, requests] of samples) {
      const files = filesOf(spec, settings);
      const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { js: true });
      if (!result.table || !result.outputs) continue;
      const path = host.write({ "policy.js": result.outputs["policy.js"]! });
      const fromModule = (await host.call(path, requests.map((request) => ({ name: "authorize", args: [request] })))).map(valueOf);
      const runtime = loadTable(result.table);
      requests.forEach((request, i) => expect(fromModule[i], JSON.stringify(request)).toEqual(runtime.authorize(request)));
      compared += requests.length;
    }
    expect(compared).toBeGreaterThan(300);
  }, 60_000);
});
