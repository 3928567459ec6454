/**
 * Index checks for a user: for each unit of the grant view (the units of the
 * user's roles whose entries grant the action class, with their masks), a
 * walk of the unit's trie with the mask (a character test, then the rest of
 * the label, per step), then the unit's residual patterns, which only roles
 * with regexes or templates have, each after a test of its literal start.
 */
import {
  RESIDUAL_MASK,
  RESIDUAL_PATTERN,
  RESIDUAL_PREFIX,
  RESIDUAL_PREFIX_LENGTH,
  RESIDUAL_RECORD_SIZE,
  UNIT_RECORD_SIZE,
  UNIT_RESIDUALS,
  UNIT_RESIDUALS_END,
  UNIT_ROOT,
  UNIT_SYSTEM_ACCESS,
  UNIT_UNIVERSAL,
  type PolicyGrants,
} from "./class-grants.js";
import type { GrantView } from "./grant-views.js";
import { trieMatchesAny } from "./pattern-trie.js";
import type { TablePolicy } from "./table-policy.js";
import type { UserEntry } from "./user-directory.js";

/** Whether the view's units grant the index. */
export function indexGranted(policy: TablePolicy, view: GrantView, index: string, user: UserEntry): boolean {
  const units = view.units;
  for (let k = 0; k < units.length; k += 2) if (unitGrants(policy, units[k]!, units[k + 1]!, index, user)) return true;
  return false;
}

/**
 * Whether the view grants all indices: only a pattern covering every name
 * (`*`, or a template rendering to it) does.
 */
export function allIndicesGranted(policy: TablePolicy, view: GrantView, user: UserEntry): boolean {
  const grants = policy.grants;
  const units = view.units;
  for (let k = 0; k < units.length; k += 2) {
    const at = units[k]!;
    const mask = units[k + 1]!;
    if ((grants.units[at + UNIT_UNIVERSAL]! & mask) !== 0) return true;
    for (let r = grants.units[at + UNIT_RESIDUALS]!; r < grants.units[at + UNIT_RESIDUALS_END]!; r += RESIDUAL_RECORD_SIZE) {
      // A pattern with a literal start is not `*`, whatever it renders to.
      if ((grants.residuals[r + RESIDUAL_MASK]! & mask) === 0 || grants.residuals[r + RESIDUAL_PREFIX_LENGTH] !== 0) continue;
      const id = grants.residuals[r + RESIDUAL_PATTERN]!;
      if (!grants.residualRegexes.has(id) && policy.templates.forUser(user, grants.indexPatterns[id]!).universal) return true;
    }
  }
  return false;
}

/** Whether an index permission of the user's roles grants `system:admin/system_index` on the index. */
export function systemIndexAccessGranted(policy: TablePolicy, index: string, user: UserEntry): boolean {
  const grants = policy.grants;
  for (const role of user.roleSet.roleIds) {
    for (let unit = grants.roleUnitStart[role]!; unit < grants.roleUnitStart[role + 1]!; unit++) {
      const at = unit * UNIT_RECORD_SIZE;
      const mask = grants.units[at + UNIT_SYSTEM_ACCESS]!;
      if (mask !== 0 && unitGrants(policy, at, mask, index, user)) return true;
    }
  }
  return false;
}

/** Whether a pattern of the masked entries of the unit (record at `at`) matches the index. */
function unitGrants(policy: TablePolicy, at: number, mask: number, index: string, user: UserEntry): boolean {
  const grants = policy.grants;
  if (trieMatchesAny(grants.trie, grants.units[at + UNIT_ROOT]!, index, mask)) return true;
  for (let r = grants.units[at + UNIT_RESIDUALS]!; r < grants.units[at + UNIT_RESIDUALS_END]!; r += RESIDUAL_RECORD_SIZE) {
    if ((grants.residuals[r + RESIDUAL_MASK]! & mask) === 0 || !startsWithResidualPrefix(grants, r, index)) continue;
    const id = grants.residuals[r + RESIDUAL_PATTERN]!;
    const matches = grants.residualRegexes.get(id) ?? policy.templates.forUser(user, grants.indexPatterns[id]!).matches;
    if (matches(index)) return true;
  }
  return false;
}

/** Whether the index starts with the residual's literal start (a one-character test first). */
function startsWithResidualPrefix(grants: PolicyGrants, residual: number, index: string): boolean {
  const length = grants.residuals[residual + RESIDUAL_PREFIX_LENGTH]!;
  if (length === 0) return true;
  if (length > index.length) return false;
  const text = grants.residualText;
  const from = grants.residuals[residual + RESIDUAL_PREFIX]!;
  for (let i = 0; i < length; i++) if (index.charCodeAt(i) !== text[from + i]) return false;
  return true;
}
