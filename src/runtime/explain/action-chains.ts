/**
 * The chain from a permission as written to the expanded action pattern
 * that matched: `kibana_all_write → indices_all → indices:*`. The compiler
 * expands a group by exact name through its members, recursively
 * (resolve-action-groups.ts), so the chain is a path in the graph of the
 * groups' members as written (the table's provenance): breadth first, the
 * shortest path, ties broken by the names along it.
 */
import type { ChainStep } from "../../table/explanation.js";
import type { ProvenanceActionGroup, TableProvenance, WrittenName } from "../../table/provenance.js";
import { compareCodeUnits } from "../mapping-lookup.js";

/** The action groups of a table's provenance by name. */
export type ActionGroupsByName = ReadonlyMap<string, ProvenanceActionGroup>;

export function actionGroupsByName(provenance: TableProvenance): ActionGroupsByName {
  return new Map(provenance.actionGroups.map((group) => [group.name, group]));
}

/** The shortest chain from one of `written` to `pattern`, or empty when none leads there. */
export function actionChain(groups: ActionGroupsByName, written: readonly WrittenName[], pattern: string): ChainStep[] {
  return shortestActionChain(groups, written, (name) => name === pattern);
}

/**
 * The shortest chain from one of `written` to a name `isTarget` accepts, or
 * empty when none leads there (who-can asks for any of the patterns that
 * grant an action). A frontier kept sorted by path makes the first path that
 * reaches a group the least one by name among the shortest.
 */
export function shortestActionChain(groups: ActionGroupsByName, written: readonly WrittenName[], isTarget: (name: string) => boolean): ChainStep[] {
  let frontier = [...written].sort((a, b) => compareCodeUnits(a.value, b.value)).map((name) => [stepOf(name)]);
  const visited = new Set<string>();
  while (frontier.length > 0) {
    const found = frontier.find((path) => isTarget(path[path.length - 1]!.name));
    if (found !== undefined) return found;
    const next: ChainStep[][] = [];
    for (const path of frontier) {
      const name = path[path.length - 1]!.name;
      const group = groups.get(name);
      if (group === undefined || visited.has(name)) continue;
      visited.add(name);
      const members = [...group.allowedActions].sort((a, b) => compareCodeUnits(a.value, b.value));
      for (const member of members) next.push([...path, stepOf(member)]);
    }
    frontier = next;
  }
  return [];
}

function stepOf(name: WrittenName): ChainStep {
  return name.at === undefined ? { name: name.value } : { name: name.value, at: name.at };
}
