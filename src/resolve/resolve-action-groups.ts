/**
 * Flattens action groups the way the plugin does (FlattenedActionGroups):
 * a group's actions are its own entries plus, for every entry that names a
 * group, that group's actions, recursively by exact name. Cycles terminate:
 * every member of a cycle gets the union of the cycle. Names that are not
 * groups stay as literal action patterns.
 */
import type { DiagnosticSink, RelatedLocation } from "../diagnostics/diagnostic.js";
import type { ActionGroup, LocatedString } from "../model/types.js";

export interface ActionGroupIndex {
  /** The flattened actions of each group (the group names reached included), sorted. */
  readonly flattened: ReadonlyMap<string, readonly string[]>;
  readonly groups: ReadonlyMap<string, ActionGroup>;
}

export function resolveActionGroups(groups: readonly ActionGroup[], sink: DiagnosticSink): ActionGroupIndex {
  const byName = new Map<string, ActionGroup>();
  for (const group of groups) if (!byName.has(group.name.value)) byName.set(group.name.value, group);
  const flattened = new Map<string, readonly string[]>();
  for (const name of byName.keys()) flattened.set(name, flattenGroup(name, byName));
  reportCycles(byName, sink);
  return { flattened, groups: byName };
}

/** Every action reachable from `name` through group names, depth-first with a visited set. */
function flattenGroup(name: string, byName: ReadonlyMap<string, ActionGroup>): string[] {
  const result = new Set<string>();
  const visited = new Set<string>([name]);
  const stack = [name];
  while (stack.length) {
    const group = byName.get(stack.pop()!);
    for (const action of group?.allowedActions ?? []) {
      result.add(action.value);
      if (byName.has(action.value) && !visited.has(action.value)) {
        visited.add(action.value);
        stack.push(action.value);
      }
    }
  }
  return [...result].sort();
}

/** Expands a list of allowed actions through the groups: the names themselves plus each group's actions. */
export function expandActions(actions: readonly LocatedString[], index: ActionGroupIndex): string[] {
  const result = new Set<string>();
  for (const action of actions) {
    result.add(action.value);
    for (const member of index.flattened.get(action.value) ?? []) result.add(member);
  }
  return [...result].sort();
}

/**
 * Reports each cycle once, as a warning at its alphabetically first member,
 * naming the whole cycle with the location of every hop.
 */
function reportCycles(byName: ReadonlyMap<string, ActionGroup>, sink: DiagnosticSink): void {
  for (const component of stronglyConnectedGroups(byName)) {
    const cycle = orderCycle(component, byName);
    const first = byName.get(cycle[0]!)!;
    const related: RelatedLocation[] = [];
    cycle.forEach((name, i) => {
      const next = cycle[(i + 1) % cycle.length]!;
      const hop = byName.get(name)!.allowedActions.find((a) => a.value === next);
      if (hop?.span) related.push({ message: `\`${name}\` includes \`${next}\``, span: hop.span });
    });
    const path = [...cycle, cycle[0]].map((n) => `\`${n}\``).join(" → ");
    sink.report("PC3002", `action groups form a cycle: ${path}`, first.name.span, {
      help: "the plugin accepts it and gives every group in the cycle the union of their actions",
      related,
    });
  }
}

/** Tarjan's algorithm over group-to-group references; returns components that contain a cycle. */
function stronglyConnectedGroups(byName: ReadonlyMap<string, ActionGroup>): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const edges = (name: string) => (byName.get(name)?.allowedActions ?? []).map((a) => a.value).filter((a) => byName.has(a));
  const visit = (name: string): void => {
    indexOf.set(name, indexOf.size);
    lowLink.set(name, indexOf.get(name)!);
    stack.push(name);
    onStack.add(name);
    for (const next of edges(name)) {
      if (!indexOf.has(next)) {
        visit(next);
        lowLink.set(name, Math.min(lowLink.get(name)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(name, Math.min(lowLink.get(name)!, indexOf.get(next)!));
      }
    }
    if (lowLink.get(name) !== indexOf.get(name)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== name);
    if (component.length > 1 || edges(name).includes(name)) components.push(component.sort());
  };
  for (const name of [...byName.keys()].sort()) if (!indexOf.has(name)) visit(name);
  return components.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Orders a component as a walk from its first member back to itself, for a readable message. */
function orderCycle(component: readonly string[], byName: ReadonlyMap<string, ActionGroup>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const path = [start];
  const seen = new Set([start]);
  let current = start;
  for (;;) {
    const refs = (byName.get(current)?.allowedActions ?? []).map((a) => a.value).filter((a) => members.has(a));
    const next = refs.find((r) => !seen.has(r));
    if (next === undefined) return path;
    path.push(next);
    seen.add(next);
    current = next;
  }
}
