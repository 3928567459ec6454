import { describe, expect, it } from "vitest";
import { covers } from "../../../src/analyze/diff/pattern-cover.js";

describe("covers", () => {
  it("holds for `*`, for equal patterns, and for a pattern that matches nothing", () => {
    expect(covers("*", "indices:data/read/search")).toBe(true);
    expect(covers("*", "/logs-.*/")).toBe(true);
    expect(covers("logs-*", "logs-*")).toBe(true);
    expect(covers("logs-1", "")).toBe(true);
  });

  it("holds for a prefix pattern over an exact name or a glob with a longer literal start", () => {
    expect(covers("indices:data/read*", "indices:data/read/search")).toBe(true);
    expect(covers("indices:data/read*", "indices:data/read/search*")).toBe(true);
    expect(covers("logs-*", "logs-2026-?")).toBe(true);
  });

  it("holds for a glob or regex over an exact name it matches", () => {
    expect(covers("logs-?", "logs-1")).toBe(true);
    expect(covers("/logs-[0-9]+/", "logs-42")).toBe(true);
  });

  it("does not hold where a name matched by the narrower pattern is not matched by the broader one", () => {
    expect(covers("indices:data/read/*", "indices:data/read*")).toBe(false);
    expect(covers("logs-?", "logs-12")).toBe(false);
    expect(covers("Logs-*", "logs-1")).toBe(false);
  });

  it("answers no where it cannot be sure: templates, regexes and globs against globs", () => {
    expect(covers("logs-*", "logs-${user.name}")).toBe(false);
    expect(covers("${attr.internal.idx}", "logs-1")).toBe(false);
    expect(covers("/logs-.*/", "logs-*")).toBe(false);
    expect(covers("logs-*-?", "logs-a-?")).toBe(false);
  });
});
