/**
 * Property: for random policies and requests, policyc (compile → loadTable →
 * authorize) and the reference evaluator (test/reference-evaluator.ts, which
 * reads the YAML itself) give the same decision, roles, missing privileges
 * and denial message.
 *
 * POLICYC_FUZZ_RUNS sets the number of random policies (default 600, each
 * with up to 30 requests); POLICYC_FUZZ_SEED replays a run. A failure prints
 * fast-check's seed and path, the shrunk policy as YAML, the request and both
 * decisions. scripts/fuzz.mjs runs this file with many more policies.
 */
import fc from "fast-check";
import { writeSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policyArb, policyFiles, requestArb, steerPolicy, steerRequest, type PolicySpec } from "../helpers/arbitraries.js";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { AVOID } from "./known-disagreements.js";
import { checkAgreement, collectCoverage, COVERAGE_MINIMUM_RUNS, emptyStats, formatCoverage, printable, type Coverage } from "./agreement.js";

const RUNS = Number(process.env.POLICYC_FUZZ_RUNS ?? 600);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? undefined : Number(process.env.POLICYC_FUZZ_SEED);
const MAX_REQUESTS = 30;
/** With POLICYC_FUZZ_STATS (scripts/fuzz.mjs), a line every so many policies shows a long run going on. */
const PROGRESS = process.env.POLICYC_FUZZ_STATS !== undefined;
const PROGRESS_EVERY = 10_000;
const options = { avoid: AVOID };

/** Rules of the reference evaluator that must decide some sampled requests, with the outcome. */
const EXPECTED_RULES: readonly [string, "allow" | "deny"][] = [
  ["pass-through", "allow"],
  ["top-level bulk: cluster privilege", "allow"],
  ["top-level bulk: cluster privilege", "deny"],
  ["cluster: privilege", "allow"],
  ["cluster: privilege", "deny"],
  ["cluster: service account", "deny"],
  ["index: privilege", "allow"],
  ["index: privilege", "deny"],
  ["index: privilege on all indices", "allow"],
  ["index: privilege on all indices", "deny"],
  ["system index: plugin user", "allow"],
  ["system index: plugin user", "deny"],
  ["system index: protected action on all indices", "deny"],
  ["system index: protected action, permission feature off", "deny"],
  ["system index: security index", "deny"],
  ["system index: explicit system:admin/system_index", "deny"],
  ["system index: service account on a regular index", "deny"],
  ["tenant: private tenant disabled", "deny"],
  ["tenant: no tenant, global tenant read", "deny"],
  ["tenant: no tenant, global tenant write", "deny"],
  ["tenant: private tenant", "allow"],
  ["tenant: own tenant index", "allow"],
  ["tenant: own tenant index (private)", "allow"],
  ["tenant: tenant read", "allow"],
  ["tenant: tenant read", "deny"],
  ["tenant: tenant write", "allow"],
  ["tenant: tenant write", "deny"],
  ["tenant: other tenant index with a tenant", "deny"],
  ["tenant: kibana_user quirk", "allow"],
  ["dls/fls: the valve refuses", "deny"],
];

function steered(spec: PolicySpec, requests: readonly AuthorizationRequest[]): AuthorizationRequest[] {
  return requests.flatMap((request) => steerRequest(spec, request, options) ?? []);
}

describe("policyc's runtime and the reference evaluator", () => {
  it(
    `agree on random policies and requests (${RUNS} policies)`,
    () => {
      const stats = emptyStats();
      fc.assert(
        fc.property(
          policyArb().map((spec) => printable(steerPolicy(spec, options))),
          fc.array(requestArb(), { minLength: 1, maxLength: MAX_REQUESTS, size: "max" }),
          (spec, requests) => {
            checkAgreement(policyFiles(spec), steered(spec, requests), stats);
            // Straight to the standard output: vitest prints a synchronous test's console output only when it ends.
            if (PROGRESS && stats.policies % PROGRESS_EVERY === 0) writeSync(1, `progress: ${stats.policies} policies, ${stats.requests} requests\n`);
          },
        ),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
      // Not vacuous: most policies compile and thousands of requests are compared.
      if (RUNS >= COVERAGE_MINIMUM_RUNS) expect(stats.skipped).toBeLessThan(stats.policies * 0.2);
      if (RUNS >= 300) expect(stats.requests).toBeGreaterThan(3000);
      if (process.env.POLICYC_FUZZ_STATS) console.log(JSON.stringify(stats));
    },
    Math.max(30_000, RUNS * 200),
  );

  it("skip a policy with errors instead of counting it as agreement", () => {
    const spec = { roles: [], actionGroups: [], mappings: [], tenants: [], node: { rolesMappingResolution: "sometimes" } };
    const stats = emptyStats();
    const result = checkAgreement(policyFiles(spec), [{ user: { name: "alice" }, action: "cluster:monitor/health" }], stats);
    expect(result.status).toBe("skipped");
    expect(stats).toMatchObject({ policies: 1, skipped: 1, requests: 0 });
  });

  it("are compared on a good share of both allows and denies, decided by every rule", () => {
    const stats = emptyStats();
    const coverage: Coverage = new Map();
    const samples = fc.sample(fc.tuple(policyArb(), fc.array(requestArb(), { minLength: 20, maxLength: 20 })), { numRuns: 200, seed: 42 });
    for (const [generated, requests] of samples) {
      const spec = steerPolicy(generated, options);
      const files = policyFiles(spec);
      checkAgreement(files, steered(spec, requests), stats);
      collectCoverage(files, steered(spec, requests), coverage);
    }
    if (process.env.POLICYC_FUZZ_STATS) console.log(formatCoverage(coverage));
    expect(stats.requests).toBeGreaterThan(3000);
    expect(stats.allows / stats.requests).toBeGreaterThan(0.1);
    expect(stats.denies / stats.requests).toBeGreaterThan(0.1);
    const missing = EXPECTED_RULES.filter(([rule, outcome]) => (coverage.get(rule)?.[outcome] ?? 0) === 0).map(([rule, outcome]) => `${rule} → ${outcome}`);
    expect(missing, "rules that never decided a request").toEqual([]);
  });
});
