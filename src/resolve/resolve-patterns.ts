/**
 * Compile-time handling of pattern lists: the plugin drops a `/…/` pattern
 * that is not valid Java regex syntax, and a blank pattern matches nothing.
 * Both are reported; template patterns (`${…}`) are checked only after
 * rendering, at decision time, as the plugin does.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LocatedString } from "../model/types.js";
import { isTemplate, parsePattern } from "../patterns/pattern.js";

/** Why a pattern can never match, or undefined when it is usable. */
export function patternProblem(pattern: string): string | undefined {
  if (isTemplate(pattern)) return undefined;
  const parsed = parsePattern(pattern);
  return parsed.kind === "none" ? (parsed.reason ?? "invalid pattern") : undefined;
}

export function reportPatternProblem(pattern: LocatedString, what: string, problem: string, sink: DiagnosticSink): void {
  if (pattern.value.trim() === "") {
    sink.report("PC4002", `blank ${what} matches nothing`, pattern.span);
  } else {
    sink.report("PC4001", `${what} \`${pattern.value}\` is not a valid Java regex (${problem}); the plugin ignores it`, pattern.span);
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
