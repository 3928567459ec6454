/**
 * The runtime without `explain`: loads a decision table and decides
 * requests with it. `loadTable` (index.ts) adds `explain` on top; the
 * generated module of a table compiled without provenance embeds this entry
 * alone (scripts/bundle-runtime.mjs), which leaves the derivation code, about
 * a quarter of the runtime, out of an application's bundle.
 */
import type { AuthInfo, AuthorizationRequest, Decision, RequestUser } from "../table/request.js";
import type { DecisionTable } from "../table/types.js";
import { whoami } from "./auth-info.js";
import { authorize } from "./evaluate.js";
import type { LookupTables } from "./lookup-tables.js";
import { TablePolicy, type PolicyOptions } from "./table-policy.js";
import { validateTable } from "./validate-table.js";

export type { AuthInfo, AuthorizationRequest, Decision, DecisionTable, LookupTables, PolicyOptions, RequestUser };

/** A loaded policy that decides requests. */
export interface Decider {
  /** Decides one request; any value is accepted, a malformed one is denied with an `error`. */
  authorize(request: AuthorizationRequest | unknown): Decision;
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
export function loadDecider(table: unknown, options: PolicyOptions = {}): Decider {
  return deciderOf(loadTablePolicy(table, options));
}

/** The checked, prepared table that every answer reads. */
export function loadTablePolicy(table: unknown, options: PolicyOptions): TablePolicy {
  return new TablePolicy(validateTable(table), options);
}

/** The decisions of a prepared table. */
export function deciderOf(policy: TablePolicy): Decider {
  return {
    table: policy.table,
    authorize: (request: unknown) => authorize(policy, request),
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
