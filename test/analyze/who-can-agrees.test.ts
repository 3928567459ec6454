/**
 * Property: who-can agrees with `authorize`. For random policies and
 * requests on at most one index, when the runtime allows a regular user, the
 * who-can answer for that action (index, tenant) does not say "nobody", one
 * of the user's roles gives each further requirement it lists, and it either
 * says "everyone" or names one of the user's roles. When who-can says
 * "nobody", the runtime denies; when it says "everyone" and the user meets
 * the requirements, the runtime allows.
 *
 * Users the plugin treats apart from their roles, which who-can names in its
 * notes instead of in roles, are left out: plugin users, service accounts, a tenant named like
 * the user and tenant indices with the private tenant (both a matter of the
 * user's name), the Dashboards server user (no tenant rules).
 *
 * POLICYC_WHO_CAN_FUZZ_RUNS sets the number of random policies (default 300,
 * each with up to 30 requests); POLICYC_FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { whoCan } from "../../src/analyze/who-can.js";
import { compile } from "../../src/index.js";
import { evaluatedActionName, isClusterAction } from "../../src/rules/actions.js";
import { loadTable } from "../../src/runtime/index.js";
import type { AuthorizationRequest } from "../../src/table/request.js";
import type { DecisionTable } from "../../src/table/types.js";
import { describeFiles, policyArb, policyFiles, requestArb, steerPolicy } from "../helpers/arbitraries.js";
import { printable } from "../property/agreement.js";

const RUNS = Number(process.env.POLICYC_WHO_CAN_FUZZ_RUNS ?? 300);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? undefined : Number(process.env.POLICYC_FUZZ_SEED);

interface Stats {
  policies: number;
  checkedAllows: number;
  /** Allows whose answer names roles (not "everyone"): the intersection was really tested. */
  byRole: number;
  withRequirement: number;
  checkedNobody: number;
}

/** Whether the plugin decides the request by something other than the user's roles, as who-can's notes say. */
function treatedApart(table: DecisionTable, request: AuthorizationRequest): boolean {
  const name = request.user.name;
  if (name.startsWith("plugin:") || name === table.settings.dashboardsServerUsername) return true;
  if (request.user.attributes?.["attr.internal.service"] === "true") return true;
  const tenant = request.tenant;
  if (tenant === undefined || tenant === "") return false;
  const privateIndex = tenant === "__user__" && request.indices?.[0]?.startsWith(`${table.settings.dashboardsIndex}_`) === true;
  return tenant === name || privateIndex;
}

function checkRequests(files: Record<string, string>, requests: readonly AuthorizationRequest[], stats: Stats): void {
  stats.policies++;
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })) }, { provenance: true, module: false });
  if (!result.table) return;
  const table = result.table;
  const runtime = loadTable(table);
  for (const request of requests) {
    if ((request.indices?.length ?? 0) > 1 || request.action.startsWith("restapi:") || treatedApart(table, request)) continue;
    // `--tenant` without `--index` asks about the Dashboards index: a request on all indices with a tenant has no question.
    if (request.tenant && !request.indices?.length && !isClusterAction(evaluatedActionName(request.action))) continue;
    const decision = runtime.authorize(request);
    const index = request.indices?.[0];
    const answer = whoCan(table, { action: request.action, ...(index !== undefined ? { index } : {}), ...(request.tenant !== undefined ? { tenant: request.tenant } : {}) });
    const failure = (why: string) =>
      new Error([why, describeFiles(files).trimEnd(), `----- request\n${JSON.stringify(request)}`, `----- decision\n${JSON.stringify(decision)}`, `----- who-can\n${JSON.stringify(answer)}`].join("\n"));
    const held = new Set(decision.roles);
    const unmet = answer.alsoRequired.find((requirement) => !requirement.roles.some((role) => held.has(role)));
    if (answer.everyone !== undefined && unmet === undefined && decision.decision !== "allow") throw failure("who-can says everyone, the runtime denies");
    if (decision.decision !== "allow") {
      if (answer.nobody !== undefined) stats.checkedNobody++;
      continue;
    }
    if (answer.nobody !== undefined) throw failure("who-can says nobody, the runtime allows");
    if (unmet !== undefined) throw failure(`the runtime allows, and none of the user's roles gives ${unmet.privilege}`);
    stats.checkedAllows++;
    if (answer.alsoRequired.length > 0) stats.withRequirement++;
    if (answer.everyone !== undefined) continue;
    if (!answer.roles.some((role) => held.has(role.role))) throw failure("the runtime allows, and none of the user's roles is among who-can's");
    stats.byRole++;
  }
}

describe("who-can and authorize", () => {
  it(
    `agree on random policies and requests (${RUNS} policies)`,
    () => {
      const stats: Stats = { policies: 0, checkedAllows: 0, byRole: 0, withRequirement: 0, checkedNobody: 0 };
      fc.assert(
        fc.property(
          policyArb().map((spec) => printable(steerPolicy(spec))),
          fc.array(requestArb(), { minLength: 1, maxLength: 30 }),
          (spec, requests) => checkRequests(policyFiles(spec), requests, stats),
        ),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
      // Not vacuous: allows decided by roles, by roles with a further requirement, and "nobody" answers all occur.
      expect(stats.byRole).toBeGreaterThan(RUNS / 3);
      expect(stats.withRequirement).toBeGreaterThan(0);
      expect(stats.checkedNobody).toBeGreaterThan(0);
      if (process.env.POLICYC_FUZZ_STATS) console.log(JSON.stringify(stats));
    },
    Math.max(30_000, RUNS * 300),
  );
});
