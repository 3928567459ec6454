/**
 * A Search Guard table's roles compiled for checks: action patterns compiled
 * once and tested per action name (the membership of each action name in
 * the pattern pool is cached), and each index or tenant entry's patterns
 * split as Search Guard splits them (rule 4; `authz/config/Role.java`
 * IndexPatterns.Builder): the patterns without variables form one pattern,
 * from which the negations among them are removed (negations written before
 * the first of them restrict nothing); each pattern with variables is
 * rendered per user and restricted by the negations written after it.
 */
import { compilePattern, type Matcher } from "../../patterns/pattern.js";
import { isSearchGuardTemplate, renderSearchGuardTemplate, type SearchGuardSubject } from "../../patterns/searchguard-template.js";
import type { DecisionTable } from "../../table/types.js";
import { BoundedCache } from "../bounded-cache.js";

/** Names a list of patterns grants: some pattern matches and no negation does. */
export interface SearchGuardNames {
  /** The patterns without variables, negations removed: match, then `excluded` must not. */
  readonly constant: Matcher;
  readonly constantExclusions: Matcher;
  /** Whether the constant part is `*` with no negation, which covers every name. */
  readonly universal: boolean;
  readonly templates: readonly { readonly pattern: string; readonly exclusions: Matcher }[];
}

export interface SearchGuardEntry {
  /** Ids into the table's action patterns. */
  readonly actions: readonly number[];
  readonly names: SearchGuardNames;
}

export interface SearchGuardRole {
  readonly cluster: readonly number[];
  readonly excludeCluster: readonly number[];
  readonly index: readonly SearchGuardEntry[];
  readonly tenants: readonly SearchGuardEntry[];
}

const SG_MATCH_NOTHING: Matcher = () => false;

/** The compiled roles of a Search Guard table. */
export class SearchGuardRoles {
  readonly roles: readonly SearchGuardRole[];
  private readonly actionMatchers: readonly Matcher[];
  private readonly memberships: BoundedCache<string, Uint8Array>;

  constructor(table: DecisionTable, cacheSize: number) {
    this.actionMatchers = table.actionPatterns.map(compilePattern);
    this.memberships = new BoundedCache(cacheSize);
    this.roles = table.roles.map((role) => ({
      cluster: role.cluster,
      excludeCluster: role.excludeCluster ?? [],
      index: role.index.map((entry) => ({ actions: entry.actions, names: compileNames(entry.patterns.map((id) => table.indexPatterns[id]!)) })),
      tenants: role.tenants.map((entry) => ({ actions: entry.actions ?? [], names: compileNames(entry.patterns) })),
    }));
  }

  /** Per action pattern id, 1 when the pattern matches the action name. */
  membershipOf(action: string): Uint8Array {
    const known = this.memberships.get(action);
    if (known !== undefined) return known;
    const membership = Uint8Array.from(this.actionMatchers, (matches) => (matches(action) ? 1 : 0));
    this.memberships.set(action, membership);
    return membership;
  }
}

/** Whether one of the ids is a member. */
export function anyMember(ids: readonly number[], membership: Uint8Array): boolean {
  for (let i = 0; i < ids.length; i++) if (membership[ids[i]!] === 1) return true;
  return false;
}

/** Whether the names grant `name` for the subject; a template that fails to render grants nothing. */
export function namesGrant(names: SearchGuardNames, name: string, subject: SearchGuardSubject): boolean {
  return constantNamesGrant(names, name) || templatesGrant(names, name, subject);
}

/** Whether the patterns without variables grant `name`. */
export function constantNamesGrant(names: SearchGuardNames, name: string): boolean {
  return names.constant(name) && !names.constantExclusions(name);
}

/** Whether a pattern with variables, rendered for the subject, grants `name`. */
export function templatesGrant(names: SearchGuardNames, name: string, subject: SearchGuardSubject): boolean {
  for (const template of names.templates) {
    const rendered = renderSearchGuardTemplate(template.pattern, subject);
    if (rendered !== undefined && compilePattern(rendered)(name) && !template.exclusions(name)) return true;
  }
  return false;
}

/** Splits a list of patterns, in written order, the way Search Guard builds its index patterns. */
export function compileNames(patterns: readonly string[]): SearchGuardNames {
  const constants = withoutLeadingNegations(patterns.filter((p) => !isSearchGuardTemplate(p)));
  const positives = constants.filter((p) => !p.startsWith("-"));
  const negations = constants.filter((p) => p.startsWith("-")).map((p) => p.slice(1));
  const templates = patterns.flatMap((pattern, i) => (isSearchGuardTemplate(pattern) ? [{ pattern, exclusions: anyOf(negationsAfter(patterns, i)) }] : []));
  return { constant: anyOf(positives), constantExclusions: anyOf(negations), universal: positives.includes("*") && negations.length === 0, templates };
}

/** Negations before the first positive constant pattern are dropped (Role.java removeLeadingNegations). */
function withoutLeadingNegations(constants: readonly string[]): readonly string[] {
  const first = constants.findIndex((p) => !p.startsWith("-"));
  return first < 0 ? [] : constants.slice(first);
}

/** The negated patterns (without `-`) written after position `i`, constant ones only. */
function negationsAfter(patterns: readonly string[], i: number): string[] {
  return patterns.slice(i + 1).flatMap((p) => (p.startsWith("-") && !isSearchGuardTemplate(p) ? [p.slice(1)] : []));
}

function anyOf(patterns: readonly string[]): Matcher {
  if (patterns.length === 0) return SG_MATCH_NOTHING;
  const matchers = patterns.map(compilePattern);
  return matchers.length === 1 ? matchers[0]! : (value) => matchers.some((m) => m(value));
}
