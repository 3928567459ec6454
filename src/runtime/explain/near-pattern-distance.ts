/**
 * How far an index (or tenant) pattern is from matching a name: the fewest
 * one-character edits (insert, delete, replace) to the name after which the
 * pattern matches it, `*` matching any run for free and `?` any one
 * character. `logs-*` is 1 from `log-2024`, `movies` 1 from `movie`. A
 * pattern without wildcards of which the name is an extension (`logs` and
 * `logs-2024`) differs by a suffix or a prefix: close too, whatever the
 * count. Regexes and patterns with `${…}` left are never close.
 */
import { isRegexPattern, isTemplate } from "../../patterns/pattern.js";

/** Patterns or names longer than this are not compared (the table is quadratic in the lengths). */
const NEAR_MAX_COMPARED_LENGTH = 200;

/** How a pattern is close to a name, or undefined when it is not. */
export interface NearCloseness {
  /** The edits the name needs; for a prefix or suffix, the length of the difference. */
  readonly distance: number;
  /** `edits`: a few characters differ; `prefix`/`suffix`: the name extends the literal pattern at its end/start. */
  readonly how: "edits" | "prefix" | "suffix";
}

/** The closeness of a pattern to a name it does not match, or undefined when it is not close. */
export function nearCloseness(pattern: string, name: string): NearCloseness | undefined {
  if (isRegexPattern(pattern) || isTemplate(pattern) || pattern.length > NEAR_MAX_COMPARED_LENGTH || name.length > NEAR_MAX_COMPARED_LENGTH) return undefined;
  const distance = nearEditDistance(pattern, name);
  if (distance <= nearEditLimit(pattern)) return { distance, how: "edits" };
  if (!/[*?]/.test(pattern) && pattern.length >= 3) {
    if (name.startsWith(pattern)) return { distance: name.length - pattern.length, how: "prefix" };
    if (name.endsWith(pattern)) return { distance: name.length - pattern.length, how: "suffix" };
  }
  return undefined;
}

/** At most 2 edits, and fewer than half the pattern's literal characters: a 3-letter pattern is not near everything. */
function nearEditLimit(pattern: string): number {
  const literal = pattern.replace(/[*?]/g, "").length;
  return Math.min(2, Math.floor((literal - 1) / 2));
}

/** The fewest edits to `name` after which the glob `pattern` matches it (dynamic programming over both). */
export function nearEditDistance(pattern: string, name: string): number {
  let previous = new Int32Array(name.length + 1);
  let current = new Int32Array(name.length + 1);
  for (let j = 0; j <= name.length; j++) previous[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern.charCodeAt(i - 1);
    const star = p === 42; /* * */
    current[0] = previous[0]! + (star ? 0 : 1);
    for (let j = 1; j <= name.length; j++) {
      if (star) {
        current[j] = Math.min(previous[j]!, current[j - 1]!);
        continue;
      }
      const same = p === 63 /* ? */ || p === name.charCodeAt(j - 1);
      current[j] = Math.min(previous[j - 1]! + (same ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[name.length]!;
}
