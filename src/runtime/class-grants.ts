/**
 * The table's roles in flat arrays: unit records (see `index-lookup.ts`),
 * the forest of unit tries, residual records, and what each unit and role
 * grants for an action class, filled in as grant views ask: per class, one
 * mask per unit (the unit's entries that grant the class) and one flag per
 * role (whether its cluster permissions grant it). A grant view of a new
 * role set is then read off these arrays instead of the roles' action lists.
 * The classes holding them are bounded.
 */
import { compilePattern, isTemplate, type Matcher } from "../patterns/pattern.js";
import type { DecisionTable } from "../table/types.js";
import { classMembers, type ActionClass } from "./action-catalog.js";
import { offsetArray } from "./flat-lists.js";
import type { IndexLookup } from "./index-lookup.js";
import { PatternTrie } from "./pattern-trie.js";

/** The grants of one action class; -1 where not worked out yet. */
export interface ClassGrants {
  readonly unitMasks: Int32Array;
  readonly roleCluster: Int8Array;
}

/** Classes holding grant arrays at most: each costs about 5 bytes per unit and role of the policy. */
const MAX_CLASSES_WITH_GRANTS = 256;

/** Fields of a unit record in `PolicyGrants.units`: all a check reads about a unit, in one place. */
export const UNIT_ROOT = 0;
export const UNIT_RESIDUALS = 1;
export const UNIT_RESIDUALS_END = 2;
export const UNIT_UNIVERSAL = 3;
export const UNIT_SYSTEM_ACCESS = 4;
const UNIT_ENTRIES = 5;
const UNIT_ENTRIES_END = 6;
export const UNIT_RECORD_SIZE = 8;
/** Fields of a residual record in `PolicyGrants.residuals`. */
export const RESIDUAL_MASK = 0;
export const RESIDUAL_PATTERN = 1;
export const RESIDUAL_PREFIX = 2;
export const RESIDUAL_PREFIX_LENGTH = 3;
export const RESIDUAL_RECORD_SIZE = 4;

/** The roles in flat arrays, and the grant arrays of the classes it keeps. */
export class PolicyGrants {
  readonly trie: PatternTrie;
  readonly indexPatterns: readonly string[];
  /** The compiled regexes among the residual patterns, by index pattern id (templates are rendered per user). */
  readonly residualRegexes: ReadonlyMap<number, Matcher>;
  /** Per role, its first unit; one item more than there are roles. */
  readonly roleUnitStart: Int32Array;
  /** Unit records (`UNIT_*` fields). */
  readonly units: Int32Array;
  /** Residual records (`RESIDUAL_*` fields), each unit's together. */
  readonly residuals: Int32Array;
  /** The code units of the residuals' literal starts, end to end. */
  readonly residualText: Int32Array;
  private readonly actionPatternCount: number;
  private readonly roleClusterStart: Int32Array;
  private readonly roleClusterPatterns: Int32Array;
  private readonly entryActionStart: Int32Array;
  private readonly entryActions: Int32Array;
  private readonly kept: ActionClass[] = [];
  private next = 0;
  private readonly capacity: number;

  constructor(table: DecisionTable, lookup: IndexLookup, cacheSize: number) {
    this.trie = new PatternTrie(lookup.trie, lookup.unitRoots);
    this.indexPatterns = table.indexPatterns;
    const regexIds = lookup.residualPatterns.filter((id) => !isTemplate(table.indexPatterns[id]!));
    this.residualRegexes = new Map(regexIds.map((id) => [id, compilePattern(table.indexPatterns[id]!)]));
    this.actionPatternCount = table.actionPatterns.length;
    this.roleClusterStart = offsetArray(table.roles.map((role) => role.cluster.length));
    this.roleClusterPatterns = Int32Array.from(table.roles.flatMap((role) => role.cluster));
    const entries = table.roles.flatMap((role) => role.index);
    this.entryActionStart = offsetArray(entries.map((entry) => entry.actions.length));
    this.entryActions = Int32Array.from(entries.flatMap((entry) => entry.actions));
    this.roleUnitStart = Int32Array.from(lookup.roleUnitStart);
    this.units = unitRecords(lookup, this.trie);
    this.residuals = residualRecords(lookup);
    this.residualText = codeUnitsOf(lookup.residualPrefixes.join(""));
    this.capacity = Math.min(cacheSize, MAX_CLASSES_WITH_GRANTS);
  }

  /** Whether one of the roles grants the (cluster) class through its cluster permissions. */
  clusterGranted(roleIds: Int32Array, cls: ActionClass): boolean {
    const grants = cls.grants ?? this.keep(cls);
    for (const role of roleIds) {
      let granted = grants === undefined ? -1 : grants.roleCluster[role]!;
      if (granted < 0) {
        granted = this.roleGrantsCluster(role, classMembers(cls, this.actionPatternCount)) ? 1 : 0;
        if (grants !== undefined) grants.roleCluster[role] = granted;
      }
      if (granted === 1) return true;
    }
    return false;
  }

  /** The mask of the unit's entries that grant the (index) class. */
  unitMask(unit: number, cls: ActionClass, grants: ClassGrants | undefined): number {
    let mask = grants === undefined ? -1 : grants.unitMasks[unit]!;
    if (mask < 0) {
      const member = classMembers(cls, this.actionPatternCount);
      const first = this.units[unit * UNIT_RECORD_SIZE + UNIT_ENTRIES]!;
      const last = this.units[unit * UNIT_RECORD_SIZE + UNIT_ENTRIES_END]!;
      mask = 0;
      for (let entry = first; entry < last; entry++) if (this.entryGrants(entry, member)) mask |= 1 << (entry - first);
      if (grants !== undefined) grants.unitMasks[unit] = mask;
    }
    return mask;
  }

  /** The class's grant arrays, made (and kept, within the bound) on first use; undefined when nothing may be kept. */
  grantsOf(cls: ActionClass): ClassGrants | undefined {
    return cls.grants ?? this.keep(cls);
  }

  private keep(cls: ActionClass): ClassGrants | undefined {
    if (this.capacity === 0) return undefined;
    if (this.kept.length < this.capacity) this.kept.push(cls);
    else {
      this.kept[this.next]!.grants = undefined;
      this.kept[this.next] = cls;
      this.next = (this.next + 1) % this.capacity;
    }
    const unitCount = this.units.length / UNIT_RECORD_SIZE;
    const grants = { unitMasks: new Int32Array(unitCount).fill(-1), roleCluster: new Int8Array(this.roleClusterStart.length - 1).fill(-1) };
    cls.grants = grants;
    return grants;
  }

  /** How many classes hold grant arrays (for tests of the bound). */
  get classesWithGrants(): number {
    return this.kept.length;
  }

  private roleGrantsCluster(role: number, member: Uint8Array): boolean {
    for (let i = this.roleClusterStart[role]!; i < this.roleClusterStart[role + 1]!; i++) if (member[this.roleClusterPatterns[i]!] === 1) return true;
    return false;
  }

  private entryGrants(entry: number, member: Uint8Array): boolean {
    for (let i = this.entryActionStart[entry]!; i < this.entryActionStart[entry + 1]!; i++) if (member[this.entryActions[i]!] === 1) return true;
    return false;
  }
}

function unitRecords(lookup: IndexLookup, trie: PatternTrie): Int32Array {
  const count = lookup.unitRoots.length;
  const units = new Int32Array(count * UNIT_RECORD_SIZE);
  for (let u = 0; u < count; u++) {
    const at = u * UNIT_RECORD_SIZE;
    units[at + UNIT_ROOT] = trie.positionOf(lookup.unitRoots[u]!);
    units[at + UNIT_RESIDUALS] = lookup.unitResidualStart[u]! * RESIDUAL_RECORD_SIZE;
    units[at + UNIT_RESIDUALS_END] = lookup.unitResidualStart[u + 1]! * RESIDUAL_RECORD_SIZE;
    units[at + UNIT_UNIVERSAL] = lookup.unitUniversal[u]!;
    units[at + UNIT_SYSTEM_ACCESS] = lookup.unitSystemAccess[u]!;
    units[at + UNIT_ENTRIES] = lookup.unitEntryStart[u]!;
    units[at + UNIT_ENTRIES_END] = lookup.unitEntryStart[u + 1]!;
  }
  return units;
}

function residualRecords(lookup: IndexLookup): Int32Array {
  const residuals = new Int32Array(lookup.residualPatterns.length * RESIDUAL_RECORD_SIZE);
  let text = 0;
  lookup.residualPatterns.forEach((pattern, k) => {
    const at = k * RESIDUAL_RECORD_SIZE;
    const prefix = lookup.residualPrefixes[k]!;
    residuals[at + RESIDUAL_MASK] = lookup.residualMasks[k]!;
    residuals[at + RESIDUAL_PATTERN] = pattern;
    residuals[at + RESIDUAL_PREFIX] = text;
    residuals[at + RESIDUAL_PREFIX_LENGTH] = prefix.length;
    text += prefix.length;
  });
  return residuals;
}

/** The UTF-16 code units of a text (not its code points, which iterating a string gives). */
function codeUnitsOf(text: string): Int32Array {
  const units = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
