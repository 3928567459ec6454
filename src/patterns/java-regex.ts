/**
 * Java regular expressions (java.util.regex.Pattern) translated to JavaScript RegExp sources.
 *
 * The OpenSearch Security plugin evaluates a `/…/` pattern as
 * `Pattern.compile(body).matcher(value).matches()`: Java syntax, whole-string match,
 * case-sensitive, and a body Java rejects matches nothing. policyc evaluates the same patterns
 * with `new RegExp(source, "u")`. This module re-implements Java's parser with the same cursor
 * discipline (peek/next/read/skip, comments mode included), so exactly the bodies Java accepts
 * parse, and emits JavaScript that accepts exactly the strings Java's `matches()` accepts. Where
 * it cannot guarantee that it refuses, and the caller treats the pattern as matching nothing.
 *
 * Reference behaviour is JDK 21+ (bundled with current OpenSearch); it differs from JDK 17 only
 * in `\b`, which JDK 19+ bases on ASCII word characters like `\w`.
 */

export type JavaRegexResult =
  // anchored JavaScript source, to be compiled with flags "u", and the tree it was emitted from
  | { ok: true; source: string; tree: JavaRegexNode }
  // why Java rejects it; `unsupported` when Java accepts it but policyc cannot translate it faithfully
  | { ok: false; message: string; offset: number; unsupported: boolean };

export function translateJavaRegex(javaSource: string): JavaRegexResult {
  try {
    const parser = new Parser(javaSource);
    const tree = parser.parse();
    return { ok: true, source: `^(?:${new Emitter(parser.groupCount).emit(tree)})$`, tree };
  } catch (error) {
    // INVARIANT: every refusal of what Java accepts says "cannot be translated"; Java's own errors never do.
    if (error instanceof Rejection) return { ok: false, message: error.message, offset: error.offset, unsupported: error.message.includes("cannot be translated") };
    throw error;
  }
}

class Rejection extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax tree. Character-level nodes already hold their JavaScript (flags are applied while parsing).

/** A set of code points; JavaScript's `u` mode has no class nesting, intersection or complemented unions. */
type CharSet =
  | { readonly k: "items"; readonly items: string; readonly neg: boolean; readonly bmp: boolean } // body of a JS class
  | { readonly k: "or"; readonly parts: readonly CharSet[] }
  | { readonly k: "and"; readonly a: CharSet; readonly b: CharSet }
  | { readonly k: "not"; readonly set: CharSet };

type GroupKind = "capture" | "plain" | "atomic" | "ahead" | "notAhead" | "behind" | "notBehind";
type Mode = "greedy" | "lazy" | "possessive";
/**
 * What an assertion tests, where the linear-time matcher (regex-machine.ts) decides it itself: the
 * start or the end of the input, Java's `$` without (?m) (the end, or before a final line terminator),
 * and JDK 19+'s ASCII word boundary. Other assertions are decided by their JavaScript.
 */
export type JavaAssertEdge = "start" | "end" | "final" | "boundary" | "notBoundary";
type Node =
  | { readonly t: "seq"; readonly items: readonly Node[] }
  | { readonly t: "alt"; readonly alts: readonly Node[] }
  | { readonly t: "char"; readonly js: string; readonly bmp: boolean } // one code point; bmp: never an astral one
  | { readonly t: "assert"; readonly js: string; readonly edge?: JavaAssertEdge } // zero-width
  | { readonly t: "linebreak"; readonly at: number } // \R
  | { readonly t: "backref"; readonly index: number; readonly at: number }
  | { readonly t: "group"; readonly kind: GroupKind; readonly body: Node; readonly at: number; readonly index?: number; readonly name?: string; readonly unitBased?: boolean }
  | { readonly t: "repeat"; readonly body: Node; readonly min: number; readonly max: number; readonly mode: Mode; readonly at: number };

/** The parsed pattern, for regex-program.ts, which compiles it to a linear-time matcher. */
export type JavaRegexNode = Node;

const EOF = "";
/**
 * Groups and classes nested deeper than this are refused: the parser, the emitter and the matcher
 * recurse once per level. Java itself overflows its stack a few thousand levels down.
 */
const MAX_REGEX_NESTING = 100;
const MAX_INT = 0x7fffffff; // Java's MAX_REPS: `{n,2147483647}` is unbounded
const UNIX_LINES = 0x01, CASE_INSENSITIVE = 0x02, COMMENTS = 0x04, MULTILINE = 0x08;
const DOTALL = 0x20, UNICODE_CASE = 0x40, CANON_EQ = 0x80, UNICODE_CLASSES = 0x100;
const FLAG_LETTERS = new Map([["i", CASE_INSENSITIVE], ["m", MULTILINE], ["s", DOTALL], ["d", UNIX_LINES],
  ["u", UNICODE_CASE], ["x", COMMENTS], ["c", CANON_EQ], ["U", UNICODE_CLASSES | UNICODE_CASE]]);
const SIMPLE_GROUPS = new Map<string, GroupKind>([[":", "plain"], ["=", "ahead"], ["!", "notAhead"], [">", "atomic"]]);

const isDigit = (ch: string): boolean => ch.length === 1 && ch >= "0" && ch <= "9";
const isHex = (ch: string): boolean => /^[0-9A-Fa-f]$/.test(ch);
const isAsciiSpace = (ch: string): boolean => ch === " " || (ch.length === 1 && ch >= "\t" && ch <= "\r");
const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;
/** A property's class body; a leading ^ complements it. Only \p{…} and \u{…} ever reach beyond U+FFFF. */
const items = (body: string): CharSet =>
  ({ k: "items", items: body.replace(/^\^/, ""), neg: body.startsWith("^"), bmp: !/\\[pP]\{|\\u\{[0-9A-F]{5,}\}/.test(body) });

/**
 * Java expands `\Q…\E` before parsing: inside a quote ASCII punctuation gets a backslash, letters
 * stay, and a digit opening the quote becomes `\x3d` so it cannot extend an escape before the quote.
 * An unclosed `\Q` quotes to the end. Offsets map each resulting character back to the source.
 */
function expandQuoting(source: string): { chars: string[]; offsets: number[] } {
  const src = Array.from(source);
  const starts: number[] = [];
  let offset = 0;
  for (const ch of src) {
    starts.push(offset);
    offset += ch.length;
  }
  const chars: string[] = [], offsets: number[] = [];
  const put = (i: number, ...cs: string[]): void => {
    for (const c of cs) {
      chars.push(c);
      offsets.push(starts[i] ?? offset);
    }
  };
  let inQuote = false, beginQuote = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? EOF, after = src[i + 1];
    if (ch === "\\" && after === (inQuote ? "E" : "Q")) {
      inQuote = beginQuote = !inQuote;
      i++;
      continue;
    }
    if (!inQuote) {
      put(i, ch);
      if (ch === "\\" && after !== undefined) put(++i, after); // an escape is copied whole
    } else if (ch === "\\") put(i, "\\", "\\");
    else if (/^[A-Za-z]$/.test(ch) || ch > "\x7f") put(i, ch);
    else if (isDigit(ch)) put(i, ...(beginQuote ? ["\\", "x", "3", ch] : [ch]));
    else put(i, "\\", ch);
    beginQuote = false;
  }
  offsets.push(offset);
  return { chars, offsets };
}

// ---------------------------------------------------------------------------------------------
// JavaScript building blocks

/** One code point as JavaScript source, escaped as `u` mode requires (no identity escapes like `\-` outside classes). */
function lit(cp: number, inClass: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (/^[\p{L}\p{N}_ !"#%&',:;<=>@`~]$/u.test(ch) && cp <= 0xffff) return ch;
  if ("^$\\.*+?()[]{}|/".includes(ch) || (inClass && ch === "-")) return `\\${ch}`;
  return ch === "-" ? ch : `\\u{${cp.toString(16).toUpperCase()}}`;
}

function quantifier(min: number, max: number, mode: Mode): string {
  const lazy = mode === "lazy" ? "?" : "";
  if (max === Infinity) return (min === 0 ? "*" : min === 1 ? "+" : `{${min},}`) + lazy;
  if (min === 0 && max === 1) return "?" + lazy;
  return (min === max ? `{${min}}` : `{${min},${max}}`) + lazy;
}

function union(a: CharSet | null, b: CharSet): CharSet {
  if (a === null) return b;
  if (a.k === "items" && b.k === "items" && !a.neg && !b.neg) return { k: "items", items: a.items + b.items, neg: false, bmp: a.bmp && b.bmp };
  return { k: "or", parts: [a, b] };
}

function complement(set: CharSet): CharSet {
  return set.k === "items" ? { ...set, neg: !set.neg } : { k: "not", set };
}

/**
 * JavaScript matching exactly one code point of the set; intersections and complements become
 * negative lookaheads. (Not `(?=A)B`: V8's compiled code, in Node 20 at least, mismatches a
 * starred `(?:(?=A)B)*` anchored at the start and followed by two or more characters.)
 */
function setJs(set: CharSet): string {
  switch (set.k) {
    case "items":
      return `[${set.neg ? "^" : ""}${set.items}]`;
    case "or":
      return `(?:${set.parts.map(setJs).join("|")})`;
    case "and":
      return `(?:(?!${setJs(complement(set.a))})${setJs(set.b)})`;
    case "not":
      return `(?:(?!${setJs(set.set)})[^])`;
  }
}

/** Whether every code point of the set is in the BMP and not a surrogate. */
function isBmp(set: CharSet): boolean {
  switch (set.k) {
    case "items": return set.bmp && !set.neg;
    case "or": return set.parts.every(isBmp);
    case "and": return isBmp(set.a) || isBmp(set.b);
    case "not": return false;
  }
}
const charNode = (set: CharSet): Node => ({ t: "char", js: setJs(set), bmp: isBmp(set) });

const LINE_TERMINATORS = "\\n\\r\\x85\\u2028\\u2029"; // Java's `.` also excludes U+0085, JavaScript's does not
const LINEBREAK_CHARS = "[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]";
const LINEBREAK = `(?:\\r\\n|${LINEBREAK_CHARS})`; // \R alone may give back the \n of \r\n, as in Java
const LINEBREAK_TOKEN = `(?:\\r\\n|(?!\\r\\n)${LINEBREAK_CHARS})`; // a repeated \R never splits \r\n in Java
const UNICODE_WORD = "\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D"; // Java's \w under (?U)
// JDK 19+ \b: word characters are [A-Za-z0-9_], plus a non-spacing mark whose base is a letter or digit;
// Java walks back by UTF-16 unit there, so only BMP marks and bases count (an astral one reads as a surrogate).
const BMP = (cls: string): string => `(?:(?![^${cls}])[\\x00-\\uFFFF])`;
const WORD_BEFORE = `(?<=[A-Za-z0-9_]|${BMP("\\p{L}\\p{Nd}")}${BMP("\\p{Mn}")}+)`;
const WORD_AFTER = `(?:(?=[A-Za-z0-9_])|(?=\\p{Mn})(?<=${BMP("\\p{L}\\p{Nd}")}${BMP("\\p{Mn}")}*))`;

// ---------------------------------------------------------------------------------------------
// Character properties (\p{…}), by Java's lookup rules

const CASED = "\\p{Lowercase}\\p{Uppercase}\\p{Lt}"; // what Java's case properties become under (?i)
/** Java's forProperty names (case-sensitive); POSIX ones are US-ASCII. A leading ^ complements. */
const JAVA_PROPERTIES: Record<string, string> = {
  LD: "\\p{L}\\p{Nd}", L1: "\\x00-\\xFF", all: "\\x00-\\u{10FFFF}", ASCII: "\\x00-\\x7F", Alnum: "0-9A-Za-z",
  Alpha: "A-Za-z", Blank: "\\t ", Cntrl: "\\x00-\\x1F\\x7F", Digit: "0-9", Graph: "!-~", Lower: "a-z", Print: " -~",
  Punct: "!-\\/:-@\\[-`\\{-~", Space: "\\t-\\r ", Upper: "A-Z", XDigit: "0-9A-Fa-f",
  javaLowerCase: "\\p{Lowercase}", javaUpperCase: "\\p{Uppercase}", javaTitleCase: "\\p{Lt}", javaAlphabetic: "\\p{Alphabetic}",
  javaIdeographic: "\\p{Ideographic}", javaDigit: "\\p{Nd}", javaDefined: "^\\p{Cn}", javaLetter: "\\p{L}",
  javaLetterOrDigit: "\\p{L}\\p{Nd}", javaSpaceChar: "\\p{Z}", javaISOControl: "\\x00-\\x1F\\x7F-\\x9F",
  javaWhitespace: "\\t-\\r\\x1C-\\x20\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000",
  javaMirrored: "\\p{Bidi_Mirrored}",
};
const HEX_DIGIT = "\\p{Nd}A-Fa-f\\uFF21-\\uFF26\\uFF41-\\uFF46"; // Java: decimal digits plus (fullwidth) A-F
/** Java's POSIX names with Unicode meanings: after `Is`, and without it under (?U). Upper-case keys. */
const POSIX_UNICODE: Record<string, string> = {
  ALPHA: "\\p{Alphabetic}", LOWER: "\\p{Lowercase}", UPPER: "\\p{Uppercase}", SPACE: "\\p{White_Space}",
  PUNCT: "\\p{P}", XDIGIT: HEX_DIGIT, ALNUM: "\\p{Alphabetic}\\p{Nd}",
  CNTRL: "\\p{Cc}", DIGIT: "\\p{Nd}", BLANK: "\\p{Zs}\\t", GRAPH: "^\\p{Z}\\p{Cc}\\p{Cs}\\p{Cn}",
  PRINT: "^\\p{Zl}\\p{Zp}\\p{Cc}\\p{Cs}\\p{Cn}",
};
/** Java's Unicode binary properties, only after `Is`. Upper-case keys. */
const UNICODE_BINARY: Record<string, string> = {
  ALPHABETIC: "\\p{Alphabetic}", ASSIGNED: "^\\p{Cn}", CONTROL: "\\p{Cc}", EMOJI: "\\p{Emoji}",
  EMOJI_PRESENTATION: "\\p{Emoji_Presentation}", EMOJI_MODIFIER: "\\p{Emoji_Modifier}",
  EMOJI_MODIFIER_BASE: "\\p{Emoji_Modifier_Base}", EMOJI_COMPONENT: "\\p{Emoji_Component}",
  EXTENDED_PICTOGRAPHIC: "\\p{Extended_Pictographic}", HEXDIGIT: HEX_DIGIT, HEX_DIGIT,
  IDEOGRAPHIC: "\\p{Ideographic}", JOINCONTROL: "\\u200C\\u200D", JOIN_CONTROL: "\\u200C\\u200D", LETTER: "\\p{L}",
  LOWERCASE: "\\p{Lowercase}", UPPERCASE: "\\p{Uppercase}", TITLECASE: "\\p{Lt}", PUNCTUATION: "\\p{P}",
  NONCHARACTERCODEPOINT: "\\p{Noncharacter_Code_Point}", NONCHARACTER_CODE_POINT: "\\p{Noncharacter_Code_Point}",
  WHITESPACE: "\\p{White_Space}", WHITE_SPACE: "\\p{White_Space}", WORD: UNICODE_WORD,
};
/** Common Unicode blocks (JavaScript has no block properties): range, canonical name, Java identifier if irregular. */
const BLOCKS = `0000-007F Basic Latin|0080-00FF Latin-1 Supplement|0100-017F Latin Extended-A|0180-024F Latin Extended-B
|0250-02AF IPA Extensions|02B0-02FF Spacing Modifier Letters|0300-036F Combining Diacritical Marks
|0370-03FF Greek and Coptic:GREEK|0400-04FF Cyrillic|0530-058F Armenian|0590-05FF Hebrew|0600-06FF Arabic
|0900-097F Devanagari|0E00-0E7F Thai|10A0-10FF Georgian|1100-11FF Hangul Jamo|1E00-1EFF Latin Extended Additional
|1F00-1FFF Greek Extended|2000-206F General Punctuation|2070-209F Superscripts and Subscripts|20A0-20CF Currency Symbols
|2100-214F Letterlike Symbols|2150-218F Number Forms|2190-21FF Arrows|2200-22FF Mathematical Operators
|2500-257F Box Drawing|25A0-25FF Geometric Shapes|2600-26FF Miscellaneous Symbols|2700-27BF Dingbats
|3000-303F CJK Symbols and Punctuation|3040-309F Hiragana|30A0-30FF Katakana|4E00-9FFF CJK Unified Ideographs
|AC00-D7AF Hangul Syllables|E000-F8FF Private Use Area|FF00-FFEF Halfwidth and Fullwidth Forms|FFF0-FFFF Specials`;

/** Java's own property names (exact case): categories, US-ASCII POSIX classes, java.lang.Character predicates. */
function javaProperty(name: string, ci: boolean): CharSet | string | undefined {
  if (/^(?:C[cfnos]?|L[lmotu]?|M[cen]?|N[dlo]?|P[cdefios]?|S[ckmo]?|Z[lps]?|LC)$/.test(name))
    return items(ci && /^L[ult]$/.test(name) ? "\\p{LC}" : `\\p{${name}}`); // (?i) makes Lu/Ll/Lt any cased letter
  if (ci && /^(?:Lower|Upper)$/.test(name)) return items("A-Za-z");
  if (ci && /^java(?:Lower|Upper|Title)Case$/.test(name)) return items(CASED);
  const found = Object.hasOwn(JAVA_PROPERTIES, name) ? JAVA_PROPERTIES[name] : undefined;
  if (found !== undefined) return items(found);
  if (/^java(?:(?:Java|Unicode)Identifier(?:Start|Part)|IdentifierIgnorable)$/.test(name))
    return `\\p{${name}} cannot be translated faithfully`;
  return undefined;
}

/** Java's Unicode properties after `Is` (binary ones and POSIX names), or POSIX names alone under (?U). */
function unicodeProperty(upper: string, ci: boolean, posixOnly: boolean): CharSet | undefined {
  const table = posixOnly ? POSIX_UNICODE : { ...UNICODE_BINARY, ...POSIX_UNICODE };
  if (!Object.hasOwn(table, upper)) return undefined;
  // under (?i) Java widens its case properties to every cased letter
  if (ci && ["LOWER", "UPPER", "LOWERCASE", "UPPERCASE", "TITLECASE"].includes(upper)) return items(CASED);
  return items(table[upper] ?? "");
}

function block(name: string): CharSet | string {
  const key = name.toUpperCase();
  for (const entry of BLOCKS.split(/\s*\|\s*/)) {
    const [, lo = "", hi = "", canonical = "", id] = /^(\w+)-(\w+) ([^:]+)(?::(\w+))?$/.exec(entry) ?? [];
    const upper = canonical.toUpperCase();
    if ([id ?? upper.replace(/[ -]/g, "_"), upper, upper.replace(/ /g, "")].includes(key)) return items(`\\u{${lo}}-\\u{${hi}}`);
  }
  return `unknown or unsupported unicode block {${name}}`;
}

/** Java accepts a script's enum name or four-letter alias in any case; JavaScript wants e.g. `Old_Italic` or `Ital`. */
function script(name: string): CharSet | undefined {
  const upper = name.toUpperCase();
  if (!/^[A-Z]+(?:_[A-Z]+)*$/.test(upper) || upper === "QAAI" || upper === "QAAC") return undefined; // aliases Java lacks
  const js = `\\p{Script=${upper.split("_").map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join("_")}}`;
  try {
    new RegExp(js, "u");
    return items(js);
  } catch {
    return undefined;
  }
}

function lookupProperty(name: string, ci: boolean, unicodeClasses: boolean): CharSet | string {
  const eq = name.indexOf("=");
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase(), value = name.slice(eq + 1);
    const found = key === "sc" || key === "script" ? script(value)
      : key === "blk" || key === "block" ? block(value)
      : key === "gc" || key === "general_category" ? javaProperty(value, ci) : undefined;
    return found ?? `unknown unicode property {name=<${key}>, value=<${value}>}`;
  }
  let found: CharSet | string | undefined;
  if (name.startsWith("In")) found = block(name.slice(2));
  else if (name.startsWith("Is")) {
    const short = name.slice(2);
    found = unicodeProperty(short.toUpperCase(), ci, false) ?? javaProperty(short, ci) ?? script(short);
  } else found = (unicodeClasses ? unicodeProperty(name.toUpperCase(), ci, true) : undefined) ?? javaProperty(name, ci);
  return found ?? `unknown character property name {${name}}`;
}

// ---------------------------------------------------------------------------------------------
// Parser: a recursive descent over Java's grammar, mirroring java.util.regex.Pattern's cursor moves

class Parser {
  private readonly chars: readonly string[];
  private readonly offsets: readonly number[];
  private cursor = 0;
  private flags = 0;
  groupCount = 0;
  private depth = 0;
  private readonly names = new Map<string, number>();

  constructor(source: string) {
    ({ chars: this.chars, offsets: this.offsets } = expandQuoting(source));
  }

  parse(): Node {
    const nul = this.chars.indexOf("\0");
    if (nul >= 0) this.fail("nul characters are not supported", nul);
    const tree = this.expr();
    if (this.cursor < this.chars.length) this.fail(this.peek() === ")" ? "unmatched closing ')'" : "unexpected internal error");
    return tree;
  }

  /** One more level of groups or classes; refused beyond the limit. */
  private enter(): void {
    if (++this.depth > MAX_REGEX_NESTING) this.fail(`groups or classes nested more than ${MAX_REGEX_NESTING} deep cannot be translated`);
  }

  private offset(index = this.cursor): number {
    return this.offsets[Math.min(index, this.offsets.length - 1)] ?? 0;
  }

  private fail(message: string, index = this.cursor): never {
    throw new Rejection(message, this.offset(index));
  }

  // Lexing. In comments mode (?x) Java skips ASCII whitespace and #-comments in peek/read/next, not in skip.
  private at(index: number): string {
    return this.chars[index] ?? EOF;
  }
  private has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }
  private skipComments(): void {
    while (this.has(COMMENTS)) {
      const ch = this.at(this.cursor);
      if (isAsciiSpace(ch)) this.cursor++;
      else if (ch !== "#") return;
      else do this.cursor++; while (this.cursor < this.chars.length && !this.isLineSeparator(this.at(this.cursor)));
    }
  }
  private isLineSeparator(ch: string): boolean {
    return this.has(UNIX_LINES) ? ch === "\n" : ch !== EOF && "\n\r\x85\u2028\u2029".includes(ch);
  }
  private peek(): string {
    this.skipComments();
    return this.at(this.cursor);
  }
  private read(): string {
    this.skipComments();
    return this.at(this.cursor++);
  }
  private next(): string {
    this.cursor++;
    return this.peek();
  }
  private skip(): string {
    this.cursor += 2;
    return this.at(this.cursor - 1);
  }

  private expr(): Node {
    const alts = [this.sequence()];
    while (this.peek() === "|") {
      this.next();
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: "alt", alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === EOF || ch === "|" || ch === ")") return { t: "seq", items };
      if (ch === "(") {
        const group = this.group(); // null for a bare (?flags)
        if (group) items.push(group);
      } else if (ch === "?" || ch === "*" || ch === "+") {
        this.next();
        this.fail(`dangling meta character '${ch}'`);
      } else items.push(this.closure(this.atom(ch)));
    }
  }

  private atom(ch: string): Node {
    const start = this.cursor;
    if (ch === "[") return charNode(this.charClass(true));
    if (ch === "\\") return this.escapeAtom();
    if (ch === "{") return { t: "seq", items: [] }; // Java parses an empty atom here; closure() then demands {n,m}
    this.next();
    if (ch === "^") return { t: "assert", js: this.caretJs(), ...(this.has(MULTILINE) ? {} : { edge: "start" as const }) };
    if (ch === "$") return this.dollar(this.has(MULTILINE));
    if (ch === ".") return { t: "char", js: this.has(DOTALL) ? "[^]" : this.has(UNIX_LINES) ? "[^\\n]" : `[^${LINE_TERMINATORS}]`, bmp: false };
    return this.literal(ch.codePointAt(0) ?? 0, start); // including a stray ] or }, which Java takes literally
  }

  private escapeAtom(): Node {
    const start = this.cursor;
    const ch = this.at(++this.cursor);
    if (ch === "p" || ch === "P") return charNode(this.property(ch === "P"));
    this.cursor--;
    const escaped = this.escape(false, false);
    if ("cp" in escaped) return this.literal(escaped.cp, start);
    return "set" in escaped ? charNode(escaped.set) : escaped.node;
  }

  private literal(cp: number, index: number): Node {
    if (this.has(CASE_INSENSITIVE) && this.has(UNICODE_CASE)) {
      const ch = String.fromCodePoint(cp);
      if (ch.toLowerCase() !== ch.toUpperCase()) this.fail("unicode case-insensitive matching (?iu) cannot be translated faithfully", index);
    }
    if (this.has(CASE_INSENSITIVE) && /^[A-Za-z]$/.test(String.fromCodePoint(cp))) // Java folds ASCII letters only
      return { t: "char", js: `[${String.fromCodePoint(cp).toLowerCase()}${String.fromCodePoint(cp).toUpperCase()}]`, bmp: true };
    return { t: "char", js: lit(cp, false), bmp: cp <= 0xffff && !isSurrogate(cp) };
  }

  /** Groups, mirroring Java's group0: flags set inside a group end with it, `(?i)` runs to the group's end. */
  private group(): Node | null {
    const at = this.offset();
    const saved = this.flags;
    this.enter();
    let node: Node;
    if (this.next() !== "?") node = this.capture(at, undefined);
    else {
      const ch = this.skip();
      const kind = SIMPLE_GROUPS.get(ch);
      if (kind) node = { t: "group", kind, body: this.expr(), at };
      else if (ch === "<") node = this.angleGroup(at);
      else if (ch === "$" || ch === "@") this.fail("unknown group type");
      else {
        this.cursor--;
        this.addFlags();
        const end = this.read();
        if (end === ")") {
          this.depth--;
          return null; // (?flags): Java keeps them until the enclosing group closes
        }
        if (end !== ":") this.fail("unknown inline modifier");
        node = { t: "group", kind: "plain", body: this.expr(), at };
      }
    }
    if (this.read() !== ")") this.fail("unclosed group");
    this.flags = saved;
    this.depth--;
    return this.closure(node);
  }

  private angleGroup(at: number): Node {
    const ch = this.read();
    if (ch === "=" || ch === "!") {
      // Java steps back over UTF-16 units unless the pattern text from here on has a supplementary character
      const unitBased = !this.chars.slice(this.cursor).some((c) => c.length > 1);
      return { t: "group", kind: ch === "=" ? "behind" : "notBehind", body: this.expr(), at, unitBased };
    }
    const name = this.groupName(ch);
    if (this.names.has(name)) this.fail(`named capturing group <${name}> is already defined`);
    return this.capture(at, name);
  }

  private capture(at: number, name: string | undefined): Node {
    const index = ++this.groupCount;
    if (name !== undefined) this.names.set(name, index);
    return { t: "group", kind: "capture", index, ...(name !== undefined ? { name } : {}), body: this.expr(), at };
  }

  private groupName(first: string): string {
    if (!/^[A-Za-z]$/.test(first)) this.fail("capturing group name does not start with a latin letter");
    let name = first, ch: string;
    while (/^[A-Za-z0-9]$/.test((ch = this.read()))) name += ch;
    if (ch !== ">") this.fail("named capturing group is missing trailing '>'");
    return name;
  }

  private addFlags(): void {
    let on = true;
    for (let ch = this.peek(); ; ch = this.next()) {
      const flag = FLAG_LETTERS.get(ch);
      if (ch === "-" && on) on = false;
      else if (flag === undefined) return;
      else this.flags = on ? this.flags | flag : this.flags & ~flag;
      if (this.has(CANON_EQ)) this.fail("canonical equivalence (?c) cannot be translated faithfully");
    }
  }

  private closure(body: Node): Node {
    const at = this.offset();
    const ch = this.peek();
    let min: number, max: number;
    if (ch === "?") [min, max] = [0, 1];
    else if (ch === "*") [min, max] = [0, Infinity];
    else if (ch === "+") [min, max] = [1, Infinity];
    else if (ch === "{") [min, max] = this.counted();
    else return body;
    // The quantifier's last character is under the cursor: one more tells greedy, lazy (?) or possessive (+).
    const modifier = this.next();
    const mode: Mode = modifier === "?" ? "lazy" : modifier === "+" ? "possessive" : "greedy";
    if (mode !== "greedy") this.next();
    return { t: "repeat", body, min, max, mode, at };
  }

  /** `{n}`, `{n,}`, `{n,m}`; Java rejects any other `{`, even a stray one such as `logs-{`. */
  private counted(): [number, number] {
    const open = this.cursor;
    let ch = this.skip(); // Java looks at the character right after `{` without skipping comments
    if (!isDigit(ch)) {
      const rest = this.chars.slice(open, open + 8).join("");
      this.fail(`illegal repetition near \`${rest.includes("}") ? rest.slice(0, rest.indexOf("}") + 1) : rest}\``, open);
    }
    const number = (first: string): number => {
      let value = 0;
      for (ch = first; isDigit(ch); ch = this.read())
        if ((value = value * 10 + Number(ch)) > MAX_INT) this.fail("illegal repetition range");
      return value;
    };
    const min = number(ch);
    let max = min;
    if (ch === ",") {
      max = (ch = this.read()) === "}" ? Infinity : number(ch);
    }
    if (ch !== "}") this.fail("unclosed counted closure");
    if (max < min) this.fail("illegal repetition range");
    this.cursor--; // back onto `}`
    return [min, max === MAX_INT ? Infinity : max];
  }

  /** A backslash escape; the cursor is on the backslash. Java: Pattern.escape(). */
  private escape(inClass: boolean, isRange: boolean): { cp: number } | { set: CharSet } | { node: Node } {
    const start = this.cursor, at = this.offset();
    const ch = this.skip();
    const simple = ({ a: 7, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 } as Record<string, number>)[ch];
    if (simple !== undefined) return { cp: simple };
    if (ch === "v" && isRange) return { cp: 0x0b }; // Java keeps the pre-1.8 meaning (VT) in a range
    if (/^[dDsSwWhHvV]$/.test(ch)) return { set: this.predefined(ch) };
    switch (ch) {
      case "0": return { cp: this.octal() };
      case "x": return { cp: this.hexEscape() };
      case "u": return { cp: this.unicodeEscape() };
      case "c": return { cp: this.controlEscape() };
      case "N": this.fail("\\N{…} character names cannot be translated", start);
      case EOF: this.fail(inClass ? "unclosed character class" : "unescaped trailing backslash");
    }
    if (!/^[A-Za-z0-9]$/.test(ch)) return { cp: ch.codePointAt(0) ?? 0 }; // `\.`, `\-`, `\_`, `\é`…
    if (inClass) this.fail("illegal/unsupported escape sequence");
    if (ch === "A" || ch === "G") return { node: { t: "assert", js: "^", edge: "start" } }; // \G is 0 for a fresh matcher
    if (ch === "z") return { node: { t: "assert", js: "$", edge: "end" } };
    if (ch === "Z") return { node: this.dollar(false) };
    if (isDigit(ch)) return { node: this.backref(Number(ch), at) };
    if (ch === "k") return { node: this.namedBackref(at) };
    if (ch === "b" || ch === "B") {
      const js = this.boundaryJs(ch === "B", start);
      return { node: { t: "assert", js, ...(this.has(UNICODE_CLASSES) ? {} : { edge: ch === "B" ? "notBoundary" as const : "boundary" as const }) } };
    }
    if (ch === "R") return { node: { t: "linebreak", at } };
    if (ch === "X") this.fail("\\X grapheme clusters cannot be translated faithfully", start);
    this.fail("illegal/unsupported escape sequence");
  }

  private octal(): number {
    const isOctal = (ch: string): boolean => ch.length === 1 && ch >= "0" && ch <= "7";
    const n = this.read();
    if (!isOctal(n)) this.fail("illegal octal escape sequence");
    const m = this.read();
    if (!isOctal(m)) {
      this.cursor--;
      return Number(n);
    }
    const o = this.read();
    if (isOctal(o) && n <= "3") return Number(n) * 64 + Number(m) * 8 + Number(o); // at most \0377
    this.cursor--;
    return Number(n) * 8 + Number(m);
  }

  private hexEscape(): number {
    const n = this.read();
    if (isHex(n)) {
      const m = this.read();
      if (isHex(m)) return parseInt(n + m, 16);
    } else if (n === "{" && isHex(this.peek())) {
      let value = 0, ch: string;
      while (isHex((ch = this.read())))
        if ((value = value * 16 + parseInt(ch, 16)) > 0x10ffff) this.fail("hexadecimal codepoint is too big");
      if (ch !== "}") this.fail("unclosed hexadecimal escape sequence");
      return value;
    }
    this.fail("illegal hexadecimal escape sequence");
  }

  private unicodeEscape(): number {
    const four = (): number => {
      let value = 0;
      for (let i = 0; i < 4; i++) {
        const ch = this.read();
        if (!isHex(ch)) this.fail("illegal unicode escape sequence");
        value = value * 16 + parseInt(ch, 16);
      }
      return value;
    };
    const high = four();
    if (high < 0xd800 || high > 0xdbff) return high;
    const save = this.cursor; // `\uD83D\uDE00` is one code point, as in Java
    if (this.read() === "\\" && this.read() === "u") {
      const low = four();
      if (low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
    }
    this.cursor = save;
    return high;
  }

  private controlEscape(): number {
    if (this.cursor >= this.chars.length) this.fail("illegal control escape sequence");
    return (this.read().codePointAt(0) ?? 0) ^ 64; // Java accepts any character: `\c?` is U+007F
  }

  private backref(first: number, at: number): Node {
    let index = first; // more digits only while they still name an existing group, as Java does
    for (let ch = this.peek(); isDigit(ch) && index * 10 + Number(ch) <= this.groupCount; ch = this.peek()) {
      index = index * 10 + Number(ch);
      this.read();
    }
    return this.checkedBackref(index, at);
  }

  private namedBackref(at: number): Node {
    if (this.read() !== "<") this.fail("\\k is not followed by '<' for named capturing group");
    const name = this.groupName(this.read());
    const index = this.names.get(name);
    if (index === undefined) this.fail(`named capturing group <${name}> does not exist`);
    return this.checkedBackref(index, at);
  }

  private checkedBackref(index: number, at: number): Node {
    if (this.has(CASE_INSENSITIVE)) throw new Rejection("case-insensitive backreference cannot be translated faithfully", at);
    return { t: "backref", index, at };
  }

  private predefined(ch: string): CharSet {
    const unicode = this.has(UNICODE_CLASSES);
    const body = ({
      d: unicode ? "\\p{Nd}" : "0-9",
      s: unicode ? "\\p{White_Space}" : "\\t-\\r ", // JavaScript's \s is Unicode-wide; Java's is ASCII
      w: unicode ? UNICODE_WORD : "\\w",
      h: "\\t \\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000",
      v: "\\n-\\r\\x85\\u2028\\u2029",
    } as Record<string, string>)[ch.toLowerCase()];
    return { k: "items", items: body ?? "", neg: ch !== ch.toLowerCase(), bmp: !unicode };
  }

  private caretJs(): string {
    if (!this.has(MULTILINE)) return "^";
    // (?m)^: at the start or after a line terminator (not between \r and \n), never at the very end
    if (this.has(UNIX_LINES)) return "(?!$)(?:^|(?<=\\n))";
    return `(?!$)(?:^|(?<=[${LINE_TERMINATORS}]))(?!(?<=\\r)\\n)`;
  }

  private dollar(multiline: boolean): Node {
    const js = this.dollarJs(multiline);
    return { t: "assert", js, ...(multiline || this.has(UNIX_LINES) ? {} : { edge: "final" as const }) };
  }

  private dollarJs(multiline: boolean): string {
    // Without (?m), Java's $ also matches before a final line terminator (\r\n counting as one);
    // matches() must still consume that terminator, so $ is only an assertion here.
    if (this.has(UNIX_LINES)) return multiline ? "(?=$|\\n)" : "(?=\\n?$)";
    return multiline ? "(?=$|(?<!\\r)\\n|[\\r\\x85\\u2028\\u2029])" : "(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\x85\\u2028\\u2029])?$)";
  }

  private boundaryJs(negated: boolean, start: number): string {
    if (this.peek() === "{") {
      if (this.skip() === "g") {
        if (this.read() === "}") this.fail("\\b{g} grapheme boundaries cannot be translated faithfully", start);
        this.fail("illegal/unsupported escape sequence");
      }
      this.cursor -= 2;
    }
    const unicode = this.has(UNICODE_CLASSES);
    const before = unicode ? `(?<=[${UNICODE_WORD}])` : WORD_BEFORE;
    const after = unicode ? `(?=[${UNICODE_WORD}])` : WORD_AFTER;
    return negated ? `(?:${before}${after}|(?!${before})(?!${after}))` : `(?:${before}(?!${after})|(?!${before})${after})`;
  }

  /** `\p{…}` / `\P{…}`; the cursor is on the `p`. */
  private property(complemented: boolean): CharSet {
    const start = this.cursor;
    const oneLetter = this.next() !== "{";
    if (oneLetter) this.cursor--;
    this.next();
    let name = this.at(this.cursor);
    if (oneLetter) this.read();
    else {
      const from = this.cursor;
      for (let ch = this.read(); ch !== "}"; ch = this.read()) if (ch === EOF) this.fail("unclosed character family");
      if (this.cursor - 1 <= from) this.fail("empty character family");
      name = this.chars.slice(from, this.cursor - 1).join("");
    }
    const found = lookupProperty(name, this.has(CASE_INSENSITIVE), this.has(UNICODE_CLASSES));
    if (typeof found === "string") this.fail(found, start);
    return complemented ? complement(found) : found;
  }

  /**
   * A character class; the cursor is on `[` (or, for the right side of `&&`, just before it).
   * Nested classes are unions, `&&` intersects everything before it with everything after it, and a
   * leading `^` complements the whole class (Java 9+). `[]` is not empty: `]` first is a literal.
   */
  private charClass(consume: boolean): CharSet {
    this.enter();
    let set: CharSet | null = null, intersected = false;
    let ch = this.next();
    const negated = ch === "^" && this.at(this.cursor - 1) === "[";
    if (negated) ch = this.next();
    for (;;) {
      if (ch === "[") {
        set = union(set, this.charClass(true));
        ch = this.peek();
        continue;
      }
      if (ch === "&" && this.next() === "&") {
        set = this.intersection(set);
        intersected = true;
        ch = this.peek();
        continue;
      }
      if (ch === "&") this.cursor--;
      else if (ch === EOF) this.fail("unclosed character class");
      else if (ch === "]" && set !== null) {
        if (consume) this.next();
        this.depth--;
        return negated ? complement(set) : set;
      }
      // Java re-adds earlier single characters when more follows an intersection; refuse that oddity.
      if (intersected) this.fail("character class items after an intersection cannot be translated faithfully");
      set = union(set, this.classItem());
      ch = this.peek();
    }
  }

  private intersection(left: CharSet | null): CharSet {
    let right: CharSet | null = null;
    for (let ch = this.next(); ch !== "]" && ch !== "&"; ch = this.peek()) {
      if (ch === EOF) this.fail("unclosed character class");
      if (ch === "[") right = union(right, this.charClass(true));
      else if (right !== null) this.fail("an intersection operand mixing a nested class and characters cannot be translated faithfully");
      else {
        this.cursor--; // charClass(false) reads the operand as a class body without brackets
        right = this.charClass(false);
      }
    }
    if (right === null) this.fail(left === null ? "bad class syntax" : "an empty intersection operand cannot be translated faithfully");
    return left === null ? right : { k: "and", a: left, b: right };
  }

  /** A character, range, escape or property inside a class. Java: Pattern.range(). */
  private classItem(): CharSet {
    const start = this.cursor;
    let ch = this.peek(), cp: number;
    if (ch === "\\") {
      ch = this.at(++this.cursor);
      if (ch === "p" || ch === "P") return this.property(ch === "P");
      const isRange = this.at(this.cursor + 1) === "-";
      this.cursor--;
      const escaped = this.escape(true, isRange);
      if (!("cp" in escaped)) return "set" in escaped ? escaped.set : this.fail("illegal/unsupported escape sequence");
      cp = escaped.cp;
    } else {
      this.next();
      cp = ch.codePointAt(0) ?? 0;
    }
    if (this.peek() === "-" && !["[", "]"].includes(this.at(this.cursor + 1))) {
      let end = this.next();
      if (end === "\\") {
        const escaped = this.escape(true, true);
        end = "cp" in escaped ? String.fromCodePoint(escaped.cp) : EOF;
      } else this.next();
      const last = end === EOF ? -1 : (end.codePointAt(0) ?? -1);
      if (last < cp) this.fail("illegal character range");
      return this.rangeSet(cp, last, start);
    }
    return this.rangeSet(cp, cp, start);
  }

  private rangeSet(lo: number, hi: number, index: number): CharSet {
    let body = lo === hi ? lit(lo, true) : `${lit(lo, true)}-${lit(hi, true)}`;
    if (this.has(CASE_INSENSITIVE)) {
      if (this.has(UNICODE_CASE)) this.fail("unicode case-insensitive matching (?iu) cannot be translated faithfully", index);
      // Java folds ASCII letters only: add the other case of the range's part inside A-Z and a-z.
      for (const [from, to, shift] of [[0x41, 0x5a, 32], [0x61, 0x7a, -32]] as const) {
        const a = Math.max(lo, from), b = Math.min(hi, to);
        if (a <= b) body += `${lit(a + shift, true)}-${lit(b + shift, true)}`;
      }
    }
    return { k: "items", items: body, neg: false, bmp: hi <= 0xffff && !(lo <= 0xdfff && hi >= 0xd800) };
  }
}

// ---------------------------------------------------------------------------------------------
// Emitter: the tree as JavaScript, refusing what JavaScript would match differently

interface Context {
  readonly behind: boolean; // inside a look-behind (JavaScript matches it right to left)
  readonly atomic: boolean; // inside an atomic group or possessive operand: the first match found is kept
  readonly repeated: boolean; // inside a repeated group
}

const isLookaround = (kind: GroupKind): boolean => kind !== "capture" && kind !== "plain" && kind !== "atomic";
const isPlainGroup = (node: Node): boolean => node.t === "group" && (node.kind === "capture" || node.kind === "plain");

function nullable(node: Node): boolean {
  switch (node.t) {
    case "char": case "linebreak": return false;
    case "assert": case "backref": return true;
    case "seq": return node.items.every(nullable);
    case "alt": return node.alts.some(nullable);
    case "group": return isLookaround(node.kind) || nullable(node.body);
    case "repeat": return node.min === 0 || nullable(node.body);
  }
}

function mayMatchAstral(node: Node): boolean {
  switch (node.t) {
    case "char": return !node.bmp;
    case "seq": return node.items.some(mayMatchAstral);
    case "alt": return node.alts.some(mayMatchAstral);
    case "group": case "repeat": return mayMatchAstral(node.body);
    default: return false;
  }
}

interface Study { readonly max: number; readonly valid: boolean; readonly det: boolean }

/** Java's TreeInfo: the longest match, whether Java considers it bounded, and whether the node is deterministic. */
function study(node: Node): Study {
  switch (node.t) {
    case "char": case "assert": case "linebreak":
      return { max: node.t === "char" ? 1 : node.t === "linebreak" ? 2 : 0, valid: true, det: true };
    case "backref": return { max: 0, valid: false, det: true };
    case "group": return isLookaround(node.kind) ? { max: 0, valid: true, det: true } : study(node.body);
    case "seq": return node.items.map(study).reduce((a, b) => ({ max: a.max + b.max, valid: a.valid && b.valid, det: a.det && b.det }), { max: 0, valid: true, det: true });
    case "alt": {
      const alts = node.alts.map(study);
      return { max: Math.max(...alts.map((a) => a.max)), valid: alts.every((a) => a.valid), det: false };
    }
    case "repeat": {
      const body = study(node.body);
      if (node.min === 0 && node.max === 1) return { ...body, det: false };
      // A repeated group with alternatives or variable repetition inside becomes Java's Loop node, which
      // has no maximum length even when the count is bounded.
      if (isPlainGroup(node.body) && node.mode !== "possessive" && !body.det) return { max: Infinity, valid: false, det: false };
      return { max: body.max === 0 ? 0 : body.max * node.max, valid: body.valid, det: body.det && node.min === node.max };
    }
  }
}

class Emitter {
  private groups = 0; // JavaScript capture groups opened so far: Java's plus the atomic-group helpers
  private readonly jsIndex = new Map<number, number>();
  private readonly closedGroupPaths = new Map<number, readonly Node[]>();
  private readonly path: Node[] = [];

  constructor(private readonly javaGroups: number) {}

  emit(node: Node, ctx: Context = { behind: false, atomic: false, repeated: false }): string {
    this.path.push(node);
    try {
      switch (node.t) {
        case "seq": return node.items.map((item) => this.emit(item, ctx)).join("");
        case "alt": return node.alts.map((alt) => this.emit(alt, ctx)).join("|");
        case "char": case "assert": return node.js;
        case "linebreak":
          // Java repeats a group whose only variable part is \R without ever backtracking into it
          if (ctx.repeated) throw new Rejection("\\R inside a repeated group cannot be translated faithfully", node.at);
          return LINEBREAK;
        case "backref": return this.backref(node.index, node.at);
        case "group": return this.group(node, ctx);
        case "repeat": return this.repeat(node, ctx);
      }
    } finally {
      this.path.pop();
    }
  }

  /**
   * Atomic groups are emulated exactly with `(?=(…))\n`: a lookahead keeps the first match of its
   * body (JavaScript never backtracks into it) and the backreference consumes exactly that text.
   * JavaScript matches a look-behind right to left, where this trick breaks, so it is refused there.
   */
  private atomic(at: number, ctx: Context, body: () => string): string {
    if (ctx.behind) throw new Rejection("atomic groups and possessive quantifiers inside a look-behind cannot be translated faithfully", at);
    const n = ++this.groups;
    return `(?=(${body()}))(?:\\${n})`;
  }

  private group(node: Extract<Node, { t: "group" }>, ctx: Context): string {
    const body = (inner: Context): string => this.emit(node.body, inner);
    switch (node.kind) {
      case "capture": {
        const n = ++this.groups;
        const source = body(ctx);
        this.jsIndex.set(node.index ?? 0, n);
        this.closedGroupPaths.set(node.index ?? 0, this.path.slice(0, -1));
        return node.name === undefined ? `(${source})` : `(?<${node.name}>${source})`;
      }
      case "plain": return `(?:${body(ctx)})`;
      case "atomic": return this.atomic(node.at, ctx, () => body({ ...ctx, atomic: true }));
      // a lookahead only answers whether its body matches, and runs forwards even inside a look-behind
      case "ahead": return `(?=${body({ ...ctx, atomic: false, behind: false })})`;
      case "notAhead": return `(?!${body({ ...ctx, atomic: false, behind: false })})`;
      case "behind": case "notBehind": {
        const info = study(node.body);
        if (!info.valid) throw new Rejection("look-behind group does not have an obvious maximum length", node.at);
        if (info.max > MAX_INT) throw new Rejection("look-behind without an obvious maximum length cannot be translated faithfully", node.at);
        // Counting UTF-16 units, Java can start inside a surrogate pair and runs out of length on astral
        // characters; JavaScript cannot do either, so such a body must only match BMP characters.
        if (node.unitBased && mayMatchAstral(node.body))
          throw new Rejection("look-behind that can match characters beyond U+FFFF cannot be translated faithfully", node.at);
        return `(?<${node.kind === "behind" ? "=" : "!"}${body({ ...ctx, behind: true, atomic: false })})`;
      }
    }
  }

  private repeat(node: Extract<Node, { t: "repeat" }>, ctx: Context): string {
    const { body, min, max, mode } = node;
    if (body.t === "char" || body.t === "linebreak") {
      const x = body.t === "char" ? body.js : LINEBREAK_TOKEN;
      if (mode !== "possessive" || min === max) return x + quantifier(min, max, mode);
      // Possessive on one character: take the longest run (up to max) and never give back. Exact in
      // both directions, so it also works inside look-behinds.
      if (max === Infinity) return `${x}${quantifier(min, max, "greedy")}(?!${x})`;
      return `(?:${x}{${max}}|${x}${quantifier(min, max - 1, "greedy")}(?!${x}))`;
    }
    const inner: Context = { ...ctx, repeated: ctx.repeated || !(min === 0 && max === 1) };
    if (mode === "possessive") {
      // Java's possessive loop keeps each iteration's first match and stops at the first failure or
      // empty iteration: atomic iterations inside an atomic loop.
      return this.atomic(node.at, ctx, () => {
        const each = this.atomic(node.at, ctx, () => this.emit(body, { ...inner, atomic: true }));
        return `(?:${each})${quantifier(min, max, "greedy")}`;
      });
    }
    // Java leaves a loop after any iteration that matched nothing, even below the minimum count;
    // JavaScript carries on below the minimum, and above it rejects such an iteration and tries the
    // body's other alternatives first. The same strings match unless the loop must run at least twice
    // or sits where only the first match found counts.
    if (isPlainGroup(body) && nullable(body) && (min >= 2 || ctx.atomic))
      throw new Rejection("a repeated group that can match the empty string cannot be translated faithfully here", node.at);
    const x = this.emit(body, inner);
    return (isPlainGroup(body) ? x : `(?:${x})`) + quantifier(min, max, mode);
  }

  /**
   * Java's backreference to a group that has not matched fails; JavaScript's matches the empty
   * string, and JavaScript also resets captures at each iteration of a loop. Only a reference to a
   * group that certainly matched just before it, in the same iteration, is translated.
   */
  private backref(index: number, at: number): string {
    if (index > this.javaGroups) return "[]"; // no such group at all: never matches in Java
    const groupPath = this.closedGroupPaths.get(index);
    if (groupPath === undefined) throw new Rejection("backreference to a group that is not closed before it cannot be translated faithfully", at);
    const refPath = this.path.slice(0, -1);
    let common = 0;
    while (common < groupPath.length && groupPath[common] === refPath[common]) common++;
    const certain = (n: Node): boolean =>
      n.t === "seq" || (n.t === "group" && (isPlainGroup(n) || n.kind === "atomic" || n.kind === "ahead")) ||
      (n.t === "repeat" && n.min === 1 && n.max === 1);
    if (groupPath[common - 1]?.t !== "seq" || !groupPath.slice(common).every(certain))
      throw new Rejection("backreference to a group that may not have matched cannot be translated faithfully", at);
    return `(?:\\${this.jsIndex.get(index) ?? 0})`;
  }
}
