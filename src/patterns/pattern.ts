/**
 * The plugin's pattern language (WildcardMatcher): `*` alone matches
 * everything, `/…/` is a Java regex that must match the whole string, a
 * string with `*` (any sequence) or `?` (one character) is a glob, anything
 * else matches itself exactly; blank matches nothing; always case-sensitive.
 *
 * A regex runs as a linear-time automaton wherever possible, and is refused
 * when no bounded check can be made of it (regex-safety.ts).
 *
 * This module is shared by the compiler and the runtime and imports nothing
 * but the regex translator and matcher.
 */
import { regexProgramMatches } from "./regex-dfa.js";
import type { RegexProgram } from "./regex-program.js";
import { safeJavaRegex } from "./regex-safety.js";

export type Pattern =
  | { readonly kind: "all" }
  /** `unsupported`: a Java regex policyc cannot evaluate faithfully in bounded time (the plugin would use it). */
  | { readonly kind: "none"; readonly reason?: string; readonly unsupported?: boolean }
  | { readonly kind: "exact"; readonly value: string }
  | { readonly kind: "prefix"; readonly prefix: string }
  | { readonly kind: "glob"; readonly glob: string }
  /** `program`: the automaton that decides it; without one, `source` is a bounded JavaScript RegExp. */
  | { readonly kind: "regex"; readonly source: string; readonly program: RegexProgram | undefined };

/** Whether a pattern must be rendered with the user's attributes before it can be parsed. */
export function isTemplate(pattern: string): boolean {
  return pattern.includes("${");
}

export function isRegexPattern(pattern: string): boolean {
  return pattern.length > 1 && pattern.startsWith("/") && pattern.endsWith("/");
}

/** Parses one pattern. An invalid regex gives `none` with the reason, as the plugin drops it. */
export function parsePattern(pattern: string): Pattern {
  if (pattern.trim() === "") return { kind: "none", reason: "blank pattern" };
  if (pattern === "*") return { kind: "all" };
  // The plugin rejects a lone slash (WildcardMatcher needs a regex body), which drops the pattern.
  if (pattern === "/") return { kind: "none", reason: "a lone `/` is not a pattern" };
  if (isRegexPattern(pattern)) {
    const regex = safeJavaRegex(pattern.slice(1, -1));
    if (regex.ok) return { kind: "regex", source: regex.source, program: regex.program };
    return regex.unsupported ? { kind: "none", reason: regex.message, unsupported: true } : { kind: "none", reason: regex.message };
  }
  const star = pattern.indexOf("*");
  const question = pattern.indexOf("?");
  if (star < 0 && question < 0) return { kind: "exact", value: pattern };
  if (question < 0 && star === pattern.length - 1) return { kind: "prefix", prefix: pattern.slice(0, -1) };
  return { kind: "glob", glob: pattern };
}

/** A compiled test for one pattern. */
export type Matcher = (value: string) => boolean;

const MATCH_ALL: Matcher = () => true;
const MATCH_NONE: Matcher = () => false;

export function matcherOf(pattern: Pattern): Matcher {
  switch (pattern.kind) {
    case "all":
      return MATCH_ALL;
    case "none":
      return MATCH_NONE;
    case "exact": {
      const expected = pattern.value;
      return (value) => value === expected;
    }
    case "prefix": {
      const prefix = pattern.prefix;
      return (value) => value.startsWith(prefix);
    }
    case "glob": {
      const glob = pattern.glob;
      return (value) => globMatches(glob, value);
    }
    case "regex": {
      const program = pattern.program;
      if (program !== undefined) return (value) => regexProgramMatches(program, value);
      const regex = new RegExp(pattern.source, "u");
      return (value) => regex.test(value);
    }
  }
}

/** Parses and compiles a pattern string in one step. */
export function compilePattern(pattern: string): Matcher {
  return matcherOf(parsePattern(pattern));
}

/**
 * Glob matching with `*` and `?`, by the usual two-pointer walk that retries
 * from the last `*`: linear in practice and never exponential, unlike a
 * translation to a backtracking regex.
 */
export function globMatches(glob: string, value: string): boolean {
  return globMatchesAt(glob, value, 0);
}

/**
 * `globMatches(glob, value.slice(start))` without the slice: `*` is any
 * sequence, `?` one code unit (the runtime's tries match the rest of a name
 * from where the literal path ended).
 */
export function globMatchesAt(glob: string, value: string, start: number): boolean {
  let g = 0;
  let v = start;
  let starAt = -1;
  let resumeAt = start;
  while (v < value.length) {
    const c = glob.charCodeAt(g);
    if (g < glob.length && (c === 63 /* ? */ || c === value.charCodeAt(v))) {
      g++;
      v++;
    } else if (g < glob.length && c === 42 /* * */) {
      starAt = g++;
      resumeAt = v;
    } else if (starAt >= 0) {
      g = starAt + 1;
      v = ++resumeAt;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob.charCodeAt(g) === 42) g++;
  return g === glob.length;
}
