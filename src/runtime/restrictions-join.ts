/**
 * The join of one kind of rule (DLS, FLS or masking) for one index across a
 * user's roles, as AbstractRuleBasedPrivileges does it, with its two
 * questions answered separately because the plugin answers them differently:
 *
 * - `restricted` (isUnrestricted, negated): whether the index counts as
 *   restricted when the DLS/FLS valve decides whether to step in at all (and
 *   so whether updates are refused): yes when a role has a wildcard rule, else
 *   when a matching entry has a rule; with `dfm_empty_overrides_all` no when
 *   a role has a wildcard entry without rule or a matching entry has none;
 * - `rules` (getRestriction): the rules that restrict the index, or
 *   undefined when nothing does: with `dfm_empty_overrides_all` a role with a
 *   wildcard entry without rule, or a matching entry without rule, lifts
 *   every restriction; otherwise the wildcard rules of the roles, each role's
 *   last matching entry with a rule among its plain patterns, and every
 *   matching template entry's rule restrict.
 *
 * The two differ where the plugin differs: with `dfm_empty_overrides_all`, a
 * wildcard rule of one role and an unrestricted entry of another make the
 * index restricted for the valve but unrestricted for the join.
 *
 * One deliberate simplification: an index that no entry of the user's roles
 * matches (reachable only when a tenant grants the request) is unrestricted
 * here, in both answers. The plugin defaults to "fully restricted" there
 * (`noRulesDefault`), which would also restrict users whose roles have no
 * rules at all.
 */
import {
  RESIDUAL_MASK,
  RESIDUAL_PATTERN,
  RESIDUAL_RECORD_SIZE,
  UNIT_RECORD_SIZE,
  UNIT_RESIDUALS,
  UNIT_RESIDUALS_END,
  UNIT_ROOT,
  UNIT_UNIVERSAL,
} from "./class-grants.js";
import { trieCollect } from "./pattern-trie.js";
import { RESTRICTION_KINDS, type RoleSetRules } from "./restrictions-tables.js";
import type { TablePolicy } from "./table-policy.js";
import type { UserEntry } from "./user-directory.js";

/** One kind's join for one index. */
export interface KindJoin {
  readonly restricted: boolean;
  /** Global entry ids of the rules that restrict the index; undefined when nothing does. */
  readonly rules: readonly number[] | undefined;
}

/** What the non-wildcard entries of the user's roles say about one index, for one kind. */
interface KindMatches {
  /** A matching entry has no rule of the kind. */
  unrestricted: boolean;
  /** A matching entry has a rule of the kind. */
  restricted: boolean;
  /** Rules collected so far: per role the last static match, every template match. */
  readonly rules: number[];
}

const PAYLOADS: number[] = [];

/** Each kind's join (in `RESTRICTION_KINDS` order) for the index. */
export function joinIndex(policy: TablePolicy, roleSetRules: RoleSetRules, user: UserEntry, index: string): KindJoin[] {
  const matches = RESTRICTION_KINDS.map((): KindMatches => ({ unrestricted: false, restricted: false, rules: [] }));
  for (const role of user.roleSet.roleIds) collectRole(policy, role, user, index, matches);
  const dfm = policy.settings.dfmEmptyOverridesAll;
  return matches.map((match, kind) => kindJoin(dfm, roleSetRules.wildcardWithoutRule[kind]!, roleSetRules.wildcardRules[kind]!, match));
}

function kindJoin(dfm: boolean, wildcardWithoutRule: boolean, wildcardRules: readonly number[], match: KindMatches): KindJoin {
  const restricted = dfm && wildcardWithoutRule ? false : wildcardRules.length > 0 || (match.restricted && !(dfm && match.unrestricted));
  if (dfm && (wildcardWithoutRule || match.unrestricted)) return { restricted, rules: undefined };
  const rules = [...new Set([...wildcardRules, ...match.rules])];
  return { restricted, rules: rules.length === 0 ? undefined : rules };
}

/** Adds what the role's non-wildcard entries say about the index, unit by unit. */
function collectRole(policy: TablePolicy, role: number, user: UserEntry, index: string, matches: KindMatches[]): void {
  const rules = policy.restrictions;
  const lastStatic = RESTRICTION_KINDS.map(() => -1);
  for (let unit = rules.roleUnitStart[role]!; unit < rules.roleUnitStart[role + 1]!; unit++) {
    const at = unit * UNIT_RECORD_SIZE;
    const wildcard = policy.grants.units[at + UNIT_UNIVERSAL]!;
    const [plain, templates] = matchingEntries(policy, at, user, index);
    const staticMask = plain & ~wildcard;
    const templateMask = templates & ~wildcard;
    if ((staticMask | templateMask) === 0) continue;
    const first = rules.unitFirstEntry[unit]!;
    for (let kind = 0; kind < matches.length; kind++) {
      const match = matches[kind]!;
      const withRule = rules.unitRules[kind]![unit]!;
      if ((staticMask | templateMask) & ~withRule) match.unrestricted = true;
      if ((staticMask | templateMask) & withRule) match.restricted = true;
      const lastBit = highestBit(staticMask & withRule);
      if (lastBit >= 0) lastStatic[kind] = first + lastBit;
      forEachBit(templateMask & rules.unitTemplateRules[kind]![unit]!, (bit) => match.rules.push(first + bit));
    }
  }
  lastStatic.forEach((entry, kind) => {
    if (entry >= 0) matches[kind]!.rules.push(entry);
  });
}

/**
 * The masks of the unit's entries whose patterns match the index: by their
 * plain patterns and regexes, and by their templates rendered for the user.
 */
function matchingEntries(policy: TablePolicy, at: number, user: UserEntry, index: string): [plain: number, templates: number] {
  const grants = policy.grants;
  PAYLOADS.length = 0;
  trieCollect(grants.trie, grants.units[at + UNIT_ROOT]!, index, PAYLOADS);
  let plain = 0;
  for (const payload of PAYLOADS) plain |= payload;
  let templates = 0;
  for (let r = grants.units[at + UNIT_RESIDUALS]!; r < grants.units[at + UNIT_RESIDUALS_END]!; r += RESIDUAL_RECORD_SIZE) {
    const id = grants.residuals[r + RESIDUAL_PATTERN]!;
    const regex = grants.residualRegexes.get(id);
    if (regex !== undefined) {
      if (regex(index)) plain |= grants.residuals[r + RESIDUAL_MASK]!;
    } else if (policy.templates.forUser(user, grants.indexPatterns[id]!).matches(index)) {
      templates |= grants.residuals[r + RESIDUAL_MASK]!;
    }
  }
  return [plain, templates];
}

function highestBit(mask: number): number {
  return mask === 0 ? -1 : 31 - Math.clz32(mask);
}

function forEachBit(mask: number, visit: (bit: number) => void): void {
  for (let rest = mask; rest !== 0; rest &= rest - 1) visit(31 - Math.clz32(rest & -rest));
}
