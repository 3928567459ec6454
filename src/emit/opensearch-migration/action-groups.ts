/**
 * Search Guard action groups in OpenSearch terms. A built-in `SGS_` group is
 * replaced by the OpenSearch built-in group that resolves to the same
 * actions (`SGS_CLUSTER_MONITOR` → `cluster_monitor`); one without such a twin
 * (`SGS_READ` also grants `indices:admin/analyze`, OpenSearch's `read` does
 * not) is written as a custom group of the same name and members, so the
 * migrated policy grants exactly what it granted before. Custom groups are
 * carried over with their members renamed the same way.
 */
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { ActionGroup, LocatedString } from "../../model/types.js";
import { resolveActionGroups } from "../../resolve/resolve-action-groups.js";

export interface ActionGroupMigration {
  /** The action list OpenSearch gets for a Search Guard one. */
  readonly rename: (actions: readonly LocatedString[]) => LocatedString[];
  /** The actions a Search Guard list resolves to (group names expanded; rule 3). */
  readonly resolve: (actions: readonly LocatedString[]) => string[];
  /** The groups to write to action_groups.yml: custom ones and the built-ins without a twin that are used. */
  readonly groupsToWrite: () => ActionGroup[];
}

/** Built-in Search Guard group name → the OpenSearch built-in group with the same resolved actions. */
export function equivalentGroups(searchguard: readonly ActionGroup[], opensearch: readonly ActionGroup[]): Map<string, string> {
  const byLeaves = new Map<string, string>();
  for (const [name, leaves] of leafActions(opensearch)) if (!byLeaves.has(leaves)) byLeaves.set(leaves, name);
  const result = new Map<string, string>();
  for (const [name, leaves] of leafActions(searchguard)) {
    const twin = byLeaves.get(leaves);
    if (twin !== undefined) result.set(name, twin);
  }
  return result;
}

/** Each group's resolved actions without the names of groups, as one comparable key. */
function leafActions(groups: readonly ActionGroup[]): Map<string, string> {
  const index = resolveActionGroups(groups, new DiagnosticSink());
  const result = new Map<string, string>();
  for (const [name, flattened] of index.flattened) {
    result.set(name, JSON.stringify(flattened.filter((action) => !index.groups.has(action))));
  }
  return result;
}

/**
 * `custom` are the policy's own groups (those named like a built-in one are
 * left out: Search Guard replaces them by the built-in, rule 2).
 */
export function migrateActionGroups(custom: readonly ActionGroup[], builtins: readonly ActionGroup[], twins: ReadonlyMap<string, string>): ActionGroupMigration {
  const builtinByName = new Map(builtins.map((group) => [group.name.value, group]));
  const kept = custom.filter((group) => !builtinByName.has(group.name.value));
  const index = resolveActionGroups([...builtins, ...kept], new DiagnosticSink());
  const usedBuiltins = new Set<string>();

  const renameOne = (action: LocatedString): LocatedString => {
    const twin = twins.get(action.value);
    if (twin !== undefined) return { ...action, value: twin };
    if (builtinByName.has(action.value)) useBuiltin(action.value);
    return action;
  };
  const rename = (actions: readonly LocatedString[]): LocatedString[] => actions.map(renameOne);
  // A built-in written as a custom group brings the built-ins it names along.
  const useBuiltin = (name: string): void => {
    if (usedBuiltins.has(name)) return;
    usedBuiltins.add(name);
    rename(builtinByName.get(name)!.allowedActions);
  };
  const renamedGroup = (group: ActionGroup): ActionGroup => ({ ...group, allowedActions: rename(group.allowedActions), reserved: false, static: false });
  const resolve = (actions: readonly LocatedString[]): string[] => {
    const result = new Set<string>();
    for (const action of actions) for (const member of index.flattened.get(action.value) ?? [action.value]) result.add(member);
    return [...result].filter((action) => !index.groups.has(action)).sort();
  };
  const groupsToWrite = (): ActionGroup[] => {
    const customGroups = kept.map(renamedGroup);
    const builtinGroups = builtins.filter((group) => usedBuiltins.has(group.name.value)).map(renamedGroup);
    return [...builtinGroups, ...customGroups];
  };
  return { rename, resolve, groupsToWrite };
}
