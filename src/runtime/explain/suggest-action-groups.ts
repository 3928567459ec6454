/**
 * The action groups of a table's provenance, flattened as the compiler
 * flattens them (resolve-action-groups.ts, the plugin's
 * FlattenedActionGroups): a member that names a group stands for that
 * group's members, recursively by exact name, cycles ending where they
 * close. Written into a permission, a group expands to its own name and
 * everything it reaches, which is what a changed table must hold.
 */
import { compilePattern } from "../../patterns/pattern.js";
import type { TableProvenance } from "../../table/provenance.js";
import { nearOrder } from "./near-wording.js";
import { suggestActionKind, suggestCountGranted, SUGGEST_CLUSTER_KIND, SUGGEST_INDEX_KIND, type SuggestKnownActions } from "./suggest-known-actions.js";

export interface SuggestGroup {
  readonly name: string;
  /** The name and every member reached, group names included: the permission's expansion. */
  readonly expanded: readonly string[];
  /** The action patterns among `expanded` (the members that name no group). */
  readonly actions: readonly string[];
}

const suggestGroupsByProvenance = new WeakMap<TableProvenance, readonly SuggestGroup[]>();

/** Every action group of the provenance, flattened; worked out once per table. */
export function suggestGroupsOf(provenance: TableProvenance): readonly SuggestGroup[] {
  let groups = suggestGroupsByProvenance.get(provenance);
  if (groups === undefined) {
    const members = new Map<string, readonly string[]>();
    for (const group of provenance.actionGroups) if (!members.has(group.name)) members.set(group.name, group.allowedActions.map((name) => name.value));
    groups = [...members.keys()].map((name) => {
      const expanded = suggestExpandGroup(name, members);
      return { name, expanded, actions: expanded.filter((member) => !members.has(member)) };
    });
    suggestGroupsByProvenance.set(provenance, groups);
  }
  return groups;
}

/** The group's name and every member reachable through group names, sorted. */
function suggestExpandGroup(name: string, members: ReadonlyMap<string, readonly string[]>): string[] {
  const reached = new Set<string>([name]);
  const stack = [name];
  while (stack.length > 0) {
    for (const member of members.get(stack.pop()!) ?? []) {
      if (reached.has(member)) continue;
      reached.add(member);
      if (members.has(member)) stack.push(member);
    }
  }
  return [...reached].sort(nearOrder);
}

/** A group chosen for a privilege, with how many known actions of the permission's kind it grants besides. */
export interface SuggestGroupChoice {
  readonly group: SuggestGroup;
  readonly extra: number;
}

/**
 * The smallest group that grants the privilege in a permission of the kind:
 * fewest other known actions of that kind, then fewest patterns, then name.
 * Groups mostly made of the other kind's actions are left out (an index
 * group in cluster permissions grants nothing else there, but reads as a
 * mistake and the linter says so). `*` does not count for
 * `system:admin/system_index` or a REST API permission, which need an
 * explicit grant.
 */
export function suggestSmallestGroup(groups: readonly SuggestGroup[], known: SuggestKnownActions, privilege: string, kind: number, explicitOnly: boolean): SuggestGroupChoice | undefined {
  let best: SuggestGroupChoice | undefined;
  for (const group of groups) {
    if (!suggestGroupHas(group, privilege, explicitOnly) || !suggestGroupFits(group, kind)) continue;
    const extra = suggestCountGranted(known, group.actions, kind, [], privilege);
    const better =
      best === undefined ||
      extra < best.extra ||
      (extra === best.extra && (group.actions.length < best.group.actions.length || (group.actions.length === best.group.actions.length && nearOrder(group.name, best.group.name) < 0)));
    if (better) best = { group, extra };
  }
  return best;
}

function suggestGroupHas(group: SuggestGroup, privilege: string, explicitOnly: boolean): boolean {
  return group.actions.some((action) => !(explicitOnly && action === "*") && compilePattern(action)(privilege));
}

/** Whether at least as many of the group's action patterns reach the kind as reach the other one. */
function suggestGroupFits(group: SuggestGroup, kind: number): boolean {
  let same = 0;
  let other = 0;
  for (const action of group.actions) {
    const kinds = suggestActionKind(action);
    if ((kinds & kind) !== 0) same++;
    if ((kinds & (SUGGEST_CLUSTER_KIND | SUGGEST_INDEX_KIND) & ~kind) !== 0) other++;
  }
  return same > 0 && same >= other;
}
