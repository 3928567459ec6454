/**
 * Whether one pattern of the plugin's language (WildcardMatcher: `*`, `?`,
 * `/regex/`, exact) matches every name another one matches. The answer is
 * safe rather than complete: "yes" is always right, and what cannot be
 * proved cheaply (a regex against a glob, a `${…}` template) is "no", so a
 * lint rule built on it can only stay silent, never be wrong.
 *
 * The lint rules compare the same patterns many times (every entry of a role
 * with every other), so a {@link PatternCoverage} reads each pattern's shape
 * once and compiles a regex only when a name must be tested against it;
 * answers about action patterns, which roles share, are remembered.
 */
import { globMatches, isRegexPattern, isTemplate, matcherOf, parsePattern, type Matcher } from "../../patterns/pattern.js";
import { SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";

/** Past this many steps the glob comparison gives up (and answers "no"): patterns are short in real policies. */
const MAX_STEPS = 1 << 20;

/**
 * The forms of WildcardMatcher. A regex is not checked here: an invalid one
 * matches nothing, so taking it for a regex can only make an answer "no".
 */
type Shape = "all" | "blank" | "exact" | "glob" | "regex";

/** A pattern read once for every comparison it takes part in. */
export interface ParsedPattern {
  readonly text: string;
  readonly shape: Shape;
  readonly template: boolean;
  /** Compiled on first use. */
  matcher: Matcher | undefined;
}

export class PatternCoverage {
  private readonly parsedByText = new Map<string, ParsedPattern>();
  private readonly actionAnswers = new Map<ParsedPattern, Map<ParsedPattern, boolean>>();

  parse(text: string): ParsedPattern {
    let parsed = this.parsedByText.get(text);
    if (parsed === undefined) {
      parsed = { text, shape: shapeOf(text), template: isTemplate(text), matcher: undefined };
      this.parsedByText.set(text, parsed);
    }
    return parsed;
  }

  /** Whether the pattern can match anything at all (a blank one matches nothing). */
  usable(text: string): boolean {
    return this.parse(text).shape !== "blank";
  }

  /** Whether an action pattern grants `system:admin/system_index` explicitly (never the bare `*`). */
  grantsSystemIndex(text: string): boolean {
    return grantsSystemIndex(this.parse(text));
  }

  /** Whether `broad` matches every name `narrow` matches. */
  patternCovers(broad: string, narrow: string): boolean {
    return covers(this.parse(broad), this.parse(narrow));
  }

  /**
   * Whether the allowed action `broad` grants everything `narrow` does. Only
   * an explicit grant gives `system:admin/system_index` (a pattern other than
   * the bare `*`), so `*` never covers a pattern that matches it.
   */
  actionCovers(broad: string, narrow: string): boolean {
    const wide = this.parse(broad);
    const small = this.parse(narrow);
    let byNarrow = this.actionAnswers.get(wide);
    if (byNarrow === undefined) this.actionAnswers.set(wide, (byNarrow = new Map()));
    let value = byNarrow.get(small);
    if (value === undefined) byNarrow.set(small, (value = !(wide.text === "*" && grantsSystemIndex(small)) && covers(wide, small)));
    return value;
  }
}

function shapeOf(text: string): Shape {
  if (text.trim() === "" || text === "/") return "blank";
  if (text === "*") return "all";
  if (isRegexPattern(text)) return "regex";
  return text.includes("*") || text.includes("?") ? "glob" : "exact";
}

/** Whether `wide` matches every name `small` matches. */
export function covers(wide: ParsedPattern, small: ParsedPattern): boolean {
  if (wide.text === small.text) return true;
  if (wide.shape === "all") return true;
  if (wide.shape === "blank" || wide.template || small.template) return false;
  switch (small.shape) {
    case "exact":
      return nameMatches(wide, small.text);
    case "glob":
      return wide.shape === "glob" && globCovers(wide.text, small.text);
    default:
      return false;
  }
}

/** Whether a pattern matches one name; a regex is compiled only past the literal text it starts with. */
function nameMatches(wide: ParsedPattern, name: string): boolean {
  switch (wide.shape) {
    case "glob":
      return globMatches(wide.text, name);
    case "regex":
      return name.startsWith(regexLiteralPrefix(wide.text)) && matcherFor(wide)(name);
    default:
      return false;
  }
}

/** The characters a `/regex/` must start with: its body up to the first character with a meaning in a regex. */
function regexLiteralPrefix(text: string): string {
  const body = text.slice(1, -1);
  if (body.includes("|")) return "";
  const special = body.search(/[\\^$.|?*+()[\]{}]/);
  // A quantifier applies to the character before it, which is then not certain to be there.
  const literal = special < 0 ? body : body.slice(0, special);
  return special >= 0 && /[?*{]/.test(body[special]!) ? literal.slice(0, -1) : literal;
}

/** Whether an action pattern other than `*` matches `system:admin/system_index`, which only such a pattern grants. */
function grantsSystemIndex(parsed: ParsedPattern): boolean {
  return parsed.text !== "*" && !parsed.template && (parsed.text === SYSTEM_INDEX_PERMISSION || nameMatches(parsed, SYSTEM_INDEX_PERMISSION));
}

function matcherFor(parsed: ParsedPattern): Matcher {
  parsed.matcher ??= matcherOf(parsePattern(parsed.text));
  return parsed.matcher;
}

/**
 * Glob inclusion by matching `broad` against the text of `narrow`, read as
 * symbols: a `*` of `broad` takes any run of symbols (wildcards included), a
 * `?` takes one literal character or one `?`, a literal takes the same
 * literal. When that succeeds, every instance of `narrow` matches `broad`.
 * Dynamic programming over positions, one row at a time.
 */
export function globCovers(broad: string, narrow: string): boolean {
  if (!literalPrefixFits(broad, narrow) || (broad.length + 1) * (narrow.length + 1) > MAX_STEPS) return false;
  // reachable[j]: `broad` up to the current position can match the first j symbols of `narrow`.
  let reachable = new Uint8Array(narrow.length + 1);
  let next = new Uint8Array(narrow.length + 1);
  reachable[0] = 1;
  // Code units, as the plugin's `?` takes one Java `char`.
  for (let i = 0; i < broad.length; i++) {
    const symbol = broad[i]!;
    next.fill(0);
    if (symbol === "*") {
      let seen = 0;
      for (let j = 0; j <= narrow.length; j++) next[j] = seen = seen | reachable[j]!;
    } else {
      for (let j = 1; j <= narrow.length; j++) {
        if (reachable[j - 1] === 1 && symbolTakes(symbol, narrow[j - 1]!)) next[j] = 1;
      }
    }
    [reachable, next] = [next, reachable];
  }
  return reachable[narrow.length] === 1;
}

/**
 * The quick "no" for most pairs: the literal text `broad` starts with must
 * start `narrow` too, as literal text.
 */
function literalPrefixFits(broad: string, narrow: string): boolean {
  for (let i = 0; i < broad.length; i++) {
    const symbol = broad[i]!;
    if (symbol === "*" || symbol === "?") return true;
    if (narrow[i] !== symbol) return false;
  }
  return true;
}

/** Whether one symbol of the broad glob (not `*`) stands for every instance of a symbol of the narrow one. */
function symbolTakes(broad: string, narrow: string): boolean {
  if (narrow === "*") return false;
  return broad === "?" || broad === narrow;
}
