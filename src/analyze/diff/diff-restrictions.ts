/**
 * How a role's DLS, FLS or masking rules on one index pattern change. A rule
 * where there was none tightens access (narrowing); no rule where there was
 * one loosens it (broadening); another rule usually does both, except for
 * field lists where one contains the other: more excluded or masked fields
 * narrow, more included fields broaden.
 */
import type { Effect, RestrictionChange } from "./model.js";
import type { RestrictionKind } from "../../table/types.js";

/**
 * The change of one kind of rule, or undefined when the rules are the same.
 * `counts` is false for a role that is added or removed, whose rules come and
 * go with its grants.
 */
export function diffRestrictions(kind: RestrictionKind, before: ReadonlySet<string>, after: ReadonlySet<string>, counts: boolean): RestrictionChange | undefined {
  const was = [...before].sort();
  const is = [...after].sort();
  if (was.length === is.length && was.every((rule, i) => rule === is[i])) return undefined;
  const change = was.length === 0 ? "added" : is.length === 0 ? "removed" : "changed";
  const effect: Effect = !counts ? "none" : change === "added" ? "narrowing" : change === "removed" ? "broadening" : changedEffect(kind, was, is);
  return { kind, change, effect, before: was, after: is };
}

function changedEffect(kind: RestrictionKind, before: readonly string[], after: readonly string[]): Effect {
  if (kind === "dls" || before.length !== 1 || after.length !== 1) return "both";
  const was = JSON.parse(before[0]!) as string[];
  const is = JSON.parse(after[0]!) as string[];
  if (kind === "masked_fields") return containmentEffect(was, is, "narrowing");
  // Only excluded fields: more of them hide more. Only included fields: more of them show more.
  if (was.every(isNegated) && is.every(isNegated)) return containmentEffect(was.map(withoutNegation), is.map(withoutNegation), "narrowing");
  if (!was.some(isNegated) && !is.some(isNegated)) return containmentEffect(was, is, "broadening");
  return "both";
}

/** The effect of a field list growing (`growing`) or shrinking (the opposite); `both` when neither contains the other. */
function containmentEffect(before: readonly string[], after: readonly string[], growing: Effect): Effect {
  const was = new Set(before);
  const is = new Set(after);
  const grows = before.every((field) => is.has(field));
  const shrinks = after.every((field) => was.has(field));
  if (grows && !shrinks) return growing;
  if (shrinks && !grows) return growing === "narrowing" ? "broadening" : "narrowing";
  return "both";
}

function isNegated(field: string): boolean {
  return field.startsWith("~") || field.startsWith("!");
}

function withoutNegation(field: string): string {
  return isNegated(field) ? field.slice(1) : field;
}
