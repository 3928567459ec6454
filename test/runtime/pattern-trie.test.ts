import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern, globMatches, globMatchesAt, parsePattern } from "../../src/patterns/pattern.js";
import { PatternTrieBuilder, trieKeyOf } from "../../src/runtime/pattern-trie-builder.js";
import { PatternTrie, trieCollect, trieMatchesAny } from "../../src/runtime/pattern-trie.js";

/** One trie of the patterns, each with payload (its position + 1). */
function trieOf(patterns: readonly string[]): PatternTrie {
  const builder = new PatternTrieBuilder();
  builder.startTrie();
  patterns.forEach((pattern, i) => {
    const key = trieKeyOf(parsePattern(pattern));
    if (key) builder.add(key, i + 1);
  });
  return new PatternTrie(builder.build().data);
}

/** The patterns (by text) of the trie that match the name. */
function matching(patterns: readonly string[], name: string): string[] {
  const payloads: number[] = [];
  const trie = trieOf(patterns);
  trieCollect(trie, trie.positionOf(0), name, payloads);
  return payloads.map((p) => patterns[p - 1]!).sort();
}

/** The patterns that match the name according to `compilePattern`, the reference. */
function expected(patterns: readonly string[], name: string): string[] {
  return patterns.filter((p) => parsePattern(p).kind !== "regex" && compilePattern(p)(name)).sort();
}

describe("pattern tries", () => {
  it("match an exact pattern only by the whole name", () => {
    const patterns = ["logs", "logs-1", "metrics"];
    expect(matching(patterns, "logs-1")).toEqual(["logs-1"]);
    expect(matching(patterns, "logs")).toEqual(["logs"]);
    expect(matching(patterns, "logs-")).toEqual([]);
    expect(matching(patterns, "logs-10")).toEqual([]);
  });

  it("match a trailing star as any continuation, the empty one included", () => {
    const patterns = ["logs-*", "logs-2024*", "*"];
    expect(matching(patterns, "logs-2024-01")).toEqual(["*", "logs-*", "logs-2024*"]);
    expect(matching(patterns, "logs-")).toEqual(["*", "logs-*"]);
    expect(matching(patterns, "log")).toEqual(["*"]);
    expect(matching(patterns, "")).toEqual(["*"]);
  });

  it("match a question mark as exactly one code unit", () => {
    const patterns = ["logs-202?", "?"];
    expect(matching(patterns, "logs-2021")).toEqual(["logs-202?"]);
    expect(matching(patterns, "logs-202")).toEqual([]);
    expect(matching(patterns, "logs-20210")).toEqual([]);
    expect(matching(patterns, "x")).toEqual(["?"]);
  });

  it("match stars inside a pattern and several stars", () => {
    const patterns = ["*-audit", "app-*-audit", "*beat*", "a*b*c", "a**"];
    expect(matching(patterns, "app-x-audit")).toEqual(["*-audit", "a**", "app-*-audit"]);
    expect(matching(patterns, "-audit")).toEqual(["*-audit"]);
    expect(matching(patterns, "filebeat-7")).toEqual(["*beat*"]);
    expect(matching(patterns, "axxbyyc")).toEqual(["a**", "a*b*c"]);
    expect(matching(patterns, "acb")).toEqual(["a**"]);
  });

  it("never hold blank patterns, which match nothing", () => {
    const patterns = ["", "  ", "x"];
    expect(matching(patterns, "")).toEqual([]);
    expect(matching(patterns, "  ")).toEqual([]);
    expect(matching(patterns, "x")).toEqual(["x"]);
  });

  it("leave regexes out, for their owners to test", () => {
    expect(trieKeyOf(parsePattern("/logs-[0-9]+/"))).toBeUndefined();
    expect(matching(["/logs-[0-9]+/"], "logs-1")).toEqual([]);
  });

  it("hold a template's text literally, since templates are rendered before they are parsed", () => {
    expect(matching(["logs-${user.name}"], "logs-${user.name}")).toEqual(["logs-${user.name}"]);
    expect(matching(["logs-${user.name}"], "logs-judy")).toEqual([]);
  });

  it("compare by code units, unicode and surrogate pairs included", () => {
    const patterns = ["a😀*", "a😁", "日本*", "é", "e\u0301"];
    expect(matching(patterns, "a😀x")).toEqual(["a😀*"]);
    expect(matching(patterns, "a😁")).toEqual(["a😁"]);
    expect(matching(patterns, "a😂")).toEqual([]);
    expect(matching(patterns, "日本語")).toEqual(["日本*"]);
    expect(matching(patterns, "é")).toEqual(["é"]);
    expect(matching(patterns, "e\u0301")).toEqual(["e\u0301"]);
  });

  it("let a question mark take one half of a surrogate pair, as glob matching does", () => {
    expect(matching(["a?"], "a😀")).toEqual([]);
    expect(matching(["a??"], "a😀")).toEqual(["a??"]);
  });

  it("handle very long names and patterns", () => {
    const long = "x".repeat(100_000);
    expect(matching([`${long}*`, long, `*${long.slice(1)}?`], `${long}y`)).toEqual([`*${long.slice(1)}?`, `${long}*`]);
    expect(matching([long], long)).toEqual([long]);
    expect(matching(["*x*x*x*y"], long)).toEqual([]);
  });

  it("find an edge among many children of one node", () => {
    const patterns = Array.from({ length: 500 }, (_, i) => `${String.fromCharCode(0x4e00 + i)}-*`);
    expect(matching(patterns, `${String.fromCharCode(0x4e00 + 321)}-x`)).toEqual([patterns[321]]);
    expect(matching(patterns, "z-x")).toEqual([]);
  });

  it("agree with compilePattern on random patterns and names", () => {
    const char = fc.constantFrom("a", "b", "-", "*", "?", "😀", "\ud83d", "é");
    const text = fc.array(char, { maxLength: 7 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 8 }), fc.array(text.filter((t) => !/[*?]/.test(t)), { maxLength: 6 }), (patterns, names) => {
        for (const name of names) expect(matching(patterns, name)).toEqual(expected(patterns, name));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("masked walks", () => {
  it("accept only patterns whose payload shares a bit with the mask", () => {
    const builder = new PatternTrieBuilder();
    builder.startTrie();
    builder.add(trieKeyOf(parsePattern("logs-*"))!, 0b01);
    builder.add(trieKeyOf(parsePattern("logs-1"))!, 0b10);
    const trie = new PatternTrie(builder.build().data);
    const root = trie.positionOf(0);
    expect(trieMatchesAny(trie, root, "logs-1", 0b10)).toBe(true);
    expect(trieMatchesAny(trie, root, "logs-2", 0b10)).toBe(false);
    expect(trieMatchesAny(trie, root, "logs-2", 0b01)).toBe(true);
  });

  it("keep the tries of a forest apart", () => {
    const builder = new PatternTrieBuilder();
    builder.startTrie();
    builder.add(trieKeyOf(parsePattern("a*"))!, 1);
    builder.startTrie();
    builder.add(trieKeyOf(parsePattern("b"))!, 1);
    const { data, roots } = builder.build();
    const trie = new PatternTrie(data, roots);
    const [a, b] = roots.map((root) => trie.positionOf(root));
    expect(trieMatchesAny(trie, a!, "abc", -1)).toBe(true);
    expect(trieMatchesAny(trie, a!, "b", -1)).toBe(false);
    expect(trieMatchesAny(trie, b!, "b", -1)).toBe(true);
    expect(trieMatchesAny(trie, b!, "abc", -1)).toBe(false);
  });

  it("refuse the same pattern twice in one trie", () => {
    const builder = new PatternTrieBuilder();
    builder.startTrie();
    builder.add(trieKeyOf(parsePattern("a?"))!, 1);
    expect(() => builder.add(trieKeyOf(parsePattern("a?"))!, 2)).toThrow(/added twice/);
  });

  it("survive a JSON round trip unchanged, lone surrogates included", () => {
    const builder = new PatternTrieBuilder();
    builder.startTrie();
    for (const [i, p] of ["a😀*", "a😁", "\ud83d"].entries()) builder.add(trieKeyOf(parsePattern(p))!, i + 1);
    const { data } = builder.build();
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe("globMatchesAt", () => {
  it("matches a glob against the rest of a name, like globMatches on the slice", () => {
    const char = fc.constantFrom("a", "b", "*", "?");
    const text = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, text, fc.nat(9), (glob, value, start) => {
        const from = Math.min(start, value.length);
        expect(globMatchesAt(glob, value, from)).toBe(globMatches(glob, value.slice(from)));
      }),
      { numRuns: 3000 },
    );
  });
});
