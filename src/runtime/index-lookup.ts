/**
 * Index permissions compiled to tries. A role's index permissions (entries)
 * are cut into units of at most `UNIT_SIZE`; each unit has one trie of the
 * index patterns of its entries, whose payload is the bit mask of the
 * entries that have the pattern. Checking an index for a user walks only
 * the tries of the user's units whose entries grant the action, with the
 * mask of those entries: the work does not depend on how many roles or
 * patterns the policy has.
 *
 * Regexes and `${…}` templates stay out of the tries: each unit lists them
 * as residuals, consulted only for users whose roles have them.
 */
import { isTemplate, parsePattern } from "../patterns/pattern.js";
import type { DecisionTable } from "../table/types.js";
import { offsets } from "./flat-lists.js";
import { PatternTrieBuilder, trieKeyOf } from "./pattern-trie-builder.js";
import type { PatternTrieData } from "./pattern-trie.js";

/** Entries per unit: bits 0–29 of a mask, so that masks stay small integers. */
export const UNIT_SIZE = 30;

/** The JSON form of the index-permission tries. Entries are numbered role by role, in table order. */
export interface IndexLookup {
  /** Per role, its first unit; one item more than there are roles. */
  readonly roleUnitStart: readonly number[];
  /** Per unit, its first entry; one item more than there are units. */
  readonly unitEntryStart: readonly number[];
  /** One trie per unit (a forest); payload: the mask of the unit's entries that have the pattern. */
  readonly trie: PatternTrieData;
  readonly unitRoots: readonly number[];
  /** Per unit, the mask of entries with the pattern `*`. */
  readonly unitUniversal: readonly number[];
  /** Per unit, the mask of entries that grant `system:admin/system_index` explicitly. */
  readonly unitSystemAccess: readonly number[];
  /** Per unit, its residual patterns: `residualPatterns[unitResidualStart[u]]` … (index pattern ids) with their masks. */
  readonly unitResidualStart: readonly number[];
  readonly residualPatterns: readonly number[];
  readonly residualMasks: readonly number[];
  /** Per residual, a literal start every name it matches has (see `residualLiteralPrefix`), or "". */
  readonly residualPrefixes: readonly string[];
}

/** The units, unit tries and residuals of the table's index permissions. */
export function buildIndexLookup(table: DecisionTable): IndexLookup {
  const builder = new PatternTrieBuilder();
  const units: UnitDraft[] = [];
  const roleUnitStart: number[] = [];
  let entry = 0;
  for (const role of table.roles) {
    roleUnitStart.push(units.length);
    for (let first = 0; first < role.index.length; first += UNIT_SIZE) {
      const entries = role.index.slice(first, first + UNIT_SIZE);
      builder.startTrie();
      units.push(draftUnit(entries, entry, table.indexPatterns, builder));
      entry += entries.length;
    }
  }
  roleUnitStart.push(units.length);
  const { data, roots } = builder.build();
  return {
    roleUnitStart,
    unitEntryStart: [...units.map((u) => u.firstEntry), entry],
    trie: data,
    unitRoots: roots,
    unitUniversal: units.map((u) => u.universal),
    unitSystemAccess: units.map((u) => u.systemAccess),
    unitResidualStart: offsets(units.map((u) => u.residuals.length)),
    residualPatterns: units.flatMap((u) => u.residuals.map(([pattern]) => pattern)),
    residualMasks: units.flatMap((u) => u.residuals.map(([, mask]) => mask)),
    residualPrefixes: units.flatMap((u) => u.residuals.map(([pattern]) => residualLiteralPrefix(table.indexPatterns[pattern]!))),
  };
}

interface UnitDraft {
  readonly firstEntry: number;
  readonly universal: number;
  readonly systemAccess: number;
  readonly residuals: readonly (readonly [pattern: number, mask: number])[];
}

/** Adds the unit's patterns to the builder's current trie and returns the rest of what the unit needs. */
function draftUnit(
  entries: DecisionTable["roles"][number]["index"],
  firstEntry: number,
  indexPatterns: readonly string[],
  builder: PatternTrieBuilder,
): UnitDraft {
  const masks = new Map<number, number>();
  let systemAccess = 0;
  entries.forEach((entry, bit) => {
    for (const pattern of entry.patterns) masks.set(pattern, (masks.get(pattern) ?? 0) | (1 << bit));
    if (entry.systemIndexAccess) systemAccess |= 1 << bit;
  });
  let universal = 0;
  const residuals: [number, number][] = [];
  for (const [pattern, mask] of [...masks].sort(([a], [b]) => a - b)) {
    const raw = indexPatterns[pattern]!;
    const parsed = isTemplate(raw) ? undefined : parsePattern(raw);
    const key = parsed && trieKeyOf(parsed);
    if (key) builder.add(key, mask);
    else if (parsed === undefined || parsed.kind === "regex") residuals.push([pattern, mask]);
    if (parsed?.kind === "all") universal |= mask;
  }
  return { firstEntry, universal, systemAccess, residuals };
}

/**
 * A start that every name a regex or template pattern matches must have, so
 * that a check can skip the pattern after a `startsWith`; "" when there is
 * none to be sure of.
 *
 * A template renders to its text up to the first `${` followed by whatever
 * the variables hold (`$${` leaves `${` in that place), so the text before
 * the first `${` and before any wildcard starts every match, unless the
 * rendered pattern may be a regex (it starts with `/`). A regex body (Java
 * `matches()`, whole name, case-sensitive without an inline flag) starts with
 * its leading plain characters, except one a quantifier follows, unless it
 * has an alternation anywhere.
 */
export function residualLiteralPrefix(pattern: string): string {
  if (isTemplate(pattern)) {
    const literal = pattern.slice(0, pattern.indexOf("${"));
    return literal.startsWith("/") ? "" : literal.slice(0, firstWildcard(literal));
  }
  const body = pattern.slice(1, -1);
  if (body.includes("|")) return "";
  let end = 0;
  while (end < body.length && PLAIN_REGEX_CHAR.test(body[end]!)) end++;
  const quantified = end < body.length && "?*+{".includes(body[end]!);
  return body.slice(0, quantified ? Math.max(end - 1, 0) : end);
}

/** Characters that stand for themselves in a Java regex outside a class, whatever follows. */
const PLAIN_REGEX_CHAR = /^[A-Za-z0-9_\-:,;@%&=~!<>'"`/ ]$/;

function firstWildcard(text: string): number {
  const at = text.search(/[*?]/);
  return at < 0 ? text.length : at;
}
