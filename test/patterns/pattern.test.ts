import { describe, expect, it } from "vitest";
import { compilePattern, globMatches, parsePattern } from "../../src/patterns/pattern.js";

const matches = (pattern: string, value: string) => compilePattern(pattern)(value);

describe("parsePattern", () => {
  it("reads a bare star as matching everything", () => {
    expect(parsePattern("*")).toEqual({ kind: "all" });
  });

  it("reads blank and whitespace-only patterns as matching nothing", () => {
    expect(parsePattern("").kind).toBe("none");
    expect(parsePattern("   ").kind).toBe("none");
  });

  it("reads a text without wildcards as an exact name", () => {
    expect(parsePattern("logs-1")).toEqual({ kind: "exact", value: "logs-1" });
  });

  it("reads a single trailing star as a prefix", () => {
    expect(parsePattern("logs-*")).toEqual({ kind: "prefix", prefix: "logs-" });
  });

  it("reads slashes around a text as a regex and drops an invalid one", () => {
    expect(parsePattern("/logs-[0-9]+/").kind).toBe("regex");
    expect(parsePattern("/logs-{/").kind).toBe("none");
  });

  it("reads a lone slash as an invalid pattern, as the plugin rejects it", () => {
    expect(parsePattern("/").kind).toBe("none");
  });
});

describe("pattern matching", () => {
  it("matches case-sensitively", () => {
    expect(matches("logs-*", "LOGS-1")).toBe(false);
    expect(matches("logs-*", "logs-1")).toBe(true);
  });

  it("lets a question mark stand for exactly one character", () => {
    expect(matches("logs-202?", "logs-2021")).toBe(true);
    expect(matches("logs-202?", "logs-202")).toBe(false);
    expect(matches("logs-202?", "logs-20210")).toBe(false);
  });

  it("lets a star stand for any sequence, the empty one included", () => {
    expect(matches("*-audit", "app-audit")).toBe(true);
    expect(matches("*-audit", "-audit")).toBe(true);
    expect(matches("*-audit", "audit")).toBe(false);
    expect(matches("*beat*", "filebeat-7.10")).toBe(true);
  });

  it("makes a regex match the whole name", () => {
    expect(matches("/metrics-[0-9]{4}/", "metrics-2024")).toBe(true);
    expect(matches("/metrics-[0-9]{4}/", "metrics-2024-01")).toBe(false);
  });

  it("treats a backslash in a glob as an ordinary character", () => {
    expect(matches("a\\*", "a\\xyz")).toBe(true);
    expect(matches("a\\*", "a*")).toBe(false);
  });

  it("never matches with a blank pattern", () => {
    expect(matches("", "")).toBe(false);
  });
});

describe("globMatches", () => {
  it("backtracks to the last star without exponential cost", () => {
    const value = "a".repeat(10_000) + "b";
    expect(globMatches("*a*a*a*a*a*c", value)).toBe(false);
    expect(globMatches("*a*a*a*a*a*b", value)).toBe(true);
  });

  it("needs every literal of the glob in order", () => {
    expect(globMatches("a?c*e", "abcde")).toBe(true);
    expect(globMatches("a?c*e", "abde")).toBe(false);
  });
});
