/**
 * The DLS/FLS/masking fields of a role's table entries. Besides the rules
 * themselves (resolved in `resolve-restrictions.ts`) this works out, per
 * entry, which of its rules a later entry replaces where templates match:
 * the plugin keeps the template rules of a role in a map keyed by the
 * entry's `${…}` index patterns, in the order written
 * (AbstractRuleBasedPrivileges.StaticRules, `IndexPattern.dynamicOnly()`
 * equality), so of two entries with the same template list and a rule of the
 * same kind only the later one's rule is kept. Entries with `*` among their
 * patterns are wildcard entries and take no part.
 */
import { isTemplate } from "../patterns/pattern.js";
import type { ResolvedIndexEntry, ResolvedRole } from "../resolve/index.js";
import type { RestrictionKind, TableIndexEntry } from "../table/types.js";

type RestrictionFields = Pick<TableIndexEntry, "dls" | "fls" | "maskedFields" | "replacedTemplateRules">;

const KINDS: readonly RestrictionKind[] = ["dls", "fls", "masked_fields"];

/** The restriction fields of each of the role's entries, in order; absent fields are left out. */
export function restrictionFields(role: ResolvedRole): RestrictionFields[] {
  const keys = role.index.map(templateKey);
  return role.index.map((entry, i) => {
    const replaced = KINDS.filter((kind) => hasRule(entry, kind) && keys[i] !== undefined && role.index.some((later, j) => j > i && keys[j] === keys[i] && hasRule(later, kind)));
    const rules = entry.restrictions;
    return {
      ...(rules.dls !== undefined ? { dls: rules.dls } : {}),
      ...(rules.fls !== undefined ? { fls: [...rules.fls] } : {}),
      ...(rules.maskedFields !== undefined ? { maskedFields: [...rules.maskedFields] } : {}),
      ...(replaced.length > 0 ? { replacedTemplateRules: replaced } : {}),
    };
  });
}

/** The entry's template patterns as written, as one key; undefined for wildcard entries and entries without templates. */
function templateKey(entry: ResolvedIndexEntry): string | undefined {
  if (entry.indexPatterns.includes("*")) return undefined;
  const templates = entry.indexPatterns.filter(isTemplate);
  return templates.length === 0 ? undefined : JSON.stringify(templates);
}

function hasRule(entry: ResolvedIndexEntry, kind: RestrictionKind): boolean {
  const rules = entry.restrictions;
  return kind === "dls" ? rules.dls !== undefined : kind === "fls" ? rules.fls !== undefined : rules.maskedFields !== undefined;
}
