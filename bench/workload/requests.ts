/**
 * Draws single requests of each kind for a user of a generated policy:
 * allowed ones built from the user's own roles (an action one of their index
 * entries grants, an index name one of its patterns matches) and, about a
 * third of the time, denied ones (an index of another role's name space, or
 * an action drawn at random). Which engines can take a request is recorded
 * as feature bits: `?` wildcards, regexes, attribute templates.
 */
import type { AuthorizationRequest, RequestUser } from "../../src/table/request.js";
import { actionPatternMatches, expandActionItems, type ActionVocabulary } from "./actions.js";
import { DEPT_ATTRIBUTE, rolesOfUsers, type BenchIndexEntry, type BenchIndexPattern, type BenchPolicy, type BenchRole, type IndexPatternKind } from "./policy.js";
import type { SeededRandom } from "./random.js";

export const REQUEST_KINDS = ["cluster", "single", "multi", "wildcard", "regex", "attr"] as const;
/** What a request exercises: cluster action, one index by exact name, several indices, `*`/`?` wildcards, regex, `${attr.…}`. */
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Feature bits: which pattern kinds an index name of the request was derived from. */
export const FEATURE_QMARK = 1;
export const FEATURE_REGEX = 2;
export const FEATURE_ATTR = 4;

const FEATURE_OF_KIND: Readonly<Record<IndexPatternKind, number>> = { exact: 0, star: 0, all: 0, qmark: FEATURE_QMARK, regex: FEATURE_REGEX, attr: FEATURE_ATTR };
const PATTERN_KINDS: Readonly<Record<Exclude<RequestKind, "cluster">, readonly IndexPatternKind[]>> = {
  single: ["exact"],
  multi: ["exact", "star"],
  wildcard: ["star", "qmark", "all"],
  regex: ["regex"],
  attr: ["attr"],
};
const DENIED_SHARE = 0.3;

export interface DrawnRequest {
  readonly request: AuthorizationRequest;
  readonly features: number;
}

interface Slot {
  readonly entry: BenchIndexEntry;
  readonly pattern: BenchIndexPattern;
}

/** Everything request drawing needs to know about a policy, computed once and memoized. */
export class RequestFactory {
  private readonly userRoles: Map<string, BenchRole[]>;
  private readonly userObjects: RequestUser[];
  private readonly deptOf = new Map<string, string>();
  private readonly entryActions = new Map<BenchIndexEntry, string[]>();
  private readonly clusterActions = new Map<BenchRole, string[]>();
  private readonly slots = new Map<string, Slot[]>();

  constructor(
    private readonly policy: BenchPolicy,
    private readonly vocabulary: ActionVocabulary,
  ) {
    this.userRoles = rolesOfUsers(policy);
    this.userObjects = policy.users.map((user) => ({ name: user.name, backend_roles: user.backendRoles, attributes: { [DEPT_ATTRIBUTE]: user.dept } }));
    for (const user of policy.users) this.deptOf.set(user.name, user.dept);
  }

  /** A user to send the request as. */
  user(random: SeededRandom): RequestUser {
    return random.pick(this.userObjects);
  }

  /** A request of `kind` for `user`; `suffix` makes wildcard-matched index names fresh. */
  draw(kind: RequestKind, user: RequestUser, random: SeededRandom, suffix: () => string): DrawnRequest {
    if (kind === "cluster") return this.clusterRequest(user, random);
    if (kind === "multi") return this.multiIndexRequest(user, random, suffix);
    const slot = this.ownSlot(user, PATTERN_KINDS[kind], random);
    const denied = slot === undefined || random.chance(DENIED_SHARE);
    if (!denied) return this.indexRequest(user, this.pickAction(slot.entry, random), [slot.pattern], random, suffix);
    const own = slot ?? this.foreignSlot(user, PATTERN_KINDS[kind], random);
    if (own !== undefined && random.chance(0.5)) return this.indexRequest(user, random.pick(this.vocabulary.index), [own.pattern], random, suffix);
    const foreign = this.foreignSlot(user, PATTERN_KINDS[kind], random);
    const action = own ? this.pickAction(own.entry, random) : random.pick(this.vocabulary.index);
    return this.indexRequest(user, action, foreign ? [foreign.pattern] : [], random, suffix);
  }

  private clusterRequest(user: RequestUser, random: SeededRandom): DrawnRequest {
    const roles = (this.userRoles.get(user.name) ?? []).filter((role) => this.grantedClusterActions(role).length > 0);
    const action =
      roles.length === 0 || random.chance(DENIED_SHARE) ? random.pick(this.vocabulary.cluster) : random.pick(this.grantedClusterActions(random.pick(roles)));
    return { request: { user, action }, features: 0 };
  }

  /** Two to four indices that one action is granted on (one foreign index in the denied share). */
  private multiIndexRequest(user: RequestUser, random: SeededRandom, suffix: () => string): DrawnRequest {
    const first = this.ownSlot(user, PATTERN_KINDS.multi, random);
    const action = first ? this.pickAction(first.entry, random) : random.pick(this.vocabulary.index);
    const granting = this.slotsOf(user, PATTERN_KINDS.multi).filter((slot) => this.actionsOf(slot.entry).includes(action));
    const patterns = first ? [first.pattern] : [];
    for (let n = random.between(1, 3); n > 0 && granting.length > 0; n--) patterns.push(random.pick(granting).pattern);
    if (patterns.length < 2 || random.chance(DENIED_SHARE)) {
      const foreign = this.foreignSlot(user, PATTERN_KINDS.multi, random);
      if (foreign) patterns.splice(random.below(patterns.length + 1), 0, foreign.pattern);
    }
    return this.indexRequest(user, action, patterns, random, suffix);
  }

  /** The request with one index name per pattern (duplicates dropped); no pattern gives a name nobody is granted. */
  private indexRequest(user: RequestUser, action: string, patterns: readonly BenchIndexPattern[], random: SeededRandom, suffix: () => string): DrawnRequest {
    let features = 0;
    const names = new Set<string>();
    for (const pattern of patterns) {
      names.add(this.indexName(pattern, user, random, suffix));
      features |= FEATURE_OF_KIND[pattern.kind];
    }
    if (names.size === 0) names.add(`none-${suffix()}`);
    return { request: { user, action, indices: [...names] }, features };
  }

  /** A name the pattern matches (for `${attr.…}`: for this user), fresh where the pattern allows. */
  private indexName(pattern: BenchIndexPattern, user: RequestUser, random: SeededRandom, suffix: () => string): string {
    switch (pattern.kind) {
      case "exact":
        return pattern.stem;
      case "star":
      case "regex":
        return pattern.stem + suffix();
      case "qmark":
        return `${pattern.stem}${random.below(10)}-${suffix()}`;
      case "attr":
        return `${pattern.stem}${this.deptOf.get(user.name) ?? "d0"}-${suffix()}`;
      case "all":
        return `any-${suffix()}`;
    }
  }

  private pickAction(entry: BenchIndexEntry, random: SeededRandom): string {
    const actions = this.actionsOf(entry);
    return actions.length > 0 ? random.pick(actions) : random.pick(this.vocabulary.index);
  }

  /** The requestable index actions an entry grants. */
  private actionsOf(entry: BenchIndexEntry): string[] {
    let actions = this.entryActions.get(entry);
    if (!actions) {
      const patterns = expandActionItems(entry.actions, this.policy.groups);
      actions = this.vocabulary.index.filter((name) => patterns.some((pattern) => actionPatternMatches(pattern, name)));
      this.entryActions.set(entry, actions);
    }
    return actions;
  }

  private grantedClusterActions(role: BenchRole): string[] {
    let actions = this.clusterActions.get(role);
    if (!actions) {
      const patterns = expandActionItems(role.cluster, this.policy.groups);
      actions = this.vocabulary.cluster.filter((name) => patterns.some((pattern) => actionPatternMatches(pattern, name)));
      this.clusterActions.set(role, actions);
    }
    return actions;
  }

  private ownSlot(user: RequestUser, kinds: readonly IndexPatternKind[], random: SeededRandom): Slot | undefined {
    const slots = this.slotsOf(user, kinds);
    return slots.length > 0 ? random.pick(slots) : undefined;
  }

  /** Index entries' patterns of `kinds` among the user's roles, memoized per user and kinds. */
  private slotsOf(user: RequestUser, kinds: readonly IndexPatternKind[]): Slot[] {
    const key = `${user.name}\u0000${kinds.join()}`;
    let slots = this.slots.get(key);
    if (!slots) {
      slots = slotsOfRoles(this.userRoles.get(user.name) ?? [], kinds);
      this.slots.set(key, slots);
    }
    return slots;
  }

  /** A pattern of `kinds` from a role the user does not have (tried a few times). */
  private foreignSlot(user: RequestUser, kinds: readonly IndexPatternKind[], random: SeededRandom): Slot | undefined {
    const own = new Set((this.userRoles.get(user.name) ?? []).map((role) => role.name));
    for (let attempt = 0; attempt < 8; attempt++) {
      const role = random.pick(this.policy.roles);
      if (own.has(role.name)) continue;
      const slots = slotsOfRoles([role], kinds);
      if (slots.length > 0) return random.pick(slots);
    }
    return undefined;
  }
}

function slotsOfRoles(roles: readonly BenchRole[], kinds: readonly IndexPatternKind[]): Slot[] {
  const slots: Slot[] = [];
  for (const role of roles) {
    for (const entry of role.index) for (const pattern of entry.patterns) if (kinds.includes(pattern.kind)) slots.push({ entry, pattern });
  }
  return slots;
}
