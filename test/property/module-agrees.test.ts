/**
 * Property: for random policies and requests, the generated module
 * (policy.js, written to a temporary directory and imported by Node), the
 * table runtime (loadTable) and the reference evaluator give the same
 * decisions: the module and the runtime identical decisions, the module and
 * the reference the same decision, roles, missing privileges and denial
 * message. Each policy is compiled once and decides many requests.
 *
 * POLICYC_MODULE_FUZZ_RUNS sets the number of policies (default 160);
 * POLICYC_FUZZ_SEED replays a run. A failure prints the seed, the command
 * that replays it, the shrunk policy as YAML, the request and the three
 * decisions.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { loadTable } from "../../src/runtime/index.js";
import type { AuthorizationRequest, Decision } from "../../src/table/request.js";
import { ModuleHost, valueOf } from "../emit/module/module-host.js";
import { describeFiles, policyArb, policyFiles, requestArb, steerPolicy, steerRequest, type PolicySpec } from "../helpers/arbitraries.js";
import { readReferencePolicy, referenceAuthorize } from "../reference-evaluator.js";
import { COVERAGE_MINIMUM_RUNS, printable } from "./agreement.js";
import { AVOID } from "./known-disagreements.js";

const RUNS = Number(process.env.POLICYC_MODULE_FUZZ_RUNS ?? 160);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.POLICYC_FUZZ_SEED);
const REPLAY = `POLICYC_FUZZ_SEED=${SEED} POLICYC_MODULE_FUZZ_RUNS=${RUNS} npx vitest run test/property/module-agrees.test.ts`;
const options = { avoid: AVOID };

const host = new ModuleHost();
afterAll(() => host.close());

interface Stats {
  policies: number;
  skipped: number;
  requests: number;
  allows: number;
  denies: number;
}

/** The fields the reference evaluator decides (it never reports a malformed request's `error`). */
function comparable(decision: Decision): Pick<Decision, "decision" | "roles" | "missing" | "reason"> {
  return { decision: decision.decision, roles: decision.roles, missing: decision.missing, reason: decision.reason };
}

function disagreement(what: string, files: Record<string, string>, request: AuthorizationRequest, decisions: Record<string, unknown>): Error {
  const shown = Object.entries(decisions).map(([by, decision]) => `----- ${by}\n${JSON.stringify(decision)}`);
  return new Error([`${what} (seed ${SEED}; replay: ${REPLAY})`, describeFiles(files).trimEnd(), `----- request\n${JSON.stringify(request)}`, ...shown].join("\n"));
}

/** Compiles the policy once and decides every request with the module, the runtime and the reference. */
async function checkModuleAgreement(spec: PolicySpec, generated: readonly AuthorizationRequest[], stats: Stats): Promise<void> {
  stats.policies++;
  const files = policyFiles(spec);
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { js: true });
  if (!result.table || !result.outputs) {
    stats.skipped++;
    return;
  }
  const requests = generated.flatMap((request) => steerRequest(spec, request, options) ?? []);
  const path = host.write({ "policy.js": result.outputs["policy.js"]! });
  const fromModule = (await host.call(path, requests.map((request) => ({ name: "authorize", args: [request] })))).map((r) => valueOf(r) as Decision);
  const runtime = loadTable(result.table);
  const reference = readReferencePolicy(files);
  requests.forEach((request, i) => {
    const module = fromModule[i]!;
    const table = runtime.authorize(request);
    if (JSON.stringify(module) !== JSON.stringify(table)) {
      throw disagreement("the module and the runtime disagree", files, request, { module, runtime: table });
    }
    const expected = comparable(referenceAuthorize(reference, request));
    if (JSON.stringify(comparable(module)) !== JSON.stringify(expected)) {
      throw disagreement("the module and the reference evaluator disagree", files, request, { module, reference: expected });
    }
    stats.requests++;
    if (module.decision === "allow") stats.allows++;
    else stats.denies++;
  });
}

describe("the generated module, the table runtime and the reference evaluator", () => {
  it(
    `agree on random policies and requests (${RUNS} policies)`,
    async () => {
      const stats: Stats = { policies: 0, skipped: 0, requests: 0, allows: 0, denies: 0 };
      await fc.assert(
        fc.asyncProperty(
          policyArb().map((spec) => printable(steerPolicy(spec, options))),
          fc.array(requestArb(), { minLength: 1, maxLength: 50, size: "max" }),
          (spec, requests) => checkModuleAgreement(spec, requests, stats),
        ),
        { numRuns: RUNS, seed: SEED },
      );
      // Not vacuous: most policies compile, and thousands of requests with both outcomes are compared.
      if (RUNS >= COVERAGE_MINIMUM_RUNS) {
        expect(stats.skipped).toBeLessThan(stats.policies * 0.2);
        expect(stats.requests).toBeGreaterThan(2000);
        expect(stats.allows).toBeGreaterThan(stats.requests * 0.05);
        expect(stats.denies).toBeGreaterThan(stats.requests * 0.05);
      }
      if (process.env.POLICYC_FUZZ_STATS) console.log(JSON.stringify(stats));
    },
    Math.max(60_000, RUNS * 500),
  );
});
