/**
 * From a permission as written to the expanded action pattern that grants an
 * action: the written name, the action groups in between, the pattern last
 * (`kibana_all_write → indices_all → indices:*`). The table decides which
 * expanded patterns grant; the provenance only tells how each was reached,
 * so a chain is accepted only when it ends at one of those patterns.
 */
import { compilePattern, type Matcher } from "../patterns/pattern.js";
import type { ChainStep } from "../table/explanation.js";
import type { TableProvenance, WrittenName } from "../table/provenance.js";

/** One way a permission grants the action: the expanded pattern, and how the written name leads to it. */
export interface ActionGrant {
  readonly actionPattern: string;
  /** Empty when the table carries no provenance or no written name leads to the pattern. */
  readonly chain: readonly ChainStep[];
}

/** Action groups by name, with their members as written. */
export type GroupMembers = ReadonlyMap<string, readonly WrittenName[]>;

export function groupMembers(provenance: TableProvenance | undefined): GroupMembers {
  return new Map((provenance?.actionGroups ?? []).map((group) => [group.name, group.allowedActions]));
}

/** Compiles action patterns once each: who-can and diff test the same few patterns many times. */
export class ActionMatchers {
  private readonly compiled = new Map<string, Matcher>();

  matches(pattern: string, action: string): boolean {
    let matcher = this.compiled.get(pattern);
    if (matcher === undefined) this.compiled.set(pattern, (matcher = compilePattern(pattern)));
    return matcher(action);
  }
}

/**
 * Every way the permissions grant the action: one grant per written name
 * that leads to a granting pattern (the first chain found, members in
 * written order), then the granting patterns no written name led to.
 */
export function actionGrants(granting: readonly string[], written: readonly WrittenName[] | undefined, groups: GroupMembers): ActionGrant[] {
  if (granting.length === 0) return [];
  const targets = new Set(granting);
  const grants: ActionGrant[] = [];
  const reached = new Set<string>();
  for (const name of written ?? []) {
    const chain = chainTo(name, targets, groups, new Set());
    if (chain === undefined) continue;
    const last = chain[chain.length - 1]!.name;
    grants.push({ actionPattern: last, chain });
    reached.add(last);
  }
  for (const pattern of granting) if (!reached.has(pattern)) grants.push({ actionPattern: pattern, chain: [] });
  return grants;
}

/** The chain from a written name to one of the target patterns, depth first; groups seen on the path are not entered again (cycles). */
function chainTo(name: WrittenName, targets: ReadonlySet<string>, groups: GroupMembers, onPath: Set<string>): ChainStep[] | undefined {
  const step: ChainStep = name.at === undefined ? { name: name.value } : { name: name.value, at: name.at };
  const members = groups.get(name.value);
  if (members === undefined) return targets.has(name.value) ? [step] : undefined;
  if (onPath.has(name.value)) return undefined;
  onPath.add(name.value);
  for (const member of members) {
    const rest = chainTo(member, targets, groups, onPath);
    if (rest !== undefined) return [step, ...rest];
  }
  onPath.delete(name.value);
  // A group named like a granting pattern that none of its members reaches: the name itself is the pattern.
  return targets.has(name.value) ? [step] : undefined;
}
