/**
 * Whether one pattern of the plugin's language matches every name another
 * matches, so that gaining the narrower one next to the broader one gives no
 * access (and losing it while the broader one stays takes none). The test is
 * conservative: it answers yes only when that is certain (`*`, equal
 * patterns, a prefix pattern over a longer literal start, a pattern over an
 * exact name), so a diff may report a change that gives no access, never
 * hide one that does.
 */
import { compilePattern, isTemplate, parsePattern } from "../../patterns/pattern.js";

/** Whether `broad` matches every name `narrow` matches. */
export function covers(broad: string, narrow: string): boolean {
  if (broad === narrow) return true;
  const wide = parsePattern(broad);
  if (wide.kind === "all") return true;
  if (isTemplate(broad) || isTemplate(narrow)) return false;
  const small = parsePattern(narrow);
  switch (small.kind) {
    case "none":
      return true;
    case "exact":
      return compilePattern(broad)(small.value);
    case "prefix":
    case "glob":
      return wide.kind === "prefix" && literalStart(narrow).startsWith(wide.prefix);
    default:
      return false;
  }
}

/** Whether some pattern of the list covers the pattern. */
export function coveredBy(patterns: Iterable<string>, narrow: string): boolean {
  for (const broad of patterns) if (covers(broad, narrow)) return true;
  return false;
}

/** The text before the first wildcard: every name the glob matches starts with it. */
function literalStart(glob: string): string {
  const star = glob.indexOf("*");
  const question = glob.indexOf("?");
  const end = Math.min(star < 0 ? glob.length : star, question < 0 ? glob.length : question);
  return glob.slice(0, end);
}
