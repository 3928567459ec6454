/**
 * Compile-time handling of pattern lists: the plugin drops a `/…/` pattern
 * that is not valid Java regex syntax, and a blank pattern matches nothing.
 * Both are reported; template patterns (`${…}`) are checked only after
 * rendering, at decision time, as the plugin does.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import type { LocatedString } from "../model/types.js";
import { isRegexPattern, isTemplate, parsePattern } from "../patterns/pattern.js";

/** Why a pattern is not used; `unsupported` when the plugin would use it but policyc cannot evaluate it (regex-safety.ts). */
export interface PatternProblem {
  readonly reason: string;
  readonly unsupported: boolean;
}

/** Why a pattern can never match or cannot be evaluated, or undefined when it is usable. */
export function patternProblem(pattern: string): PatternProblem | undefined {
  if (isTemplate(pattern)) return undefined;
  const parsed = parsePattern(pattern);
  return parsed.kind === "none" ? { reason: parsed.reason ?? "invalid pattern", unsupported: parsed.unsupported === true } : undefined;
}

export function reportPatternProblem(pattern: LocatedString, what: string, { reason: problem, unsupported }: PatternProblem, sink: DiagnosticSink): void {
  if (pattern.value.trim() === "") {
    sink.report("PC4002", `blank ${what} matches nothing`, pattern.span);
  } else if (unsupported) {
    sink.report("PC4004", `${what} ${code(pattern.value)} is Java regex the plugin accepts, but policyc cannot evaluate it like the plugin: ${problem}`, pattern.span, {
      help: "rewrite it with what policyc supports: it decides `/regex/` patterns as automata, or by bounded backtracking (README, \"Security and robustness\")",
    });
  } else {
    sink.report("PC4001", `${what} ${code(pattern.value)} is not a valid Java regex (${problem}); the plugin ignores it`, pattern.span);
  }
}

/** The usable patterns of a list, in order; the others are reported and left out. */
export function usablePatterns(patterns: readonly LocatedString[], what: string, sink: DiagnosticSink): string[] {
  const usable: string[] = [];
  for (const pattern of patterns) {
    const problem = patternProblem(pattern.value);
    if (problem === undefined) usable.push(pattern.value);
    else reportPatternProblem(pattern, what, problem, sink);
  }
  return usable;
}

/**
 * The plugin substitutes user attributes into a pattern as they are
 * (UserAttributes.replaceProperties: commons-text StringSubstitutor, no
 * escaping) and only then compiles it: inside `/…/`, an attribute value such
 * as `.*` or `x|.*` is regex syntax. policyc decides as the plugin does, and
 * says so once per pattern where attributes are substituted (index and tenant
 * patterns).
 */
export function warnAboutRegexTemplates(patterns: readonly LocatedString[], what: string, sink: DiagnosticSink): void {
  for (const pattern of patterns) {
    if (!isTemplate(pattern.value) || !isRegexPattern(pattern.value)) continue;
    const message = `${what} ${code(pattern.value)} substitutes user attributes into a regex, and the plugin does not escape them: a user whose attribute holds regex syntax changes what it matches`;
    sink.report("PC4005", message, pattern.span, {
      help: "prefer a glob (`logs-${attr.internal.dept}-*`, where only `*` and `?` of a value act as wildcards), or make sure the attribute can hold no regex syntax",
    });
  }
}
