/**
 * The DLS, FLS and field-masking rules of a table's index permissions, laid
 * out for the join per request (`restrictions-join.ts`), the way the plugin
 * lays them out when its roles load (AbstractRuleBasedPrivileges.StaticRules
 * and StatefulRules), once per kind of rule:
 *
 * - an entry has a rule of a kind when it has a non-blank `dls`, a non-empty
 *   `fls` or a non-empty `masked_fields`; every entry of a role counts,
 *   whatever its allowed actions;
 * - an entry whose index patterns include `*` is a wildcard entry: per role
 *   the last wildcard entry with a rule is the role's wildcard rule (a map
 *   put), and a wildcard entry without one makes the role unrestricted
 *   everywhere ("rolesWithIndexWildcardWithoutRule");
 * - other entries are matched against the index: by their plain patterns
 *   (the per-index maps, where the last matching entry of a role wins) and by
 *   their `${…}` templates (a map keyed by the entry's template list, where
 *   a later entry with the same list replaces the rule: the table marks such
 *   entries `replacedTemplateRules`).
 *
 * Entries are numbered role by role, in table order, as in `index-lookup.ts`;
 * units are the same units of at most `UNIT_SIZE` entries, so one bit mask
 * per unit says which of its entries have a rule of a kind.
 */
import { isTemplate } from "../patterns/pattern.js";
import type { JsonValue } from "../table/request.js";
import type { DecisionTable, RestrictionKind, TableIndexEntry } from "../table/types.js";
import { BoundedCache } from "./bounded-cache.js";
import { UNIT_SIZE } from "./index-lookup.js";
import { isDlsTemplate, readDlsQuery } from "./restrictions-dls.js";
import type { IndexOutcome } from "./restrictions.js";

/** The kinds of rules, in the order a decision reports them. */
export const RESTRICTION_KINDS: readonly RestrictionKind[] = ["dls", "fls", "masked_fields"];

/** Per kind (in `RESTRICTION_KINDS` order), per role: the role-wide facts of its wildcard entries. */
export interface WildcardRules {
  /** The role's wildcard rule (a global entry id), or -1. */
  readonly rule: Int32Array;
  /** 1 when one of the role's wildcard entries has no rule of the kind. */
  readonly withoutRule: Uint8Array;
}

/** What one role set's joins need, worked out once per role set. */
export interface RoleSetRules {
  /** A number of its own, for cache keys. */
  readonly serial: number;
  /** Per kind: whether some role has a wildcard entry without a rule of the kind. */
  readonly wildcardWithoutRule: readonly boolean[];
  /** Per kind: the wildcard rules of the roles (global entry ids). */
  readonly wildcardRules: readonly (readonly number[])[];
  /** Whether a join depends on the user: templates in index patterns or DLS queries. */
  readonly dependsOnUser: boolean;
}

/** Indices whose outcomes one user keeps at most. */
const OUTCOMES_PER_USER = 64;

/** The rules of a table, in arrays by role, unit and entry. */
export class RestrictionRules {
  /** Per role: 1 when one of its entries with an index pattern has a rule of some kind. */
  readonly roleHasRules: Uint8Array;
  /** Per role: 1 when its restrictions depend on the user (templates in non-wildcard patterns or in DLS). */
  readonly roleDependsOnUser: Uint8Array;
  /** Per role, its first unit; per unit, its first global entry. */
  readonly roleUnitStart: Int32Array;
  readonly unitFirstEntry: Int32Array;
  /** Per global entry, its unit. */
  readonly entryUnit: Int32Array;
  /** Per kind, per unit: the entries (bits) with a rule of the kind. */
  readonly unitRules: readonly Int32Array[];
  /** Per kind, per unit: the entries with a rule of the kind that counts for their templates. */
  readonly unitTemplateRules: readonly Int32Array[];
  readonly wildcard: readonly WildcardRules[];
  /** Every entry, by global entry id. */
  readonly entries: readonly TableIndexEntry[];
  /** Per role set and index, the outcomes of role sets that do not depend on the user. */
  readonly outcomes: BoundedCache<string, IndexOutcome>;
  private readonly constantQueries = new Map<number, JsonValue>();
  private readonly roleSetRules = new WeakMap<object, RoleSetRules>();
  private readonly userOutcomes = new WeakMap<object, Map<string, IndexOutcome>>();
  private serials = 0;

  constructor(table: DecisionTable, cacheSize: number) {
    const roles = table.roles;
    this.entries = roles.flatMap((role) => role.index);
    const wildcardId = table.indexPatterns.indexOf("*");
    this.roleHasRules = Uint8Array.from(roles, (role) => (role.index.some(hasAnyRule) ? 1 : 0));
    this.roleDependsOnUser = Uint8Array.from(roles, (role) => (role.index.some((entry) => dependsOnUser(entry, table.indexPatterns, wildcardId)) ? 1 : 0));
    const layout = unitLayout(table);
    this.roleUnitStart = layout.roleUnitStart;
    this.unitFirstEntry = layout.unitFirstEntry;
    this.entryUnit = layout.entryUnit;
    const isWildcard = this.entries.map((e) => e.patterns.includes(wildcardId));
    this.unitRules = RESTRICTION_KINDS.map((kind) => this.unitMasks((e) => hasRule(this.entries[e]!, kind) && !isWildcard[e]));
    this.unitTemplateRules = RESTRICTION_KINDS.map((kind) =>
      this.unitMasks((e) => hasRule(this.entries[e]!, kind) && !isWildcard[e] && !(this.entries[e]!.replacedTemplateRules ?? []).includes(kind)),
    );
    this.wildcard = RESTRICTION_KINDS.map((kind) => wildcardRulesOf(table, kind, isWildcard));
    this.outcomes = new BoundedCache(cacheSize);
  }

  /** The role set's wildcard facts, worked out on first use. */
  forRoleSet(roleSet: { readonly roleIds: Int32Array }): RoleSetRules {
    let rules = this.roleSetRules.get(roleSet);
    if (rules === undefined) {
      rules = this.roleSetRulesOf(roleSet.roleIds);
      this.roleSetRules.set(roleSet, rules);
    }
    return rules;
  }

  /**
   * A user's outcome for an index, worked out by `compute` on a miss. Users
   * are the directory's shared entries, so outcomes live as long as their
   * user is kept, at most `OUTCOMES_PER_USER` each (a full map starts over).
   */
  userOutcome(user: object, index: string, compute: () => IndexOutcome): IndexOutcome {
    let outcomes = this.userOutcomes.get(user);
    if (outcomes === undefined) this.userOutcomes.set(user, (outcomes = new Map()));
    let outcome = outcomes.get(index);
    if (outcome === undefined) {
      outcome = compute();
      if (outcomes.size >= OUTCOMES_PER_USER) outcomes.clear();
      outcomes.set(index, outcome);
    }
    return outcome;
  }

  /** The canonical query of an entry whose DLS is not a template, read once. */
  constantQuery(entry: number): JsonValue {
    let query = this.constantQueries.get(entry);
    if (query === undefined) {
      const reading = readDlsQuery(this.entries[entry]!.dls!);
      // INVARIANT: the compiler stores only queries that read (canonical texts).
      if (!reading.ok) throw new Error(`the table's DLS query of entry ${entry} does not read: ${reading.message}`);
      query = reading.query;
      this.constantQueries.set(entry, query);
    }
    return query;
  }

  private roleSetRulesOf(roleIds: Int32Array): RoleSetRules {
    const wildcardWithoutRule = this.wildcard.map((w) => roleIds.some((role) => w.withoutRule[role] === 1));
    const wildcardRules = this.wildcard.map((w) => [...roleIds].map((role) => w.rule[role]!).filter((rule) => rule >= 0));
    const dependsOnUser = roleIds.some((role) => this.roleDependsOnUser[role] === 1);
    return { serial: this.serials++, wildcardWithoutRule, wildcardRules, dependsOnUser };
  }

  /** Per unit, the mask of its entries that `counts`. */
  private unitMasks(counts: (entry: number) => boolean): Int32Array {
    const masks = new Int32Array(this.unitFirstEntry.length);
    for (let e = 0; e < this.entries.length; e++) {
      const unit = this.entryUnit[e]!;
      if (counts(e)) masks[unit]! |= 1 << (e - this.unitFirstEntry[unit]!);
    }
    return masks;
  }
}

/** Units as `index-lookup.ts` cuts them: per role, chunks of at most `UNIT_SIZE` of its entries. */
function unitLayout(table: DecisionTable): { roleUnitStart: Int32Array; unitFirstEntry: Int32Array; entryUnit: Int32Array } {
  const roleUnitStart: number[] = [];
  const unitFirstEntry: number[] = [];
  const entryUnit: number[] = [];
  let entry = 0;
  for (const role of table.roles) {
    roleUnitStart.push(unitFirstEntry.length);
    for (let k = 0; k < role.index.length; k++) {
      if (k % UNIT_SIZE === 0) unitFirstEntry.push(entry);
      entryUnit.push(unitFirstEntry.length - 1);
      entry++;
    }
  }
  roleUnitStart.push(unitFirstEntry.length);
  return { roleUnitStart: Int32Array.from(roleUnitStart), unitFirstEntry: Int32Array.from(unitFirstEntry), entryUnit: Int32Array.from(entryUnit) };
}

/** Whether the entry has a rule of the kind (the compiler leaves blank and empty ones out). */
export function hasRule(entry: TableIndexEntry, kind: RestrictionKind): boolean {
  return kind === "dls" ? entry.dls !== undefined : kind === "fls" ? entry.fls !== undefined : entry.maskedFields !== undefined;
}

/**
 * Whether the entry has a rule that can apply somewhere: an entry without a
 * usable index pattern matches no index (and is no wildcard entry), so its
 * rules change nothing; the DSL cannot even write one.
 */
function hasAnyRule(entry: TableIndexEntry): boolean {
  return entry.patterns.length > 0 && (entry.dls !== undefined || entry.fls !== undefined || entry.maskedFields !== undefined);
}

function dependsOnUser(entry: TableIndexEntry, indexPatterns: readonly string[], wildcardId: number): boolean {
  if (entry.dls !== undefined && isDlsTemplate(entry.dls)) return true;
  return !entry.patterns.includes(wildcardId) && entry.patterns.some((id) => isTemplate(indexPatterns[id]!));
}

/** Per role: its last wildcard entry with a rule of the kind, and whether a wildcard entry lacks one. */
function wildcardRulesOf(table: DecisionTable, kind: RestrictionKind, isWildcard: readonly boolean[]): WildcardRules {
  const rule = new Int32Array(table.roles.length).fill(-1);
  const withoutRule = new Uint8Array(table.roles.length);
  let entry = 0;
  table.roles.forEach((role, r) => {
    for (const e of role.index) {
      if (isWildcard[entry]) {
        if (hasRule(e, kind)) rule[r] = entry;
        else withoutRule[r] = 1;
      }
      entry++;
    }
  });
  return { rule, withoutRule };
}
