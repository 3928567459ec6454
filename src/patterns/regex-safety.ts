/**
 * How a `/regex/` check stays bounded.
 *
 * The plugin runs `/…/` patterns with java.util.regex, a backtracking
 * matcher: on a pattern such as `/(a+)+$/`, `/(a|a)*b/` or `/.*a.*a.*a.*z/`
 * and a long name it takes exponential (or high polynomial) time, and an
 * OpenSearch node would hang on the request. policyc must decide every
 * request quickly, and still decide it as the plugin does whenever the plugin
 * finishes. So a pattern is evaluated in one of two ways, or refused:
 *
 * 1. As an automaton (regex-program.ts, regex-machine.ts, regex-dfa.ts): the same
 *    language as the pattern, so the same answer as the plugin's, in time
 *    linear in the name: at most (name length) × (program size) steps, and
 *    usually one map lookup per character. Every pattern an automaton can
 *    express is evaluated this way, whatever its nesting of quantifiers:
 *    nothing is rejected for backtracking, because nothing backtracks.
 * 2. With JavaScript's own (backtracking) RegExp, for what an automaton
 *    cannot express (backreferences, atomic and possessive groups, programs
 *    over the cost limit), but only when the pattern has no unbounded repetition and
 *    at most MAX_BACKTRACKING_PATHS ways to match: then backtracking is
 *    bounded too.
 * 3. Anything else is refused as not translatable (`unsupported`): compiling
 *    reports an error (PC4004), since policyc cannot decide like the plugin
 *    there. A pattern rendered from user attributes at decision time is
 *    refused the same way and then matches nothing, as an invalid pattern does.
 */
import { translateJavaRegex, type JavaRegexNode } from "./java-regex.js";
import { compileRegexProgram, type RegexProgram } from "./regex-program.js";

/** Ways to match a pattern evaluated by backtracking may have: far more than any real pattern, far below a slow check. */
export const MAX_BACKTRACKING_PATHS = 10_000;

export type SafeRegex =
  /** `program` when the pattern runs as an automaton; otherwise `source` is a bounded JavaScript RegExp (flags "u"). */
  | { readonly ok: true; readonly source: string; readonly program: RegexProgram | undefined }
  /** Why the pattern cannot be used; `unsupported` when Java accepts it but policyc cannot evaluate it faithfully and quickly. */
  | { readonly ok: false; readonly message: string; readonly unsupported: boolean };

/** A `/…/` pattern's body (without the slashes) as a bounded check, or why it cannot be one. */
export function safeJavaRegex(body: string): SafeRegex {
  const translated = translateJavaRegex(body);
  if (!translated.ok) return { ok: false, message: translated.message, unsupported: translated.unsupported };
  const program = compileRegexProgram(translated.tree);
  if (typeof program !== "string") return { ok: true, source: translated.source, program };
  if (backtrackingPaths(translated.tree) <= MAX_BACKTRACKING_PATHS && regexCompilesInJavaScript(translated.source)) {
    return { ok: true, source: translated.source, program: undefined };
  }
  const message =
    `a check that always ends quickly cannot be translated from it: ${program} (no automaton), ` +
    `and backtracking through it can take exponential time`;
  return { ok: false, message, unsupported: true };
}

/**
 * An upper bound of the ways a backtracking matcher can try to match the
 * node, capped just above the limit; Infinity for unbounded repetition.
 */
export function backtrackingPaths(node: JavaRegexNode): number {
  const cap = (n: number): number => Math.min(n, MAX_BACKTRACKING_PATHS + 1);
  switch (node.t) {
    case "char":
    case "assert":
    case "backref":
      return 1;
    case "linebreak":
      return 2;
    case "seq":
      return node.items.reduce((product, item) => cap(product * backtrackingPaths(item)), 1);
    case "alt":
      return node.alts.reduce((sum, alt) => cap(sum + backtrackingPaths(alt)), 0);
    case "group":
      return backtrackingPaths(node.body);
    case "repeat":
      return node.max === Infinity ? Infinity : regexRepeatPaths(backtrackingPaths(node.body), node.min, node.max);
  }
}

/** Σ paths^k for k from min to max, capped just above the limit. */
function regexRepeatPaths(paths: number, min: number, max: number): number {
  const over = MAX_BACKTRACKING_PATHS + 1;
  if (paths <= 1) return Math.min(max - min + 1, over);
  let total = 0;
  let power = 1;
  // `power` grows past the limit within a few rounds, which ends the loop whatever `max` is.
  for (let k = 0; k <= max; k++) {
    if (k >= min) total += power;
    if (total > MAX_BACKTRACKING_PATHS || power > MAX_BACKTRACKING_PATHS) return over;
    power *= paths;
  }
  return total;
}

/** V8 refuses some very large patterns ("regular expression too large"). */
function regexCompilesInJavaScript(source: string): boolean {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
}
