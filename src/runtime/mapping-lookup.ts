/**
 * Role mappings compiled to lookup tables: per kind of rule (`users`,
 * `backend_roles`, `hosts`) one table from pattern to the list of roles it
 * maps (exact names hashed, wildcard patterns in a trie, see `name-rules.ts`),
 * and `and_backend_roles` rules indexed by their patterns, so that mapping a
 * user costs what the user's names match, not what the policy has.
 */
import { parsePattern } from "../patterns/pattern.js";
import type { TableMapping } from "../table/types.js";
import { offsets } from "./flat-lists.js";
import { buildNameRules, type NameRulesData } from "./name-rules.js";

/** The JSON form of the compiled role mappings. Role lists are referred to as list id + 1. */
export interface MappingLookup {
  /** Every role name a mapping names, sorted. */
  readonly roleNames: readonly string[];
  /** Role lists: list `i` is `listRoles[listStart[i]]` … `listRoles[listStart[i + 1] - 1]` (ids into `roleNames`). */
  readonly listStart: readonly number[];
  readonly listRoles: readonly number[];
  /** `users` patterns, each with the list of roles it maps. */
  readonly users: NameRulesData;
  /** `backend_roles` patterns but the bare `*`. */
  readonly backendRoles: NameRulesData;
  /** The list of roles mapped by a bare `*` backend role, which maps even a user without backend roles; 0 for none. */
  readonly anyBackendRole: number;
  readonly hosts: NameRulesData;
  /** The distinct `and_backend_roles` patterns but `*`, each with its id + 1. */
  readonly andPatterns: NameRulesData;
  /** Rule `i` maps role `andRuleRoles[i]` when every pattern `andRulePatterns[andRuleStart[i]]` … matches some backend role. */
  readonly andRuleStart: readonly number[];
  readonly andRulePatterns: readonly number[];
  readonly andRuleRoles: readonly number[];
  /** Per and-pattern, the rules that contain it: `andPatternRules[andPatternRuleStart[p]]` …. */
  readonly andPatternRuleStart: readonly number[];
  readonly andPatternRules: readonly number[];
  /** Roles of `and_backend_roles` rules made of bare `*` only: they map every user. */
  readonly andAlwaysRoles: readonly number[];
}

/** Compiles the table's role mappings. */
export function buildMappingLookup(mappings: readonly TableMapping[]): MappingLookup {
  const roleNames = [...new Set(mappings.map((m) => m.role))].sort(compareCodeUnits);
  const roleIds = new Map(roleNames.map((name, i) => [name, i]));
  const lists = new RoleLists();
  const rulesOf = (pick: (m: TableMapping) => readonly string[], skipStar: boolean) => {
    const byPattern = new Map<string, Set<number>>();
    for (const mapping of mappings) {
      for (const pattern of pick(mapping)) {
        if (skipStar && pattern === "*") continue;
        const roles = byPattern.get(pattern) ?? new Set<number>();
        byPattern.set(pattern, roles.add(roleIds.get(mapping.role)!));
      }
    }
    return buildNameRules([...byPattern].map(([pattern, roles]) => [pattern, lists.payloadOf(roles)] as const));
  };
  const anyBackendRole = mappings.filter((m) => m.backendRoles.includes("*")).map((m) => roleIds.get(m.role)!);
  return {
    roleNames,
    users: rulesOf((m) => m.users, false),
    backendRoles: rulesOf((m) => m.backendRoles, true),
    anyBackendRole: anyBackendRole.length ? lists.payloadOf(new Set(anyBackendRole)) : 0,
    hosts: rulesOf((m) => m.hosts, false),
    ...buildAndRules(mappings, roleIds),
    listStart: lists.start,
    listRoles: lists.roles,
  };
}

/** Distinct role lists, each stored once. */
class RoleLists {
  readonly start: number[] = [0];
  readonly roles: number[] = [];
  private readonly ids = new Map<string, number>();

  /** The payload (list id + 1) of a set of role ids. */
  payloadOf(roles: ReadonlySet<number>): number {
    const sorted = [...roles].sort((a, b) => a - b);
    const key = sorted.join(",");
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.start.length - 1;
      this.ids.set(key, id);
      this.roles.push(...sorted);
      this.start.push(this.roles.length);
    }
    return id + 1;
  }
}

type AndRules = Pick<
  MappingLookup,
  "andPatterns" | "andRuleStart" | "andRulePatterns" | "andRuleRoles" | "andPatternRuleStart" | "andPatternRules" | "andAlwaysRoles"
>;

/**
 * A bare `*` is met without any backend role, so it is left out of its rule;
 * a pattern that matches nothing (blank, an invalid regex) makes its rule
 * impossible, so such rules are left out altogether.
 */
function buildAndRules(mappings: readonly TableMapping[], roleIds: ReadonlyMap<string, number>): AndRules {
  const patternIds = new Map<string, number>();
  const rules: { role: number; patterns: number[] }[] = [];
  const always: number[] = [];
  for (const mapping of mappings) {
    if (mapping.andBackendRoles.length === 0) continue;
    const needed = [...new Set(mapping.andBackendRoles)].filter((p) => p !== "*");
    if (needed.some((p) => parsePattern(p).kind === "none")) continue;
    const role = roleIds.get(mapping.role)!;
    if (needed.length === 0) always.push(role);
    else rules.push({ role, patterns: needed.map((p) => idOf(patternIds, p)) });
  }
  const rulesByPattern = [...patternIds.values()].map(() => [] as number[]);
  rules.forEach((rule, i) => rule.patterns.forEach((p) => rulesByPattern[p]!.push(i)));
  return {
    andPatterns: buildNameRules([...patternIds].map(([pattern, id]) => [pattern, id + 1] as const)),
    andRuleStart: offsets(rules.map((r) => r.patterns.length)),
    andRulePatterns: rules.flatMap((r) => r.patterns),
    andRuleRoles: rules.map((r) => r.role),
    andPatternRuleStart: offsets(rulesByPattern.map((r) => r.length)),
    andPatternRules: rulesByPattern.flat(),
    andAlwaysRoles: [...new Set(always)].sort((a, b) => a - b),
  };
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** Sorts by UTF-16 code units, as the role mapper sorts a user's roles. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
