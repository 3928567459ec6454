/**
 * policyc's runtime: loads a decision table and decides requests with it.
 * It depends on nothing of the compiler (no YAML, no parser, no schemas), so
 * an application can ship a table and this module alone.
 *
 * @example
 * const policy = loadTable(JSON.parse(readFileSync("out/policy.json", "utf8")));
 * policy.authorize({ user: { name: "judy", backend_roles: ["IT"] }, action: "indices:data/read/search", indices: ["logs-1"] });
 */
import type { Explanation } from "../table/explanation.js";
import type { AuthInfo, AuthorizationRequest, Decision, RequestUser } from "../table/request.js";
import type { DecisionTable } from "../table/types.js";
import { deciderOf, loadTablePolicy, type Decider } from "./decider.js";
import { explainRequest } from "./explain/explain.js";
import { buildLookupTables, LOOKUP_FORMAT, LOOKUP_VERSION, type LookupTables } from "./lookup-tables.js";
import type { PolicyOptions } from "./table-policy.js";
import { TableFormatError } from "./validate-table.js";
import { LookupFormatError } from "./validate-lookup.js";

export type { AuthInfo, AuthorizationRequest, Decider, Decision, DecisionTable, Explanation, LookupTables, PolicyOptions, RequestUser };
export { buildLookupTables, LOOKUP_FORMAT, LOOKUP_VERSION, LookupFormatError, TableFormatError };

/** A loaded policy: its decisions, and their derivations. */
export interface Policy extends Decider {
  /**
   * The decision `authorize` gives for the request, with its derivation: the
   * step that decided, how the user got each role, what granted each part
   * of an allowed request, what is missing from a denied one and the
   * changes that would allow it. Any value is accepted. Locations and
   * action-group chains need a table compiled with provenance
   * (`policyc compile --provenance`).
   */
  explain(request: AuthorizationRequest | unknown): Explanation;
}

/**
 * Checks a decision table (the parsed JSON of `policy.json`) and prepares it.
 * @param options `cacheSize` bounds every cache; `lookup` gives the table's
 *   lookup tables (from `buildLookupTables`) instead of building them.
 * @throws TableFormatError when the value is not a table this runtime reads.
 * @throws LookupFormatError when `lookup` is malformed or belongs to another table.
 */
export function loadTable(table: unknown, options: PolicyOptions = {}): Policy {
  const policy = loadTablePolicy(table, options);
  return { ...deciderOf(policy), explain: (request: unknown) => explainRequest(policy, request) };
}
