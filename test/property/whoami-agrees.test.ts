/**
 * Property: for random policies and users, the table runtime's `whoami` and
 * the reference (test/reference-tenants.ts) report the same authinfo: roles,
 * backend roles, attribute names and the tenants map with its read-write
 * flags.
 *
 * POLICYC_WHOAMI_FUZZ_RUNS sets the number of random policies (default 300,
 * each with up to 20 users); POLICYC_FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { loadTable } from "../../src/runtime/index.js";
import type { RequestUser } from "../../src/table/request.js";
import { describeFiles, policyArb, policyFiles, requestArb, steerPolicy } from "../helpers/arbitraries.js";
import { readReferencePolicy } from "../reference-evaluator.js";
import { referenceWhoami } from "../reference-tenants.js";
import { COVERAGE_MINIMUM_RUNS, printable } from "./agreement.js";
import { AVOID } from "./known-disagreements.js";

const RUNS = Number(process.env.POLICYC_WHOAMI_FUZZ_RUNS ?? 300);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? undefined : Number(process.env.POLICYC_FUZZ_SEED);
const options = { avoid: AVOID };

/** A user as requests carry them, and sometimes the tenant a request names. */
const askedArb = fc.tuple(
  requestArb().map((request) => request.user),
  fc.option(fc.constantFrom("analysts", "__user__", "global_tenant"), { nil: undefined, freq: 3 }),
);

interface Stats {
  policies: number;
  skipped: number;
  users: number;
  /** Tenants listed read-only, and read-write besides the private one: both must occur. */
  readOnly: number;
  readWrite: number;
}

function checkWhoami(files: Record<string, string>, asked: readonly (readonly [RequestUser, string | undefined])[], stats: Stats): void {
  stats.policies++;
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) });
  if (!result.table) {
    stats.skipped++;
    return;
  }
  const runtime = loadTable(result.table);
  const reference = readReferencePolicy(files);
  for (const [user, tenant] of asked) {
    const actual = runtime.whoami(user, tenant);
    const expected = referenceWhoami(reference, user, tenant);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(
        [
          "the runtime's whoami and the reference disagree",
          describeFiles(files).trimEnd(),
          `----- user\n${JSON.stringify(user)} tenant ${JSON.stringify(tenant)}`,
          `----- runtime (policyc)\n${JSON.stringify(actual)}`,
          `----- reference\n${JSON.stringify(expected)}`,
        ].join("\n"),
      );
    }
    stats.users++;
    for (const [name, write] of Object.entries(actual.tenants)) {
      if (name === user.name) continue;
      if (write) stats.readWrite++;
      else stats.readOnly++;
    }
  }
}

describe("the runtime's whoami and the reference", () => {
  it(
    `agree on random policies and users (${RUNS} policies)`,
    () => {
      const stats: Stats = { policies: 0, skipped: 0, users: 0, readOnly: 0, readWrite: 0 };
      fc.assert(
        fc.property(
          policyArb().map((spec) => printable(steerPolicy(spec, options))),
          fc.array(askedArb, { minLength: 1, maxLength: 20 }),
          (spec, asked) => checkWhoami(policyFiles(spec), asked, stats),
        ),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
      // Not vacuous: most policies compile, and both kinds of tenant access are compared.
      if (RUNS >= COVERAGE_MINIMUM_RUNS) {
        expect(stats.skipped).toBeLessThan(stats.policies * 0.2);
        expect(stats.readOnly).toBeGreaterThan(0);
        expect(stats.readWrite).toBeGreaterThan(0);
      }
      if (process.env.POLICYC_FUZZ_STATS) console.log(JSON.stringify(stats));
    },
    Math.max(30_000, RUNS * 200),
  );
});
