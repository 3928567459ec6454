/**
 * What `explain` says about a deny: per missing part of the request, what
 * almost matched (near-misses.ts), and the smallest policy changes that
 * would allow it (suggest-changes.ts), each verified by deciding the
 * request again on a changed copy of the table (verify-suggestion.ts).
 *
 * Only changes to the policy are suggested. Where none helps (another
 * user's asynchronous search, the security index, a REST API closed by its
 * settings, system index permissions switched off), verification finds that
 * out and the list is empty. Search Guard tables and malformed requests get
 * no analysis.
 */
import type { GrantTarget, MissingGrant, Suggestion } from "../../table/explanation.js";
import { authorize } from "../evaluate.js";
import { readRequest } from "../request.js";
import type { TablePolicy } from "../table-policy.js";
import type { DenialContext } from "./near-grants.js";
import { nearMissesOf } from "./near-misses.js";
import { suggestChanges } from "./suggest-changes.js";

/** Near misses per missing target, and the verified suggestions, fewest extra grants first. */
export function analyzeDenial(
  policy: TablePolicy,
  input: unknown,
  targets: readonly { target: GrantTarget; privilege: string }[],
): { missing: MissingGrant[]; suggestions: Suggestion[] } {
  const context = denialContextOf(policy, input);
  if (context === undefined) return { missing: targets.map(({ target, privilege }) => ({ target, privilege, nearMisses: [] })), suggestions: [] };
  const missing = targets.map(({ target, privilege }) => ({ target, privilege, nearMisses: nearMissesOf(context, target, privilege) }));
  const denied = authorize(policy, input).decision === "deny";
  return { missing, suggestions: denied ? suggestChanges(context, input as Readonly<Record<string, unknown>>, targets) : [] };
}

/** The request read against the policy, or undefined when there is nothing to analyse. */
function denialContextOf(policy: TablePolicy, input: unknown): DenialContext | undefined {
  if (policy.searchguard !== undefined) return undefined;
  const request = readRequest(input, policy.users);
  if (typeof request === "string") return undefined;
  const heldRoles = [...request.user.roleSet.roleIds];
  return { policy, table: policy.table, request, user: request.user, heldRoles, held: new Set(heldRoles), granting: new Map() };
}
