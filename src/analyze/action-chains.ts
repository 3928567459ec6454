/**
 * From a permission as written to the expanded action pattern that grants an
 * action: the written name, the action groups in between, the pattern last
 * (`kibana_all_write → indices_all → indices:*`). The table decides which
 * expanded patterns grant; the provenance only tells how each was reached,
 * so a chain is accepted only when it ends at one of those patterns.
 */
import { compilePattern, type Matcher } from "../patterns/pattern.js";
import { actionGroupsByName, shortestActionChain, type ActionGroupsByName } from "../runtime/explain/action-chains.js";
import type { ChainStep } from "../table/explanation.js";
import type { TableProvenance, WrittenName } from "../table/provenance.js";

/** One way a permission grants the action: the expanded pattern, and how the written name leads to it. */
export interface ActionGrant {
  readonly actionPattern: string;
  /** Empty when the table carries no provenance or no written name leads to the pattern. */
  readonly chain: readonly ChainStep[];
}

/** The action groups of the table's provenance by name; none without provenance. */
export function groupsOf(provenance: TableProvenance | undefined): ActionGroupsByName {
  return provenance === undefined ? new Map() : actionGroupsByName(provenance);
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
 * that leads to a granting pattern, by the shortest chain (the one `explain`
 * shows), then the granting patterns no written name led to.
 */
export function actionGrants(granting: readonly string[], written: readonly WrittenName[] | undefined, groups: ActionGroupsByName): ActionGrant[] {
  if (granting.length === 0) return [];
  const targets = new Set(granting);
  const grants: ActionGrant[] = [];
  const reached = new Set<string>();
  for (const name of written ?? []) {
    const chain = shortestActionChain(groups, [name], (candidate) => targets.has(candidate));
    if (chain.length === 0) continue;
    const last = chain[chain.length - 1]!.name;
    grants.push({ actionPattern: last, chain });
    reached.add(last);
  }
  for (const pattern of granting) if (!reached.has(pattern)) grants.push({ actionPattern: pattern, chain: [] });
  return grants;
}
