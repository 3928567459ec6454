/**
 * The comparison behind the property tests: one random policy, compiled by
 * policyc and loaded by its runtime, against the reference evaluator, for a
 * list of requests.
 */
import fc from "fast-check";
import { compile } from "../../src/index.js";
import { loadTable } from "../../src/runtime/index.js";
import type { AuthorizationRequest, Decision } from "../../src/table/request.js";
import { describeFiles, policyFiles, type PolicySpec } from "../helpers/arbitraries.js";
import { readReferencePolicy, referenceAuthorize } from "../reference-evaluator.js";

/**
 * The fewest random policies a run needs before its coverage figures (the
 * share of policies skipped for errors, both outcomes seen) are checked. The
 * defaults of `npm test` are all above it; `npm run fuzz` at a small N gives
 * each worker as few as 10 policies, too few for a share to be reliable, and
 * such a run checks agreement only.
 */
export const COVERAGE_MINIMUM_RUNS = 100;

export interface AgreementStats {
  policies: number;
  skipped: number;
  requests: number;
  allows: number;
  denies: number;
  /** Allowed decisions that report DLS/FLS restrictions. */
  restricted: number;
}

export function emptyStats(): AgreementStats {
  return { policies: 0, skipped: 0, requests: 0, allows: 0, denies: 0, restricted: 0 };
}

export type AgreementResult = { status: "skipped"; errors: string[] } | { status: "agreed"; decisions: Decision[] };

/** The decision fields both evaluators must give identically (restrictions: keys, values and their order). */
function comparable(decision: Decision): Pick<Decision, "decision" | "roles" | "missing" | "reason" | "restrictions"> {
  return { decision: decision.decision, roles: decision.roles, missing: decision.missing, reason: decision.reason, restrictions: decision.restrictions };
}

export class DisagreementError extends Error {
  override readonly name = "DisagreementError";
}

/**
 * Compiles the policy and decides every request with both evaluators.
 * A policy with errors (no table) is skipped, never counted as agreement.
 * @throws DisagreementError naming the first request they disagree on, with the YAML.
 */
export function checkAgreement(files: Record<string, string>, requests: readonly AuthorizationRequest[], stats?: AgreementStats): AgreementResult {
  if (stats) stats.policies++;
  // The table alone: the generated module is compared in module-agrees.test.ts, and emitting it would double the cost.
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { module: false });
  if (!result.table) {
    if (stats) stats.skipped++;
    return { status: "skipped", errors: result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`) };
  }
  const runtime = loadTable(result.table);
  const reference = readReferencePolicy(files);
  const decisions: Decision[] = [];
  for (const request of requests) {
    const actual = comparable(runtime.authorize(request));
    const expected = comparable(referenceAuthorize(reference, request));
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new DisagreementError(
        [
          "the runtime and the reference evaluator disagree",
          describeFiles(files).trimEnd(),
          `----- request\n${JSON.stringify(request)}`,
          `----- runtime (policyc)\n${JSON.stringify(actual)}`,
          `----- reference\n${JSON.stringify(expected)}`,
        ].join("\n"),
      );
    }
    if (stats) {
      stats.requests++;
      if (actual.decision === "allow") stats.allows++;
      else stats.denies++;
      if (actual.restrictions !== undefined) stats.restricted++;
    }
    decisions.push(actual as Decision);
  }
  return { status: "agreed", decisions };
}

/** A policy spec that fast-check prints as its YAML files in a counterexample. */
export function printable(spec: PolicySpec): PolicySpec {
  return { ...spec, [fc.toStringMethod]: () => `\n${describeFiles(policyFiles(spec))}` } as PolicySpec;
}

/**
 * How often each rule of the reference evaluator decided, by decision:
 * `rule → {allow, deny}`; `(reached) rule` counts requests that passed the
 * rule and were decided later.
 */
export type Coverage = Map<string, { allow: number; deny: number }>;

/** Decides the requests with the reference evaluator and counts the deciding rules. */
export function collectCoverage(files: Record<string, string>, requests: readonly AuthorizationRequest[], coverage: Coverage): void {
  const reference = readReferencePolicy(files);
  for (const request of requests) {
    const steps: string[] = [];
    const decision = referenceAuthorize(reference, request, (s) => steps.push(s));
    const decidedBy = steps[steps.length - 1] ?? "?";
    for (const step of new Set(steps)) {
      const key = step === decidedBy ? step : `(reached) ${step}`;
      const entry = coverage.get(key) ?? { allow: 0, deny: 0 };
      entry[decision.decision]++;
      coverage.set(key, entry);
    }
  }
}

/** The coverage as a table, one rule a line. */
export function formatCoverage(coverage: Coverage): string {
  return [...coverage]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, { allow, deny }]) => `${rule.padEnd(60)} allow ${String(allow).padStart(6)}  deny ${String(deny).padStart(6)}`)
    .join("\n");
}
