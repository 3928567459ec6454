/**
 * The changes that would allow a denied request, smallest first: whole-
 * request changes before those that fix part of it, then by how many other
 * known actions they grant (`alsoGrants`), then adding an action before
 * adding a pattern before mapping the user. Each is verified by deciding
 * the request again on the changed table; only those that then allow it
 * are returned, at most `SUGGESTIONS_PER_KIND` of each kind.
 */
import { restApiPermission } from "../../rules/rest-api.js";
import type { GrantTarget, Suggestion } from "../../table/explanation.js";
import { nearPrivilegeOf, type DenialContext } from "./near-grants.js";
import { nearOrder } from "./near-wording.js";
import { suggestGroupsOf } from "./suggest-action-groups.js";
import { suggestKnownActionsOf } from "./suggest-known-actions.js";
import { suggestMappings } from "./suggest-mapping.js";
import { suggestClusterChanges, suggestIndexActionChanges, suggestIndexPatternChanges, type SuggestCandidate, type SuggestNeed, type SuggestTools } from "./suggest-role-changes.js";
import { SuggestionVerifier } from "./verify-suggestion.js";

/** Suggestions of each kind at most. */
export const SUGGESTIONS_PER_KIND = 5;
/** Changes verified at most per request: each loads a changed copy of the user's part of the table. */
const SUGGEST_MAX_CHECKS = 40;

const SUGGEST_KIND_ORDER: Readonly<Record<Suggestion["kind"], number>> = { "add-action": 0, "add-index-pattern": 1, "map-user": 2 };

type SuggestTarget = { target: GrantTarget; privilege: string };

/** The verified suggestions for a denied request (`input` as given, read into `context.request`). */
export function suggestChanges(context: DenialContext, input: Readonly<Record<string, unknown>>, targets: readonly SuggestTarget[]): Suggestion[] {
  const table = context.table;
  const tools: SuggestTools = { known: suggestKnownActionsOf(table), groups: table.provenance === undefined ? undefined : suggestGroupsOf(table.provenance) };
  const restApi = context.policy.actions.info(context.request.action).restApi;
  const wanted = restApi === undefined ? targets : suggestRestApiTargets(context, targets);
  const candidates = [
    ...suggestRoleChanges(context, wanted, tools),
    ...suggestMappings(context, wanted, restApi === undefined ? [] : table.settings.restapiRolesEnabled, tools.known),
  ].sort(suggestRanking);
  if (candidates.length === 0) return [];
  const verifier = new SuggestionVerifier(table, input, context.user.roleSet.names);
  const perKind = new Map<Suggestion["kind"], number>();
  const kept: Suggestion[] = [];
  for (const candidate of candidates) {
    const kind = candidate.suggestion.kind;
    if ((perKind.get(kind) ?? 0) >= SUGGESTIONS_PER_KIND) continue;
    if (verifier.checked >= SUGGEST_MAX_CHECKS) break;
    if (!verifier.allows(candidate.change, candidate.part)) continue;
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    kept.push(candidate.suggestion);
  }
  return kept;
}

/** Role changes for the privilege of the first missing target, over the targets that miss it. */
function suggestRoleChanges(context: DenialContext, targets: readonly SuggestTarget[], tools: SuggestTools): SuggestCandidate[] {
  const first = targets[0];
  if (first === undefined) return [];
  const privilege = nearPrivilegeOf(context, first.privilege);
  const same = targets.filter((target) => target.privilege === first.privilege).map(({ target }) => target);
  if (same.some((target) => target.kind === "cluster")) return suggestClusterChanges(context, { privilege, indices: [] }, tools);
  const named = same.flatMap((target) => (target.kind === "index" ? [target.index] : []));
  const need: SuggestNeed = { privilege, indices: same.some((target) => target.kind === "all-indices") ? undefined : named };
  if (need.indices?.length === 0) return [];
  return [...suggestIndexActionChanges(context, need, tools), ...suggestIndexPatternChanges(context, need, tools)];
}

/**
 * A REST API request misses the endpoint's permission, which only counts
 * with `plugins.security.restapi.admin.enabled` (verification drops the
 * suggestion otherwise); the deny may name nothing missing.
 */
function suggestRestApiTargets(context: DenialContext, targets: readonly SuggestTarget[]): SuggestTarget[] {
  if (targets.length > 0) return [...targets];
  const target = context.policy.actions.info(context.request.action).restApi;
  if (target?.endpoint === undefined) return [];
  const permission = restApiPermission(target.endpoint, context.request.method ?? target.method);
  return permission === undefined ? [] : [{ target: { kind: "cluster" }, privilege: permission }];
}

function suggestRanking(a: SuggestCandidate, b: SuggestCandidate): number {
  const x = a.suggestion;
  const y = b.suggestion;
  return (
    Number(a.part !== undefined) - Number(b.part !== undefined) ||
    x.alsoGrants - y.alsoGrants ||
    SUGGEST_KIND_ORDER[x.kind] - SUGGEST_KIND_ORDER[y.kind] ||
    nearOrder(x.role, y.role) ||
    suggestEntryOf(x) - suggestEntryOf(y) ||
    nearOrder(suggestWhatOf(x), suggestWhatOf(y))
  );
}

function suggestEntryOf(suggestion: Suggestion): number {
  return suggestion.kind === "map-user" ? -1 : (suggestion.entry ?? -1);
}

function suggestWhatOf(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case "add-action":
      return suggestion.action;
    case "add-index-pattern":
      return suggestion.pattern;
    case "map-user":
      return suggestion.user;
  }
}
