/**
 * What `explain` finds out about the step of the evaluation that decided a
 * request: the step, a sentence about it, what granted the request's parts
 * and, on a deny, the parts nothing granted.
 */
import type { DecidingRule, Grant, GrantTarget } from "../../table/explanation.js";
import { compareCodeUnits } from "../mapping-lookup.js";

/** A part of a denied request that nothing granted, and the privilege it lacks. */
export interface MissingTarget {
  readonly target: GrantTarget;
  readonly privilege: string;
}

export interface ExplainedStep {
  readonly rule: DecidingRule;
  /** Whether the step let the request through (the privileges allowed it). */
  readonly allows: boolean;
  readonly summary: string;
  readonly grants: readonly Grant[];
  /** Empty unless the step denied for want of a privilege someone could grant. */
  readonly missing: readonly MissingTarget[];
}

const NO_GRANTS: readonly Grant[] = [];
const NO_TARGETS: readonly MissingTarget[] = [];

/** A step that decided by a rule of its own: nothing granted, nothing a grant would change. */
export function ruleStep(rule: DecidingRule, allows: boolean, summary: string): ExplainedStep {
  return { rule, allows, summary, grants: NO_GRANTS, missing: NO_TARGETS };
}

/** `a`, `a` and `b`, `a`, `b` and `c`: names in backticks, for summaries. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** The distinct roles of grants, sorted. */
export function grantingRoles(grants: readonly Grant[]): string[] {
  return [...new Set(grants.map((grant) => grant.role))].sort(compareCodeUnits);
}
