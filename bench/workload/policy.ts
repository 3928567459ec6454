/**
 * The seeded policy generator: R roles, each with cluster permissions and
 * several index permission entries (exact names, `*` and `?` wildcards, Java
 * regexes, `${attr.…}` templates, shared and all-index patterns), custom
 * action groups nested up to three deep, and users mapped to roles by name
 * and by backend role. Policies are plain data; yaml.ts renders them.
 */
import {
  BASE_CLUSTER_GROUPS,
  BASE_INDEX_GROUPS,
  CLUSTER_ACTION_WILDCARDS,
  INDEX_ACTION_WILDCARDS,
  type ActionVocabulary,
} from "./actions.js";
import { SeededRandom } from "./random.js";

/** How an index pattern is written, which decides which engines can express it. */
export type IndexPatternKind = "exact" | "star" | "qmark" | "regex" | "attr" | "all";

export interface BenchIndexPattern {
  /** The pattern as written in roles.yml. */
  readonly text: string;
  readonly kind: IndexPatternKind;
  /** The literal start of every index name the pattern matches (empty for `*`). */
  readonly stem: string;
}

export interface BenchIndexEntry {
  readonly patterns: readonly BenchIndexPattern[];
  /** Action names, action patterns and group names, as written. */
  readonly actions: readonly string[];
}

export interface BenchRole {
  readonly name: string;
  readonly cluster: readonly string[];
  readonly index: readonly BenchIndexEntry[];
}

export interface BenchUser {
  readonly name: string;
  readonly backendRoles: readonly string[];
  /** The value of the user attribute `attr.internal.dept`. */
  readonly dept: string;
}

export interface BenchMapping {
  readonly role: string;
  readonly users: readonly string[];
  readonly backendRoles: readonly string[];
}

export interface BenchPolicy {
  readonly roleCount: number;
  readonly roles: readonly BenchRole[];
  /** Custom action groups, base ones first. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly users: readonly BenchUser[];
  readonly mappings: readonly BenchMapping[];
}

/** The user attribute the `${…}` index patterns use. */
export const DEPT_ATTRIBUTE = "attr.internal.dept";

const WORDS = ["logs", "orders", "metrics", "events", "audit", "users", "billing", "traces", "alerts", "docs"];
const PATTERN_KIND_WEIGHTS = { exact: 35, star: 40, qmark: 9, regex: 8, attr: 8 } as const;

/** Builds the policy with `roleCount` roles; the same seed always gives the same policy. */
export function generatePolicy(roleCount: number, seed: number, vocabulary: ActionVocabulary): BenchPolicy {
  const random = new SeededRandom(seed);
  const groups = generateGroups(roleCount, random.fork(1), vocabulary);
  const indexGroupNames = [...groups.keys()].filter((name) => !name.startsWith("bench_cluster"));
  const clusterGroupNames = Object.keys(BASE_CLUSTER_GROUPS);
  const roles: BenchRole[] = [];
  for (let r = 0; r < roleCount; r++) roles.push(generateRole(r, random.fork(100 + r), vocabulary, indexGroupNames, clusterGroupNames));
  const users = generateUsers(roleCount);
  return { roleCount, roles, groups, users, mappings: generateMappings(roleCount, users.length, random.fork(2)) };
}

/** The base groups plus one generated index group per 50 roles, each nesting earlier ones. */
function generateGroups(roleCount: number, random: SeededRandom, vocabulary: ActionVocabulary): Map<string, readonly string[]> {
  const groups = new Map<string, readonly string[]>([...Object.entries(BASE_INDEX_GROUPS), ...Object.entries(BASE_CLUSTER_GROUPS)]);
  const nestable = Object.keys(BASE_INDEX_GROUPS);
  for (let k = 0; k < Math.floor(roleCount / 50); k++) {
    const members = new Set<string>([random.pick(nestable)]);
    for (let i = random.between(1, 2); i > 0; i--) members.add(random.pick(vocabulary.index));
    const name = `grp_${k}`;
    groups.set(name, [...members]);
    nestable.push(name);
  }
  return groups;
}

function generateRole(r: number, random: SeededRandom, vocabulary: ActionVocabulary, indexGroups: readonly string[], clusterGroups: readonly string[]): BenchRole {
  const cluster = new Set<string>();
  for (let i = random.between(1, 3); i > 0; i--) {
    const source = random.weighted({ group: 45, exact: 35, wildcard: 20 });
    cluster.add(source === "group" ? random.pick(clusterGroups) : source === "exact" ? random.pick(vocabulary.cluster) : random.pick(CLUSTER_ACTION_WILDCARDS));
  }
  const index: BenchIndexEntry[] = [];
  for (let e = random.between(3, 7); e > 0; e--) index.push(generateEntry(r, index.length, random, vocabulary, indexGroups));
  // About one role in a hundred reads every index, as `readall` does.
  if (r % 97 === 5) index.push({ patterns: [{ text: "*", kind: "all", stem: "" }], actions: ["bench_search"] });
  return { name: `role_${r}`, cluster: [...cluster], index };
}

function generateEntry(r: number, e: number, random: SeededRandom, vocabulary: ActionVocabulary, indexGroups: readonly string[]): BenchIndexEntry {
  const patterns: BenchIndexPattern[] = [];
  for (let j = random.between(1, 3); j > 0; j--) patterns.push(rolePattern(r, e, patterns.length, random));
  if (random.chance(0.1)) patterns.push(sharedPattern(random));
  const actions = new Set<string>();
  for (let i = random.between(1, 3); i > 0; i--) {
    const source = random.weighted({ group: 45, exact: 30, wildcard: 25 });
    actions.add(source === "group" ? random.pick(indexGroups) : source === "exact" ? random.pick(vocabulary.index) : random.pick(INDEX_ACTION_WILDCARDS));
  }
  return { patterns, actions: [...actions] };
}

/** A pattern in the role's own name space `r<r>-…`, so roles do not grant each other's indices by accident. */
function rolePattern(r: number, e: number, j: number, random: SeededRandom): BenchIndexPattern {
  const word = `${random.pick(WORDS)}${e}${j}`;
  const kind = random.weighted(PATTERN_KIND_WEIGHTS);
  const stem = `r${r}-${word}-`;
  switch (kind) {
    case "exact":
      return { text: `r${r}-${word}`, kind, stem: `r${r}-${word}` };
    case "star":
      return { text: `${stem}*`, kind, stem };
    case "qmark":
      return { text: `${stem}v?-*`, kind, stem: `${stem}v` };
    case "regex":
      return { text: `/${stem}[0-9]+/`, kind, stem };
    case "attr":
      return { text: `${stem}\${${DEPT_ATTRIBUTE}}-*`, kind, stem };
  }
}

function sharedPattern(random: SeededRandom): BenchIndexPattern {
  const stem = `shared-${random.pick(WORDS)}-`;
  return { text: `${stem}*`, kind: "star", stem };
}

/** At least one user per role; users belong to one or two teams of about three roles each. */
function generateUsers(roleCount: number): BenchUser[] {
  const userCount = Math.max(roleCount, 12);
  const teams = teamCount(roleCount);
  const users: BenchUser[] = [];
  for (let k = 0; k < userCount; k++) {
    const backendRoles = new Set([`team${k % teams}`]);
    if (k % 3 !== 0) backendRoles.add(`team${(k * 7 + 1) % teams}`);
    users.push({ name: `user${k}`, backendRoles: [...backendRoles], dept: `d${k % 7}` });
  }
  return users;
}

function teamCount(roleCount: number): number {
  return Math.max(2, Math.ceil(roleCount / 3));
}

function generateMappings(roleCount: number, userCount: number, random: SeededRandom): BenchMapping[] {
  const teams = teamCount(roleCount);
  const mappings: BenchMapping[] = [];
  for (let r = 0; r < roleCount; r++) {
    const users = new Set([`user${r}`]);
    if (random.chance(0.3)) users.add(`user${(r * 13 + 5) % userCount}`);
    mappings.push({ role: `role_${r}`, users: [...users], backendRoles: [`team${r % teams}`] });
  }
  return mappings;
}

/** The roles each user is mapped to, by name and by backend role (MAPPING_ONLY resolution). */
export function rolesOfUsers(policy: BenchPolicy): Map<string, BenchRole[]> {
  const byName = new Map(policy.roles.map((role) => [role.name, role]));
  const byUser = new Map<string, Set<string>>();
  const byTeam = new Map<string, string[]>();
  for (const mapping of policy.mappings) {
    for (const user of mapping.users) byUser.set(user, (byUser.get(user) ?? new Set()).add(mapping.role));
    for (const team of mapping.backendRoles) byTeam.set(team, [...(byTeam.get(team) ?? []), mapping.role]);
  }
  const result = new Map<string, BenchRole[]>();
  for (const user of policy.users) {
    const names = new Set(byUser.get(user.name) ?? []);
    for (const team of user.backendRoles) for (const role of byTeam.get(team) ?? []) names.add(role);
    result.set(user.name, [...names].sort().flatMap((name) => byName.get(name) ?? []));
  }
  return result;
}
