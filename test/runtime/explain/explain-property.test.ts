/**
 * Properties of `explain` on random requests, over the examples and over
 * random policies (test/helpers/arbitraries.ts), tables compiled with
 * provenance:
 *
 * - its decision deep-equals `authorize`'s;
 * - an allowed request has at least one grant for each of its parts;
 * - a request denied for want of a privilege has at least one missing part;
 * - the deciding step is the one the independent reference evaluator
 *   (test/reference-evaluator.ts) reports last, where the two agree on the
 *   decision.
 *
 * POLICYC_EXPLAIN_RUNS sets the number of random policies (default 150).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { loadTable, type Policy } from "../../../src/runtime/index.js";
import type { DecidingRule, Explanation } from "../../../src/table/explanation.js";
import type { AuthorizationRequest } from "../../../src/table/request.js";
import { policyArb, policyFiles, requestArb, steerPolicy, steerRequest } from "../../helpers/arbitraries.js";
import { ROOT } from "../../helpers/cli.js";
import { AVOID } from "../../property/known-disagreements.js";
import { readReferencePolicy, referenceAuthorize, type ReferencePolicy } from "../../reference-evaluator.js";

const RUNS = Number(process.env.POLICYC_EXPLAIN_RUNS ?? 150);
const options = { avoid: AVOID };

/** Checks one explanation against the decision and the request; returns what is wrong, or undefined. */
function problemOf(policy: Policy, request: unknown, explanation: Explanation): string | undefined {
  const decision = policy.authorize(request);
  if (JSON.stringify(explanation.decision) !== JSON.stringify(decision)) return `decision ${JSON.stringify(explanation.decision)} is not authorize's ${JSON.stringify(decision)}`;
  const r = request as AuthorizationRequest;
  const targets = (kind: string) => explanation.grants.filter((grant) => grant.target.kind === kind);
  if (decision.decision === "allow") {
    switch (explanation.rule) {
      case "cluster":
      case "bulk-shortcut":
        return targets("cluster").length > 0 ? undefined : "no cluster grant on allow";
      case "index": {
        const indices = r.indices && r.indices.length > 0 ? [...new Set(r.indices)] : undefined;
        if (indices === undefined) return targets("all-indices").length > 0 ? undefined : "no all-indices grant on allow";
        const ungranted = indices.filter((index) => !explanation.grants.some((grant) => grant.target.kind === "index" && grant.target.index === index));
        return ungranted.length === 0 ? undefined : `no grant for ${ungranted.join(", ")} on allow`;
      }
      case "tenant": {
        const privateTenant = r.tenant === "__user__" || r.tenant === r.user.name;
        return privateTenant || targets("tenant").some((grant) => grant.target.kind === "tenant" && grant.target.tenant === r.tenant) ? undefined : "no tenant grant on allow";
      }
      default:
        return undefined;
    }
  }
  const privilegeDeny = explanation.rule === "index" || explanation.rule === "bulk-shortcut" || (explanation.rule === "cluster" && r.user.attributes?.["attr.internal.service"] !== "true");
  if (privilegeDeny && explanation.missing.length === 0) return "no missing target on a privilege deny";
  if (explanation.grants.length > 0 && explanation.rule !== "restrictions" && explanation.rule !== "ownership") return "grants on a privilege deny";
  return undefined;
}

/** The rule the reference evaluator's last note names, when it names one. */
function referenceRule(note: string | undefined): DecidingRule | undefined {
  if (note === undefined) return undefined;
  if (note === "pass-through") return "unchecked";
  if (note.startsWith("rest api")) return "rest-api";
  if (note.startsWith("top-level bulk")) return "bulk-shortcut";
  if (note.startsWith("system index")) return "system-index";
  if (note.startsWith("cluster:")) return "cluster";
  if (note.startsWith("tenant:")) return "tenant";
  if (note.startsWith("index:")) return "index";
  if (note.startsWith("dls/fls")) return "restrictions";
  if (note === "ownership: owning plugin refuses") return "ownership";
  return undefined;
}

/** What is wrong with the rule, judged by the reference evaluator, or undefined. */
function ruleProblem(reference: ReferencePolicy, request: AuthorizationRequest, explanation: Explanation): string | undefined {
  const notes: string[] = [];
  const decision = referenceAuthorize(reference, request, (note) => notes.push(note));
  const expected = referenceRule(notes[notes.length - 1]);
  if (decision.decision !== explanation.decision.decision || expected === undefined || expected === explanation.rule) return undefined;
  return `rule ${explanation.rule}, the reference decided by \`${notes[notes.length - 1]}\``;
}

/** How often each rule decided, by decision: `rule allow` → count. */
type RuleTally = Map<string, number>;

function explainAll(files: Record<string, string>, requests: readonly AuthorizationRequest[], withReference: boolean, tally: RuleTally = new Map()): number {
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { provenance: true, module: false });
  if (!result.table) return 0;
  const policy = loadTable(result.table);
  const reference = withReference ? readReferencePolicy(files) : undefined;
  for (const request of requests) {
    const explanation = policy.explain(request);
    const problem = problemOf(policy, request, explanation) ?? (reference === undefined ? undefined : ruleProblem(reference, request, explanation));
    if (problem !== undefined) throw new Error(`${problem}\n----- request\n${JSON.stringify(request)}\n----- explanation\n${JSON.stringify(explanation, null, 1)}`);
    const key = `${explanation.rule} ${explanation.decision.decision}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return requests.length;
}

describe("explain on random requests", () => {
  const examplesDir = join(ROOT, "examples");
  const examples = readdirSync(examplesDir).filter((name) => statSync(join(examplesDir, name)).isDirectory()).sort();

  it.each(examples)("agrees with authorize and names grants or missing parts over example %s", (name) => {
    const dir = join(examplesDir, name);
    const files = Object.fromEntries(readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).map((file) => [file, readFileSync(join(dir, file), "utf8")]));
    const known = readFileSync(join(dir, "requests.jsonl"), "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as AuthorizationRequest);
    // Requests recombined from the example's own: users, actions, indices and tenants meet in new ways.
    const recombined = fc.record({
      user: fc.constantFrom(...known.map((request) => request.user)),
      action: fc.constantFrom(...known.map((request) => request.action), "cluster:monitor/health", "indices:data/read/search", "indices:data/write/bulk"),
      indices: fc.option(fc.constantFrom(...known.flatMap((request) => (request.indices ? [request.indices] : [])), ["*"], [".kibana"]), { nil: undefined }),
      tenant: fc.option(fc.constantFrom("global_tenant", "__user__", "admin_tenant"), { nil: undefined, freq: 4 }),
    });
    const requests = fc.sample(recombined, { numRuns: 200, seed: 7 }).map(({ user, action, indices, tenant }) => ({
      user,
      action,
      ...(indices ? { indices } : {}),
      ...(tenant ? { tenant } : {}),
    }));
    expect(explainAll(files, [...known, ...requests], false)).toBe(known.length + requests.length);
  });

  it(`agrees with authorize, names grants or missing parts, and decides by the reference's step on random policies (${RUNS} policies)`, () => {
    let explained = 0;
    const tally: RuleTally = new Map();
    fc.assert(
      fc.property(policyArb().map((spec) => steerPolicy(spec, options)), fc.array(requestArb(), { minLength: 1, maxLength: 20 }), (spec, requests) => {
        explained += explainAll(policyFiles(spec), requests.flatMap((request) => steerRequest(spec, request, options) ?? []), true, tally);
      }),
      { numRuns: RUNS, seed: 11 },
    );
    expect(explained).toBeGreaterThan(RUNS * 3);
    // Not vacuous: every step decides some requests, both ways where it can.
    const steps = ["unchecked allow", "bulk-shortcut allow", "bulk-shortcut deny", "system-index deny", "cluster allow", "cluster deny", "index allow", "index deny", "tenant allow", "tenant deny"];
    expect(steps.filter((step) => (tally.get(step) ?? 0) === 0)).toEqual([]);
  }, 120_000);

  it("never throws on values that are not requests, and gives authorize's decision", () => {
    const policy = loadTable(compile({ files: [{ path: "roles.yml", text: "_meta:\n  type: \"roles\"\n  config_version: 2\n" }] }, { provenance: true, module: false }).table);
    fc.assert(
      fc.property(fc.anything(), fc.record({ user: fc.anything(), action: fc.anything(), indices: fc.anything(), tenant: fc.anything(), resource: fc.anything(), method: fc.anything() }, { requiredKeys: [] }), (value, shaped) => {
        for (const input of [value, shaped]) expect(policy.explain(input).decision).toEqual(policy.authorize(input));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
