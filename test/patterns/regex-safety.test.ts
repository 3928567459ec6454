/**
 * How a `/regex/` check stays bounded (src/patterns/regex-safety.ts): what
 * the plugin's backtracking matcher would take exponential time on is decided
 * by an automaton, with the plugin's answer; Java-only syntax is translated;
 * what cannot be decided in bounded time is refused as unsupported, never
 * silently dropped; and a 100,000-character name decides quickly against the
 * worst patterns that are accepted.
 */
import { describe, expect, it } from "vitest";
import { compilePattern, parsePattern } from "../../src/patterns/pattern.js";
import { MAX_REGEX_COST } from "../../src/patterns/regex-program.js";
import { backtrackingPaths, MAX_BACKTRACKING_PATHS, safeJavaRegex } from "../../src/patterns/regex-safety.js";
import { translateJavaRegex } from "../../src/patterns/java-regex.js";

const matches = (pattern: string, value: string): boolean => compilePattern(pattern)(value);
const engine = (pattern: string): string => {
  const parsed = parsePattern(pattern);
  if (parsed.kind !== "regex") return parsed.kind === "none" && parsed.unsupported ? "unsupported" : parsed.kind;
  return parsed.program ? "automaton" : "backtracking";
};

/** CPU time of one call, in milliseconds: steadier than wall time on a busy machine. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe("patterns that backtrack catastrophically in the plugin", () => {
  const catastrophic = ["/(a+)+$/", "/(a|a)*b/", "/(a*)*c/", "/(a|aa)+$/", "/([a-z]+[0-9]*)+!/", "/(.*a){20}/", "/.*.*.*.*.*.*.*.*z/", "/(x+x+)+y/"];

  it("run as automata instead of being rejected", () => {
    for (const pattern of catastrophic) expect(engine(pattern), pattern).toBe("automaton");
  });

  it("give the plugin's answers: whether the whole name is in the pattern's language", () => {
    expect(matches("/(a+)+$/", "aaaa")).toBe(true);
    expect(matches("/(a+)+$/", "aaab")).toBe(false);
    expect(matches("/(a|a)*b/", "aaab")).toBe(true);
    expect(matches("/(a*)*c/", "aaaa")).toBe(false);
    expect(matches("/(.*a){20}/", "a".repeat(20))).toBe(true);
    expect(matches("/(.*a){20}/", "a".repeat(19))).toBe(false);
    expect(matches("/(x+x+)+y/", "xxxxy")).toBe(true);
    expect(matches("/(x+x+)+y/", "xy")).toBe(false);
  });

  it("decide a 100,000-character name in a few milliseconds", () => {
    // Real figures are about 1 ms per pattern and name (README, "Security and robustness"); 100 ms leaves room for a
    // slow, busy test machine while still failing on anything that backtracks (which takes minutes, or forever).
    const names = ["a".repeat(100_000), `${"a".repeat(100_000)}!`, `${"x".repeat(99_999)}y`];
    for (const pattern of catastrophic) {
      const matcher = compilePattern(pattern);
      matcher("warm up the JIT");
      for (const name of names) expect(cpuMs(() => matcher(name)), `${pattern} on ${name.length} characters`).toBeLessThan(100);
    }
  });

  it("stay linear at the cost limit: the slowest accepted automaton the tests know stays far from a hang", () => {
    // A DFA state explosion at the cost limit, on random a/b text: every step makes new states, so each character
    // costs the whole program (about 0.2 s per 100,000 characters measured). Five seconds of CPU is a generous
    // bound for a busy machine; backtracking on it would not end at all.
    const worst = "/(?:a|b)*a(?:a|b){120}/";
    expect(parsePattern(worst)).toMatchObject({ kind: "regex", program: { cost: expect.any(Number) } });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const name = Array.from({ length: 100_000 }, () => (random() < 0.5 ? "a" : "b")).join("");
    const matcher = compilePattern(worst);
    expect(cpuMs(() => matcher(name))).toBeLessThan(5_000);
  });
});

describe("Java-only syntax", () => {
  it("is translated: possessive quantifiers, atomic groups, \\A, \\Z, \\z, Java character classes and inline flags", () => {
    expect(matches("/a++b/", "aab")).toBe(true);
    expect(matches("/a{2,3}+a/", "aaa")).toBe(false); // the possessive part takes all three a's
    expect(matches("/(?>x|xy)z/", "xz")).toBe(true);
    expect(matches("/(?>x|xy)z/", "xyz")).toBe(false); // the atomic group keeps `x`
    expect(matches("/\\Alogs\\z/", "logs")).toBe(true);
    // \Z holds before a final line break too, which matches() must still consume; \z only at the very end.
    expect(matches("/logs\\Z\n/", "logs\n")).toBe(true);
    expect(matches("/logs\\z\n/", "logs\n")).toBe(false);
    expect(matches("/\\p{javaLowerCase}+/", "éa")).toBe(true);
    expect(matches("/(?i)audit-.*/", "AUDIT-1")).toBe(true);
    expect(matches("/(?i:a)b/", "Ab")).toBe(true);
    expect(matches("/(?i:a)b/", "AB")).toBe(false);
  });

  it("that an automaton cannot express runs by backtracking when its paths are few", () => {
    expect(engine("/(?>x|xy)z/")).toBe("backtracking");
    expect(engine("/(a)\\1{1,5}/")).toBe("backtracking");
    expect(matches("/(a)\\1{1,5}/", "aaa")).toBe(true);
  });

  it("that neither way can bound is refused as unsupported, with the reason", () => {
    for (const pattern of ["/(?>a*)*b/", "/(a)\\1+/", "/((b)\\2)+/", "/\\X/"]) expect(engine(pattern), pattern).toBe("unsupported");
    const refused = safeJavaRegex("(?>a*)*b");
    expect(refused).toMatchObject({ ok: false, unsupported: true });
    expect(!refused.ok && refused.message).toMatch(/atomic group/);
  });

  it("that Java itself rejects stays invalid, not unsupported: the plugin drops it", () => {
    expect(parsePattern("/logs-{/")).toMatchObject({ kind: "none" });
    expect(parsePattern("/logs-{/")).not.toHaveProperty("unsupported");
  });
});

describe("limits of the translator and the automaton", () => {
  it("refuse groups nested thousands deep as unsupported instead of overflowing the stack", () => {
    const deep = `${"(".repeat(5_000)}a${")".repeat(5_000)}`;
    expect(translateJavaRegex(deep)).toMatchObject({ ok: false, unsupported: true });
    expect(engine(`/${deep}/`)).toBe("unsupported");
    expect(engine(`/${"[".repeat(5_000)}a${"]".repeat(5_000)}/`)).toBe("unsupported");
  });

  it("send a pattern over the cost limit to bounded backtracking when its paths are few, and refuse it otherwise", () => {
    expect(engine(`/a{${MAX_REGEX_COST * 2}}/`)).toBe("backtracking");
    expect(engine(`/[ab]{1,${MAX_REGEX_COST}}c/`)).toBe("backtracking");
    expect(engine(`/(?:a|b|c){1,${MAX_REGEX_COST}}/`)).toBe("unsupported");
  });

  it("count backtracking paths with saturation, whatever the counts", () => {
    const paths = (body: string): number => {
      const translated = translateJavaRegex(body);
      if (!translated.ok) throw new Error(translated.message);
      return backtrackingPaths(translated.tree);
    };
    expect(paths("a|b|c")).toBe(3);
    expect(paths("(a|b){3}")).toBe(8);
    expect(paths("a{2147483646}")).toBe(1);
    expect(paths("(a|b){2147483646}")).toBe(MAX_BACKTRACKING_PATHS + 1);
    expect(paths("a*")).toBeGreaterThan(MAX_BACKTRACKING_PATHS);
  });
});

describe("a pattern rendered from user attributes", () => {
  it("lets an attribute holding regex syntax change what it matches, as the plugin does", () => {
    expect(matches("/.*-logs/", "anything-logs")).toBe(true);
  });

  it("that cannot be bounded matches nothing instead of hanging the check", () => {
    const rendered = "/(a)\\1+-logs/";
    expect(engine(rendered)).toBe("unsupported");
    expect(matches(rendered, "aaaa-logs")).toBe(false);
  });
});
