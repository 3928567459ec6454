/**
 * Which pattern covers which: "yes" only when every name the narrow pattern
 * matches is matched by the broad one, checked here against the plugin's
 * matcher on sample names; "no" wherever that cannot be shown cheaply.
 */
import { describe, expect, it } from "vitest";
import { globCovers, PatternCoverage } from "../../../src/check/lint/pattern-cover.js";
import { compilePattern } from "../../../src/patterns/pattern.js";

const coverage = new PatternCoverage();
const covers = (broad: string, narrow: string) => coverage.patternCovers(broad, narrow);

describe("pattern coverage", () => {
  it("sees a glob inside a broader glob", () => {
    expect(covers("logs-*", "logs-2024-*")).toBe(true);
    expect(covers("logs-*", "logs-20??")).toBe(true);
    expect(covers("*-2024", "logs-*-2024")).toBe(true);
    expect(covers("l?gs-*", "logs-*")).toBe(true);
    expect(covers("*", "/any.*/")).toBe(true);
  });

  it("does not take overlapping globs for nested ones", () => {
    expect(covers("logs-*", "*-2024")).toBe(false);
    expect(covers("logs-2024-*", "logs-*")).toBe(false);
    expect(covers("logs-?", "logs-*")).toBe(false);
    expect(covers(".kibana_*", ".kibana")).toBe(false);
  });

  it("tests an exact name with the broad pattern itself, regexes included", () => {
    expect(covers("/logs-[0-9]+/", "logs-2024")).toBe(true);
    expect(covers("/logs-[0-9]+/", "logs-x")).toBe(false);
    expect(covers("/a|logs/", "logs")).toBe(true);
    expect(covers("/logx?s/", "logs")).toBe(true);
  });

  it("compares a template and a regex only with themselves and `*`", () => {
    expect(covers("logs-${user.name}", "logs-${user.name}")).toBe(true);
    expect(covers("logs-*", "logs-${user.name}")).toBe(false);
    expect(covers("*", "logs-${user.name}")).toBe(true);
    expect(covers("/logs-.*/", "logs-*")).toBe(false);
  });

  it("never lets `*` stand for the explicit system index permission", () => {
    expect(coverage.actionCovers("*", "system:admin/system_index")).toBe(false);
    expect(coverage.actionCovers("system:*", "system:admin/system_index")).toBe(true);
    expect(coverage.actionCovers("*", "indices:data/read/search")).toBe(true);
  });

  it("answers yes only where the plugin's matcher agrees on every sample", () => {
    const patterns = ["a*", "a?", "*b", "a*b", "?*", "ab", "a?b*", "*a*", "??", "a**b"];
    // Names hold no wildcards (index, action and tenant names cannot).
    const samples = ["", "a", "b", "ab", "ba", "aab", "abb", "axb", "abab", "bb", "aa", "abba", "baab"];
    for (const broad of patterns) {
      for (const narrow of patterns) {
        if (!globCovers(broad, narrow)) continue;
        const matchesBroad = compilePattern(broad);
        const matchesNarrow = compilePattern(narrow);
        for (const name of samples) if (matchesNarrow(name)) expect(matchesBroad(name), `${broad} ⊇ ${narrow} on ${name}`).toBe(true);
      }
    }
  });
});
