import { describe, expect, it } from "vitest";
import { translateJavaRegex } from "../../src/patterns/java-regex.js";

// Every expected result below was checked against java.util.regex (JDK 25, and JDK 17 where the two agree)
// with Pattern.compile(pattern).matcher(value).matches().

/** Whether Java's `matches()` accepts the value, through the translation. */
function matches(pattern: string, value: string): boolean {
  const result = translateJavaRegex(pattern);
  if (!result.ok) throw new Error(`${pattern} was refused: ${result.message}`);
  return new RegExp(result.source, "u").test(value);
}

/** The values of `values` the pattern matches. */
function matching(pattern: string, values: readonly string[]): string[] {
  return values.filter((value) => matches(pattern, value));
}

/** The reason a pattern is refused. */
function refusal(pattern: string): string {
  const result = translateJavaRegex(pattern);
  if (result.ok) throw new Error(`${pattern} was accepted as ${result.source}`);
  return result.message;
}

describe("whole-string matching", () => {
  it("matches a counted pattern only against strings it covers entirely", () => {
    expect(matching("metrics-[0-9]{4}", ["metrics-2024", "metrics-2024-01", "metrics-24", "xmetrics-2024"])).toEqual(["metrics-2024"]);
  });

  it("anchors an alternation inside a group as a whole", () => {
    expect(matching("adm(in|inistrator)", ["admin", "administrator", "admx", "admin2", "adm"])).toEqual(["admin", "administrator"]);
  });

  it("requires one branch of a top-level alternation to match the whole string", () => {
    expect(matching("a|b", ["a", "b", "ab", ""])).toEqual(["a", "b"]);
  });

  it("is case-sensitive by default", () => {
    expect(matching("admin", ["admin", "Admin", "ADMIN"])).toEqual(["admin"]);
  });

  it("wraps the translation as ^(?:…)$", () => {
    expect(translateJavaRegex("a|b")).toMatchObject({ ok: true, source: "^(?:a|b)$" });
  });
});

describe("repetition braces", () => {
  it.each(["logs-{", ".*|{", "x{", "x{a}", "{", "x{,2}"])("rejects the stray brace in %j as Java does", (pattern) => {
    expect(refusal(pattern)).toMatch(/^illegal repetition near `\{/);
  });

  it("quotes the stray brace and points at it", () => {
    expect(translateJavaRegex("logs-{")).toEqual({ ok: false, message: "illegal repetition near `{`", offset: 5, unsupported: false });
  });

  it("accepts {n} as exactly n repetitions", () => {
    expect(matching("a{2}", ["a", "aa", "aaa"])).toEqual(["aa"]);
  });

  it("accepts {n,} as at least n repetitions", () => {
    expect(matching("a{2,}", ["a", "aa", "aaaa"])).toEqual(["aa", "aaaa"]);
  });

  it("accepts {n,m} as n to m repetitions", () => {
    expect(matching("a{2,3}", ["a", "aa", "aaa", "aaaa"])).toEqual(["aa", "aaa"]);
  });

  it("rejects a reversed range such as {3,2}", () => {
    expect(refusal("a{3,2}")).toBe("illegal repetition range");
  });

  it("rejects an unclosed count", () => {
    expect(refusal("a{2")).toBe("unclosed counted closure");
  });

  it("rejects a count beyond Java's int range", () => {
    expect(refusal("a{2147483648}")).toBe("illegal repetition range");
  });

  it("repeats an empty atom when a count follows another quantifier, as Java does", () => {
    expect(matching("x{2}{3}", ["xx", "xxxxxx"])).toEqual(["xx"]);
  });

  it("takes stray ] and } outside a class literally", () => {
    expect(matches("a]}", "a]}")).toBe(true);
  });
});

describe("syntax errors", () => {
  it("rejects an unclosed group", () => {
    expect(translateJavaRegex("ab(cd")).toEqual({ ok: false, message: "unclosed group", offset: 5, unsupported: false });
  });

  it("rejects an unmatched closing parenthesis", () => {
    expect(refusal("a)")).toBe("unmatched closing ')'");
  });

  it.each(["[a", "[]", "[^]", "[a&&"])("rejects the unclosed class %j", (pattern) => {
    expect(refusal(pattern)).toBe("unclosed character class");
  });

  it.each([["*a", "*"], ["a**", "*"], ["a*??", "?"], ["|*", "*"], ["(?i)*", "*"]])("rejects the dangling quantifier in %j", (pattern, meta) => {
    expect(refusal(pattern)).toBe(`dangling meta character '${meta}'`);
  });

  it.each(["a*+", "a*?", "a++", "a?+", "a{2}+", "a{2,}?"])("accepts the possessive or lazy quantifier in %j", (pattern) => {
    expect(translateJavaRegex(pattern).ok).toBe(true);
  });

  it.each(["\\q", "\\E", "[\\b]", "[\\1]", "\\y"])("rejects the unsupported escape %j", (pattern) => {
    expect(refusal(pattern)).toBe("illegal/unsupported escape sequence");
  });

  it("rejects a trailing backslash", () => {
    expect(refusal("a\\")).toBe("unescaped trailing backslash");
  });

  it("rejects unknown inline modifiers, including a (?#…) comment", () => {
    expect(refusal("(?z)")).toBe("unknown inline modifier");
    expect(refusal("(?#c)")).toBe("unknown inline modifier");
  });

  it("rejects (?$ and (?@ as unknown group types", () => {
    expect(refusal("(?$)")).toBe("unknown group type");
  });

  it("rejects a character range in the wrong order", () => {
    expect(refusal("[z-a]")).toBe("illegal character range");
  });

  it("rejects a range ending in a class escape", () => {
    expect(refusal("[a-\\d]")).toBe("illegal character range");
  });

  it("rejects \\0 without an octal digit", () => {
    expect(refusal("\\0")).toBe("illegal octal escape sequence");
  });

  it("rejects a hexadecimal code point beyond U+10FFFF", () => {
    expect(refusal("\\x{110000}")).toBe("hexadecimal codepoint is too big");
  });
});

describe("character classes", () => {
  it("reads ] right after [ as a member, so [] is never an empty class", () => {
    expect(matching("[]a]", ["]", "a", "b"])).toEqual(["]", "a"]);
  });

  it("reads a hyphen at the end of a class as a member", () => {
    expect(matching("[a-]", ["a", "-", "b"])).toEqual(["a", "-"]);
  });

  it("unites a nested class with the enclosing one", () => {
    expect(matching("[a-d[m-p]]", ["c", "n", "h"])).toEqual(["c", "n"]);
  });

  it("intersects with &&", () => {
    expect(matching("[a-z&&[^aeiou]]", ["b", "z", "a", "B"])).toEqual(["b", "z"]);
  });

  it("intersects a predefined class with a complemented one", () => {
    expect(matching("[\\w&&[^\\d]]", ["a", "_", "5"])).toEqual(["a", "_"]);
  });

  it("complements the whole class, nested members included, after a leading ^", () => {
    expect(matching("[^a[b]]", ["a", "b", "c"])).toEqual(["c"]);
  });

  it("refuses an intersection whose right side mixes a nested class and characters, which Java versions read differently", () => {
    expect(refusal("[a-z&&[b]c]")).toMatch(/cannot be translated faithfully/);
  });

  it("keeps Java's ASCII-only \\s rather than JavaScript's Unicode one", () => {
    expect(matching("\\s", [" ", "\t", "\u000b", "\u00a0", "\u2003"])).toEqual([" ", "\t", "\u000b"]);
  });

  it("matches horizontal whitespace with \\h", () => {
    expect(matching("\\h", ["\t", "\u00a0", "\u2003", "\n"])).toEqual(["\t", "\u00a0", "\u2003"]);
  });
});

describe("POSIX and Unicode properties", () => {
  it.each([
    ["\\p{Lower}", ["a"], ["A", "é"]],
    ["\\p{Upper}", ["A"], ["a", "É"]],
    ["\\p{Alpha}", ["a", "Z"], ["é"]],
    ["\\p{Digit}", ["3"], ["\u0663"]],
    ["\\p{Alnum}", ["a", "3"], ["é", "_"]],
    ["\\p{Punct}", ["!", "~", "_"], ["\u00a1", "a"]],
    ["\\p{Space}", [" ", "\u000b"], ["\u00a0"]],
    ["\\p{XDigit}", ["f", "F", "9"], ["g"]],
    ["\\p{ASCII}", ["a", "\u007f"], ["\u0080"]],
  ])("gives the POSIX class %s its US-ASCII meaning", (pattern, members, others) => {
    expect(matching(pattern, [...members, ...others])).toEqual(members);
  });

  it("gives Is-prefixed POSIX names their Unicode meaning", () => {
    expect(matching("\\p{IsAlpha}", ["é", "1"])).toEqual(["é"]);
  });

  it("follows java.lang.Character for java* properties", () => {
    expect(matching("\\p{javaLowerCase}", ["a", "é", "A"])).toEqual(["a", "é"]);
    expect(matching("\\p{javaWhitespace}", [" ", "\u2003", "\u2007", "\u00a0"])).toEqual([" ", "\u2003"]);
  });

  it("supports Unicode general categories, also in their one-letter form", () => {
    expect(matching("\\p{L}", ["é", "α", "1"])).toEqual(["é", "α"]);
    expect(matching("\\p{Lu}", ["É", "é"])).toEqual(["É"]);
    expect(matching("\\pL", ["a", "1"])).toEqual(["a"]);
    expect(matching("\\P{L}", ["a", "1"])).toEqual(["1"]);
  });

  it("supports Unicode binary properties such as IsAlphabetic", () => {
    expect(matching("\\p{IsAlphabetic}", ["é", "1"])).toEqual(["é"]);
  });

  it("translates Unicode blocks, which JavaScript lacks, into code point ranges", () => {
    expect(matching("\\p{InGreek}", ["α", "Ω", "a"])).toEqual(["α", "Ω"]);
    expect(matching("\\p{InGreek and Coptic}", ["α", "a"])).toEqual(["α"]);
  });

  it("supports scripts through Is, sc= and script=", () => {
    expect(matching("\\p{IsGreek}", ["α", "a"])).toEqual(["α"]);
    expect(matching("\\p{sc=Latn}", ["a", "é", "α"])).toEqual(["a", "é"]);
    expect(matching("\\p{script=latin}", ["a", "α"])).toEqual(["a"]);
  });

  it("rejects a property name Java does not know", () => {
    expect(refusal("\\p{Latin}")).toBe("unknown character property name {Latin}");
  });

  it("refuses the rare java identifier properties with a reason", () => {
    expect(refusal("\\p{javaJavaIdentifierStart}")).toMatch(/cannot be translated faithfully/);
  });
});

describe("\\Q…\\E quoting", () => {
  it("takes metacharacters between \\Q and \\E literally", () => {
    expect(matching("\\Qa.b*\\E", ["a.b*", "axb", "a.bbb"])).toEqual(["a.b*"]);
  });

  it("quotes to the end when \\E is missing", () => {
    expect(matches("\\Qa(b", "a(b")).toBe(true);
  });

  it("applies a quantifier after \\E to the last quoted character", () => {
    expect(matching("\\Qab\\E+", ["ab", "abbb", "abab"])).toEqual(["ab", "abbb"]);
  });
});

describe("possessive quantifiers and atomic groups", () => {
  it("never matches a*+a, since the possessive star gives nothing back", () => {
    expect(matching("a*+a", ["", "a", "aaa"])).toEqual([]);
  });

  it("gives back nothing from a possessive count either", () => {
    expect(matching("a{1,2}+a", ["aa", "aaa"])).toEqual(["aaa"]);
  });

  it("lets what follows an atomic group match", () => {
    expect(matching("(?>a+)b", ["aab", "ab", "b"])).toEqual(["aab", "ab"]);
  });

  it("keeps the first alternative that matches inside an atomic group", () => {
    expect(matching("(?>a|ab)c", ["ac", "abc"])).toEqual(["ac"]);
  });

  it("keeps each iteration's first match in a possessive group", () => {
    expect(matching("(?:a|ab){2}+", ["aa", "aba", "abab"])).toEqual(["aa"]);
    expect(matching("(?:ab|a)*+b", ["abb", "ab", "aab"])).toEqual(["abb"]);
  });

  it("matches lazy quantifiers as Java does", () => {
    expect(matching("a*?b", ["aab", "b", "aa"])).toEqual(["aab", "b"]);
  });

  it("refuses an atomic group inside a look-behind, where the emulation does not hold", () => {
    expect(refusal("(?<=(?>a))b")).toMatch(/cannot be translated faithfully/);
  });

  it("refuses a repeated group that can match nothing inside an atomic group", () => {
    expect(refusal("(?>(?:|a)*)")).toMatch(/cannot be translated faithfully/);
  });

  it("refuses a group that can match nothing when it must repeat at least twice, since Java leaves the loop early", () => {
    expect(refusal("(?:\\B(?:éc+?)*){2,}")).toMatch(/cannot be translated faithfully/);
  });
});

describe("anchors", () => {
  it("lets $ sit before a final line terminator but still requires the terminator to be matched", () => {
    expect(matching("a$", ["a", "a\n"])).toEqual(["a"]);
    expect(matches("a$\n", "a\n")).toBe(true);
    expect(matches("a$\r\n", "a\r\n")).toBe(true);
  });

  it("does not let $ fall between \\r and \\n", () => {
    expect(matches("a\r$\n", "a\r\n")).toBe(false);
  });

  it("treats \\z as the very end", () => {
    expect(matching("a\\z", ["a", "a\n"])).toEqual(["a"]);
  });

  it("lets \\Z sit before a final line terminator", () => {
    expect(matching("a\\Z\\n", ["a\n"])).toEqual(["a\n"]);
    expect(matching("a\\Z\\r\\n", ["a\r\n"])).toEqual(["a\r\n"]);
    expect(matching("a\\Z", ["a", "a\n"])).toEqual(["a"]);
  });

  it("treats \\A, \\G and ^ as the start", () => {
    expect(matching("\\Aa", ["a"])).toEqual(["a"]);
    expect(matching("\\Ga", ["a"])).toEqual(["a"]);
    expect(matching("^a", ["a"])).toEqual(["a"]);
  });

  it("never matches (?m)^ at the very end, like Java", () => {
    expect(matches("(?m)a\\n^", "a\n")).toBe(false);
    expect(matches("(?m)^a\\n^b$", "a\nb")).toBe(true);
  });

  it("uses ASCII word characters for \\b, as JDK 19 and later do", () => {
    expect(matching("a\\b", ["a"])).toEqual(["a"]);
    expect(matching("é\\b", ["é"])).toEqual([]);
    expect(matching("a\\Bb", ["ab"])).toEqual(["ab"]);
  });
});

describe("dot and line terminators", () => {
  it("excludes U+0085 NEXT LINE from ., with the other Java line terminators", () => {
    expect(matching(".", ["a", "\u00a0", "\u0085", "\u2028", "\n", "\r"])).toEqual(["a", "\u00a0"]);
  });

  it("lets . match line terminators under (?s)", () => {
    expect(matching("(?s).", ["\n", "\u0085"])).toEqual(["\n", "\u0085"]);
  });

  it("makes \\n the only line terminator for . under (?d)", () => {
    expect(matching("(?d).", ["\r", "\u0085", "\n"])).toEqual(["\r", "\u0085"]);
  });

  it("matches a line break with \\R, giving back the \\n of \\r\\n when needed", () => {
    expect(matching("\\R", ["\r\n", "\n", "\u2028", "a"])).toEqual(["\r\n", "\n", "\u2028"]);
    expect(matches("\\R\\n", "\r\n")).toBe(true);
  });

  it("never splits \\r\\n when \\R is repeated, like Java", () => {
    expect(matching("\\R{2}", ["\n\n", "\r\n"])).toEqual(["\n\n"]);
  });
});

describe("inline flags", () => {
  it("folds ASCII case after (?i)", () => {
    expect(matching("(?i)admin", ["ADMIN", "admin"])).toEqual(["ADMIN", "admin"]);
    expect(matching("a(?i)b", ["aB", "AB"])).toEqual(["aB"]);
  });

  it("ends (?i:…) with its group", () => {
    expect(matching("(?i:a)b", ["Ab", "AB"])).toEqual(["Ab"]);
  });

  it("ends a (?i) set inside a group with that group", () => {
    expect(matching("((?i)a)b", ["Ab", "AB"])).toEqual(["Ab"]);
  });

  it("turns case folding off with (?-i)", () => {
    expect(matching("(?i)a(?-i)b", ["Ab", "AB"])).toEqual(["Ab"]);
  });

  it("folds only ASCII letters without (?u)", () => {
    expect(matching("(?i)é", ["é", "É"])).toEqual(["é"]);
  });

  it("folds class ranges and complements under (?i)", () => {
    expect(matching("(?i)[a-c]", ["B", "b", "d"])).toEqual(["B", "b"]);
    expect(matching("(?i)[^a]", ["b", "A", "a"])).toEqual(["b"]);
  });

  it("refuses Unicode case folding (?iu) on letters", () => {
    expect(refusal("(?iu)k")).toMatch(/cannot be translated faithfully/);
  });

  it("ignores whitespace and #-comments under (?x), inside classes too", () => {
    expect(matching("(?x) a b # comment\n c", ["abc", "a b c"])).toEqual(["abc"]);
    expect(matching("(?x)[a b]", ["a", " "])).toEqual(["a"]);
  });

  it("keeps escaped whitespace under (?x)", () => {
    expect(matching("(?x)a\\ b", ["a b", "ab"])).toEqual(["a b"]);
  });

  it("refuses canonical equivalence (?c)", () => {
    expect(refusal("(?c)a")).toMatch(/cannot be translated faithfully/);
  });
});

describe("groups and backreferences", () => {
  it("matches a named group again with \\k<name>", () => {
    expect(matching("(?<word>ab)\\k<word>", ["abab", "abba"])).toEqual(["abab"]);
  });

  it("matches a numbered group again with \\1", () => {
    expect(matching("(a|b)\\1", ["aa", "bb", "ab"])).toEqual(["aa", "bb"]);
  });

  it("never matches a reference to a group that does not exist", () => {
    expect(matching("(a)\\2", ["a", "a2"])).toEqual([]);
  });

  it("reads \\11 as \\1 and a digit when there are fewer than 11 groups", () => {
    expect(matching("(a)\\11", ["aa1", "a1", "aa"])).toEqual(["aa1"]);
  });

  it("refuses a reference to a group that may not have matched, where JavaScript would match empty", () => {
    expect(refusal("(a)?\\1")).toMatch(/cannot be translated faithfully/);
  });

  it("rejects a group name that does not start with a Latin letter", () => {
    expect(refusal("(?<1a>x)")).toBe("capturing group name does not start with a latin letter");
  });

  it("rejects \\k naming an undefined group", () => {
    expect(refusal("\\k<x>")).toBe("named capturing group <x> does not exist");
  });

  it("rejects a group name defined twice", () => {
    expect(refusal("(?<a>x)(?<a>y)")).toBe("named capturing group <a> is already defined");
  });
});

describe("look-behind", () => {
  it("checks a bounded look-behind", () => {
    expect(matching(".*(?<!x)y", ["ay", "y", "xy"])).toEqual(["ay", "y"]);
  });

  it("rejects a look-behind with a backreference, as Java does", () => {
    expect(refusal("(a)(?<=\\1)")).toBe("look-behind group does not have an obvious maximum length");
  });

  it("refuses an unbounded look-behind, which Java handles inconsistently", () => {
    expect(refusal("(?<=a+)b")).toMatch(/cannot be translated faithfully/);
  });

  it("refuses a look-behind that can match characters beyond U+FFFF, which Java counts in UTF-16 units", () => {
    expect(refusal(".(?<=[^/])a")).toMatch(/cannot be translated faithfully/);
    expect(matching(".(?<=[a-z])a", ["ba", "1a"])).toEqual(["ba"]);
  });
});

describe("escapes", () => {
  it.each([
    ["\\0101", "A"],
    ["\\x41", "A"],
    ["\\x{1F600}", "😀"],
    ["\\u00e9", "é"],
    ["\\uD83D\\uDE00", "😀"],
    ["\\cJ", "\n"],
    ["\\e\\a\\t", "\u001b\u0007\t"],
    ["\\-\\_\\ \\<", "-_ <"],
  ])("reads the escape %j as Java does", (pattern, value) => {
    expect(matches(pattern, value)).toBe(true);
  });
});

describe("JavaScript output", () => {
  it.each([
    "a]}{2}",
    "\\-\\_\\ \\<\\>",
    "[\\-\\[\\]^]",
    "[a-z&&[^aeiou]]",
    "(?<=\\b)x\\b*",
    "^*$+",
    "(?=a)*b",
    "(?>a|b)++",
    "\\p{InGreek}\\p{all}",
    "(?x) a # comment",
    "\\R+",
    "(a)(?:\\1)0",
  ])("compiles the translation of %j with the u flag", (pattern) => {
    const result = translateJavaRegex(pattern);
    if (!result.ok) throw new Error(result.message);
    expect(() => new RegExp(result.source, "u")).not.toThrow();
  });

  it("keeps matching a starred intersection once V8 has compiled the expression to native code", () => {
    const result = translateJavaRegex("[a-c&&b-d]*x0");
    if (!result.ok) throw new Error(result.message);
    const regex = new RegExp(result.source, "u");
    expect([1, 2, 3, 4].map(() => regex.test("cx0"))).toEqual([true, true, true, true]);
  });
});
