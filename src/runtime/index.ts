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
import { whoami } from "./auth-info.js";
import { authorize } from "./evaluate.js";
import { explainRequest } from "./explain/explain.js";
import { buildLookupTables, LOOKUP_FORMAT, LOOKUP_VERSION, type LookupTables } from "./lookup-tables.js";
import { TablePolicy, type PolicyOptions } from "./table-policy.js";
import { validateTable, TableFormatError } from "./validate-table.js";
import { LookupFormatError } from "./validate-lookup.js";

export type { AuthInfo, AuthorizationRequest, Decision, DecisionTable, Explanation, LookupTables, PolicyOptions, RequestUser };
export { buildLookupTables, LOOKUP_FORMAT, LOOKUP_VERSION, LookupFormatError, TableFormatError };

/** A loaded policy. */
export interface Policy {
  /** Decides one request; any value is accepted, a malformed one is denied with an `error`. */
  authorize(request: AuthorizationRequest | unknown): Decision;
  /**
   * The decision `authorize` gives for the request, with its derivation: the
   * step that decided, how the user got each role, what granted each part
   * of an allowed request, what is missing from a denied one and the
   * changes that would allow it. Any value is accepted. Locations and
   * action-group chains need a table compiled with provenance
   * (`policyc compile --provenance`).
   */
  explain(request: AuthorizationRequest | unknown): Explanation;
  /**
   * A user's security roles after mapping, sorted, as a decision reports them.
   * @throws TypeError with the reason when the value is not a valid user.
   */
  rolesOf(user: RequestUser | unknown): readonly string[];
  /**
   * What the plugin's `_plugins/_security/authinfo` reports of the user:
   * roles, backend roles and the tenants it may open (`true` read-write).
   * `tenant` is the Dashboards tenant the request names, if any.
   * @throws TypeError with the reason when the user is not valid or the tenant not a string.
   */
  whoami(user: RequestUser | unknown, tenant?: string): AuthInfo;
  readonly table: DecisionTable;
}

/**
 * Checks a decision table (the parsed JSON of `policy.json`) and prepares it.
 * @param options `cacheSize` bounds every cache; `lookup` gives the table's
 *   lookup tables (from `buildLookupTables`) instead of building them.
 * @throws TableFormatError when the value is not a table this runtime reads.
 * @throws LookupFormatError when `lookup` is malformed or belongs to another table.
 */
export function loadTable(table: unknown, options: PolicyOptions = {}): Policy {
  const policy = new TablePolicy(validateTable(table), options);
  return {
    table: policy.table,
    authorize: (request: unknown) => authorize(policy, request),
    explain: (request: unknown) => explainRequest(policy, request),
    rolesOf: (user: unknown) => rolesOf(policy, user),
    whoami: (user: unknown, tenant?: unknown) => authInfoOf(policy, user, tenant),
  };
}

function rolesOf(policy: TablePolicy, value: unknown): readonly string[] {
  if (policy.searchguard !== undefined) return policy.searchguard.rolesOf(value);
  const user = policy.users.resolve(value);
  if (typeof user === "string") throw new TypeError(user);
  return user.roleSet.names;
}

function authInfoOf(policy: TablePolicy, value: unknown, tenant: unknown): AuthInfo {
  if (policy.searchguard !== undefined) {
    if (tenant !== undefined && typeof tenant !== "string") throw new TypeError("`tenant` must be a string");
    return policy.searchguard.whoami(value, tenant);
  }
  const user = policy.users.resolve(value);
  if (typeof user === "string") throw new TypeError(user);
  if (tenant !== undefined && typeof tenant !== "string") throw new TypeError("`tenant` must be a string");
  return whoami(policy, user, tenant);
}
