/**
 * Changes to the roles the user holds that would grant what is missing:
 * (a) the action, or the smallest action group with it, added to a role's
 * cluster permissions (cluster actions) or to the index permission that
 * covers the index (index actions; a new index permission on the missing
 * indices when none of the role covers them all), and (b) the index name
 * added to an index permission that has the action. Built-in roles are left
 * alone: a policy cannot change them.
 */
import type { Suggestion } from "../../table/explanation.js";
import type { TableLocation } from "../../table/provenance.js";
import { nearEntryGrants, nearEntryMatch, nearEntryUniversal, type DenialContext, type NearPrivilege } from "./near-grants.js";
import { nearBuiltinRole, nearEntryAt, nearEntryPatterns, nearOrder, nearOtherActions, nearRoleAt, nearTick, nearTickList, nearWithAt } from "./near-wording.js";
import { suggestSmallestGroup, type SuggestGroup } from "./suggest-action-groups.js";
import { suggestCountGranted, SUGGEST_CLUSTER_KIND, SUGGEST_INDEX_KIND, type SuggestKnownActions } from "./suggest-known-actions.js";
import type { VerifyChange } from "./verify-table-draft.js";

/** A suggestion with the table change that verifies it and the part of the request it fixes (undefined: all). */
export interface SuggestCandidate {
  readonly suggestion: Suggestion;
  readonly change: VerifyChange;
  readonly part: readonly string[] | undefined;
}

/** What the request misses, gathered from its missing targets. */
export interface SuggestNeed {
  readonly privilege: NearPrivilege;
  /** The missing index names; undefined when the request names no index and so needs all. */
  readonly indices: readonly string[] | undefined;
}

/** What suggestions are measured and expanded with. */
export interface SuggestTools {
  readonly known: SuggestKnownActions;
  /** The provenance's action groups; undefined without provenance (no group suggestions then). */
  readonly groups: readonly SuggestGroup[] | undefined;
}

/** Held roles a suggestion may change, at most. */
const SUGGEST_ROLES_CONSIDERED = 8;
/** Missing index names an index pattern is suggested for, at most. */
const SUGGEST_NAMES_CONSIDERED = 5;

/** The held roles a policy may change, most relevant first (`relevance` 0 best), at most `SUGGEST_ROLES_CONSIDERED`. */
function suggestChangeableRoles(context: DenialContext, relevance: (roleId: number) => number): number[] {
  const roles = context.heldRoles.filter((roleId) => !nearBuiltinRole(context.table, roleId));
  const names = context.table.roles;
  return roles
    .map((roleId) => ({ roleId, rank: relevance(roleId) }))
    .sort((a, b) => a.rank - b.rank || nearOrder(names[a.roleId]!.name, names[b.roleId]!.name))
    .slice(0, SUGGEST_ROLES_CONSIDERED)
    .map(({ roleId }) => roleId);
}

/** (a) for a cluster privilege: the action, and the smallest group with it, in each held role's cluster permissions. */
export function suggestClusterChanges(context: DenialContext, need: SuggestNeed, tools: SuggestTools): SuggestCandidate[] {
  const table = context.table;
  const action = need.privilege.name;
  const candidates: SuggestCandidate[] = [];
  for (const roleId of suggestChangeableRoles(context, (id) => (table.roles[id]!.cluster.length > 0 ? 0 : 1))) {
    const role = table.roles[roleId]!.name;
    const existing = table.roles[roleId]!.cluster.map((id) => table.actionPatterns[id]!);
    const at = nearRoleAt(table, roleId);
    const place = `the cluster permissions of role ${nearTick(role)}`;
    const exact = suggestCountGranted(tools.known, [action], SUGGEST_CLUSTER_KIND, existing, action);
    // Verification keeps a REST API permission only while the setting lets such a permission open the endpoint.
    const why = need.privilege.restApi ? " (it counts while `plugins.security.restapi.admin.enabled` is on)" : "";
    candidates.push(suggestAddAction({ role, action, alsoGrants: exact, detail: `add ${nearTick(action)} to ${place}${why}` }, at, { kind: "cluster-actions", role, patterns: [action] }, undefined));
    const choice = tools.groups && suggestSmallestGroup(tools.groups, tools.known, action, SUGGEST_CLUSTER_KIND, need.privilege.restApi);
    if (choice === undefined) continue;
    const extra = suggestCountGranted(tools.known, choice.group.actions, SUGGEST_CLUSTER_KIND, existing, action);
    const detail = `add action group ${nearTick(choice.group.name)} (it grants ${nearTick(action)}) to ${place}; it also grants ${nearOtherActions(extra)}`;
    candidates.push(suggestAddAction({ role, action: choice.group.name, alsoGrants: extra, detail }, at, { kind: "cluster-actions", role, patterns: choice.group.expanded }, undefined));
  }
  return candidates;
}

/**
 * (a) for an index privilege: the action, and the smallest group with it,
 * in each index permission of a held role that covers missing indices (the
 * ones it covers, when not all), or in a new index permission on all of them.
 */
export function suggestIndexActionChanges(context: DenialContext, need: SuggestNeed, tools: SuggestTools): SuggestCandidate[] {
  const table = context.table;
  const candidates: SuggestCandidate[] = [];
  const coveredBy = (roleId: number, k: number) => suggestCovered(context, roleId, k, need.indices);
  const relevance = (roleId: number) => (table.roles[roleId]!.index.some((_, k) => coveredBy(roleId, k).length > 0) ? 0 : table.roles[roleId]!.index.length > 0 ? 1 : 2);
  for (const roleId of suggestChangeableRoles(context, relevance)) {
    const role = table.roles[roleId]!;
    let coversAll = false;
    role.index.forEach((entry, k) => {
      const covered = coveredBy(roleId, k);
      if (covered.length === 0 || nearEntryGrants(entry, need.privilege)) return;
      const whole = need.indices === undefined || covered.length === need.indices.length;
      coversAll ||= whole;
      const place = `the index permission on ${nearTickList(nearEntryPatterns(table, roleId, k))} of role ${nearTick(role.name)}`;
      const existing = entry.actions.map((id) => table.actionPatterns[id]!);
      const part = whole ? undefined : covered;
      const change = (patterns: readonly string[]): VerifyChange => ({ kind: "entry-actions", role: role.name, entry: k, patterns });
      candidates.push(...suggestActionPair(need, tools, { role: role.name, entry: k, place, existing, at: nearEntryAt(table, roleId, k), part, change }));
    });
    if (coversAll) continue;
    const indexPatterns = need.indices ?? ["*"];
    const place = `a new index permission on ${nearTickList(indexPatterns, SUGGEST_NAMES_CONSIDERED)} of role ${nearTick(role.name)}`;
    const change = (patterns: readonly string[]): VerifyChange => ({ kind: "new-entry", role: role.name, indexPatterns, patterns });
    candidates.push(...suggestActionPair(need, tools, { role: role.name, entry: role.index.length, newPatterns: indexPatterns, place, existing: [], at: nearRoleAt(table, roleId), part: undefined, change }));
  }
  return candidates;
}

interface SuggestPlace {
  readonly role: string;
  readonly entry: number;
  /** The index patterns of a new index permission, when the action goes into one. */
  readonly newPatterns?: readonly string[];
  /** `the index permission on … of role …`, for the detail. */
  readonly place: string;
  readonly existing: readonly string[];
  readonly at: TableLocation | undefined;
  readonly part: readonly string[] | undefined;
  readonly change: (patterns: readonly string[]) => VerifyChange;
}

/** The action, and the smallest group with it, added to one index permission. */
function suggestActionPair(need: SuggestNeed, tools: SuggestTools, where: SuggestPlace): SuggestCandidate[] {
  const action = need.privilege.name;
  const fixes = where.part === undefined ? "" : `; this fixes ${nearTickList(where.part, SUGGEST_NAMES_CONSIDERED)} only`;
  const exact = suggestCountGranted(tools.known, [action], SUGGEST_INDEX_KIND, where.existing, action);
  const target = { role: where.role, entry: where.entry, ...(where.newPatterns !== undefined ? { indexPatterns: where.newPatterns } : {}) };
  const pair = [suggestAddAction({ ...target, action, alsoGrants: exact, detail: `add ${nearTick(action)} to ${where.place}${fixes}` }, where.at, where.change([action]), where.part)];
  const choice = tools.groups && suggestSmallestGroup(tools.groups, tools.known, action, SUGGEST_INDEX_KIND, need.privilege.systemIndex);
  if (choice !== undefined) {
    const extra = suggestCountGranted(tools.known, choice.group.actions, SUGGEST_INDEX_KIND, where.existing, action);
    const detail = `add action group ${nearTick(choice.group.name)} (it grants ${nearTick(action)}) to ${where.place}; it also grants ${nearOtherActions(extra)} there${fixes}`;
    pair.push(suggestAddAction({ ...target, action: choice.group.name, alsoGrants: extra, detail }, where.at, where.change(choice.group.expanded), where.part));
  }
  return pair;
}

/** (b) each missing index name added to each index permission of a held role that grants the action. */
export function suggestIndexPatternChanges(context: DenialContext, need: SuggestNeed, tools: SuggestTools): SuggestCandidate[] {
  const table = context.table;
  const action = need.privilege.name;
  const names = (need.indices ?? ["*"]).slice(0, SUGGEST_NAMES_CONSIDERED);
  const candidates: SuggestCandidate[] = [];
  const granting = (roleId: number) => table.roles[roleId]!.index.some((entry) => nearEntryGrants(entry, need.privilege));
  for (const roleId of suggestChangeableRoles(context, (id) => (granting(id) ? 0 : 1))) {
    const role = table.roles[roleId]!;
    role.index.forEach((entry, k) => {
      if (!nearEntryGrants(entry, need.privilege)) return;
      const actions = entry.actions.map((id) => table.actionPatterns[id]!);
      for (const name of names) {
        const part = need.indices !== undefined && need.indices.length > 1 ? [name] : undefined;
        const alsoGrants = suggestCountGranted(tools.known, actions, SUGGEST_INDEX_KIND, suggestHeldActionsOn(context, name), action);
        const fixes = part === undefined ? "" : `; this fixes ${nearTick(name)} only`;
        const detail = `add ${nearTick(name)} to the index patterns of the index permission on ${nearTickList(nearEntryPatterns(table, roleId, k))} of role ${nearTick(role.name)}, which grants ${nearTick(action)}; it also grants ${nearOtherActions(alsoGrants)} on ${name === "*" ? "every index" : nearTick(name)}${fixes}`;
        const suggestion: Suggestion = nearWithAt({ kind: "add-index-pattern", role: role.name, entry: k, pattern: name, alsoGrants, detail }, nearEntryAt(table, roleId, k));
        candidates.push({ suggestion, change: { kind: "entry-pattern", role: role.name, entry: k, pattern: name }, part });
      }
    });
  }
  return candidates;
}

/** The missing names (or, for all indices, `*`) that index permission `k` of the role covers. */
function suggestCovered(context: DenialContext, roleId: number, k: number, indices: readonly string[] | undefined): readonly string[] {
  const entry = context.table.roles[roleId]!.index[k]!;
  if (indices === undefined) return nearEntryUniversal(context, entry) >= 0 ? ["*"] : [];
  return indices.filter((index) => nearEntryMatch(context, entry, index) >= 0);
}

/** The action patterns the user's index permissions already have on the name (`*`: on every index). */
function suggestHeldActionsOn(context: DenialContext, name: string): string[] {
  const table = context.table;
  const actions: string[] = [];
  for (const roleId of context.heldRoles) {
    for (const entry of table.roles[roleId]!.index) {
      const covers = name === "*" ? nearEntryUniversal(context, entry) >= 0 : nearEntryMatch(context, entry, name) >= 0;
      if (covers) for (const id of entry.actions) actions.push(table.actionPatterns[id]!);
    }
  }
  return actions;
}

function suggestAddAction(
  fields: { role: string; entry?: number; indexPatterns?: readonly string[]; action: string; alsoGrants: number; detail: string },
  at: TableLocation | undefined,
  change: VerifyChange,
  part: readonly string[] | undefined,
): SuggestCandidate {
  return { suggestion: nearWithAt({ kind: "add-action", ...fields }, at), change, part };
}
