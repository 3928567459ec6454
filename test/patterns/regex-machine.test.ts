/**
 * The linear-time matcher decides as JavaScript's RegExp does for the source
 * the translator emits (which the translator's own tests tie to Java): for
 * random patterns built from every construct the automaton takes, and random
 * short texts, where backtracking is harmless, both answer the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translateJavaRegex } from "../../src/patterns/java-regex.js";
import { regexProgramMatches } from "../../src/patterns/regex-dfa.js";
import { compileRegexProgram } from "../../src/patterns/regex-program.js";

const RUNS = Number(process.env.POLICYC_REGEX_RUNS ?? 3000);

/** Java regex text over a small alphabet, so that random texts often match. */
const atom: fc.Arbitrary<string> = fc.constantFrom(
  "a", "b", "-", ".", "[ab]", "[^a]", "\\w", "\\d", "\\s", "[a-c&&[^b]]", "\\p{Lower}", "\\x{1F600}", "é", "\\R",
  "^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z", "(?m)$", "(?m)^",
);

const regexArb: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc.tuple(tie("node"), tie("node")).map(([x, y]) => x + y),
    fc.tuple(tie("node"), tie("node")).map(([x, y]) => `(?:${x}|${y})`),
    fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "*?", "+?", "{2}", "{0,2}", "{1,3}", "{2,}")).map(([x, q]) => `(?:${x})${q}`),
    fc.tuple(atom.filter((a) => !/[\^$\\]/.test(a) || /^\\[wds]$/.test(a)), fc.constantFrom("*+", "++", "?+", "{1,2}+")).map(([x, q]) => `${x}${q}`),
    fc.tuple(fc.constantFrom("(?=", "(?!", "(?<=", "(?<!"), fc.constantFrom("a", "b", "ab", "[ab]", "a?b", "\\w", "a{1,3}", "\\b")).map(([open, body]) => `${open}${body})`),
    fc.tuple(fc.constantFrom("(?=", "(?!"), tie("node")).map(([open, body]) => `${open}${body})`),
    tie("node").map((x) => `(${x})`),
  ),
})).node;

const textArb = fc.array(fc.constantFrom("a", "b", "-", "1", " ", "\n", "\r", "é", "\u0301", "😀", "A"), { maxLength: 10 }).map((parts) => parts.join(""));

describe("the linear-time matcher", () => {
  it("answers as JavaScript's RegExp for the translated source, on random patterns and texts", () => {
    fc.assert(
      fc.property(regexArb, fc.array(textArb, { minLength: 1, maxLength: 8 }), (pattern, texts) => {
        const translated = translateJavaRegex(pattern);
        fc.pre(translated.ok);
        if (!translated.ok) return;
        const program = compileRegexProgram(translated.tree);
        fc.pre(typeof program !== "string");
        if (typeof program === "string") return;
        const regex = new RegExp(translated.source, "u");
        for (const text of texts) expect(regexProgramMatches(program, text), `${pattern} on ${JSON.stringify(text)}`).toBe(regex.test(text));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers the same when the same program matches many texts in turn (its remembered steps stay right)", () => {
    const translated = translateJavaRegex("(?:a|b)*a(?:a|b){6}");
    if (!translated.ok) throw new Error(translated.message);
    const program = compileRegexProgram(translated.tree);
    if (typeof program === "string") throw new Error(program);
    const regex = new RegExp(translated.source, "u");
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b"), { maxLength: 40 }), (letters) => {
        const text = letters.join("");
        expect(regexProgramMatches(program, text)).toBe(regex.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
