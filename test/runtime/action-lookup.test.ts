import { describe, expect, it } from "vitest";
import { ActionCatalog } from "../../src/runtime/action-catalog.js";
import { ActionPatternIndex, buildActionLookup } from "../../src/runtime/action-lookup.js";

const patterns = [
  "/cluster:admin/[a-z]+/",
  "cluster:monitor/*",
  "cluster:monitor/health",
  "indices:data/read/*",
  "indices:data/read/get",
  "indices:data/read/search",
  "indices:data/read/s?arch*",
  "indices:data/write/*/*",
];

const catalog = (capacity = 100) => new ActionCatalog(buildActionLookup(patterns), patterns, capacity);
const patternsOf = (name: string) => catalog().info(name).cls.patterns.map((id) => patterns[id]);

describe("the action-pattern trie", () => {
  it("finds every action pattern that matches a name, regexes included", () => {
    const index = new ActionPatternIndex(buildActionLookup(patterns), patterns);
    expect(index.matching("indices:data/read/search").map((id) => patterns[id])).toEqual([
      "indices:data/read/*",
      "indices:data/read/search",
      "indices:data/read/s?arch*",
    ]);
    expect(index.matching("cluster:admin/repository").map((id) => patterns[id])).toEqual(["/cluster:admin/[a-z]+/"]);
    expect(index.matching("cluster:admin/repository/get")).toEqual([]);
    expect(index.matching("indices:data/write/bulk")).toEqual([]);
    expect(index.matching("indices:data/write/bulk/x").map((id) => patterns[id])).toEqual(["indices:data/write/*/*"]);
  });

  it("knows the names the policy spells out, each with its class", () => {
    const lookup = buildActionLookup(patterns);
    expect(lookup.knownNames).toEqual(["cluster:monitor/health", "indices:data/read/get", "indices:data/read/search"]);
    expect(new Set(lookup.knownClasses).size).toBe(3);
  });
});

describe("action classes", () => {
  it("give names that match the same patterns the same class", () => {
    const actions = catalog();
    expect(actions.info("indices:data/read/explain").cls).toBe(actions.info("indices:data/read/tv").cls);
    expect(actions.info("indices:data/read/explain").cls).not.toBe(actions.info("indices:data/read/get").cls);
  });

  it("keep cluster and index actions apart even when they match the same patterns", () => {
    const actions = catalog();
    const scroll = actions.info("indices:data/read/scroll");
    const explain = actions.info("indices:data/read/explain");
    expect(scroll.cls.patterns).toEqual(explain.cls.patterns);
    expect(scroll.cluster).toBe(true);
    expect(explain.cluster).toBe(false);
    expect(scroll.cls).not.toBe(explain.cls);
  });

  it("give an unseen name that matches nothing a class with no patterns", () => {
    expect(patternsOf("indices:admin/create")).toEqual([]);
    expect(patternsOf("")).toEqual([]);
  });

  it("classify a renamed action under the name the plugin evaluates", () => {
    const info = catalog().info("indices:admin/auto_create");
    expect(info.name).toBe("indices:admin/create");
    expect(info.missing).toEqual(["indices:admin/create"]);
  });

  it("mark the actions that pass without a check by the requested name", () => {
    expect(catalog().info("cluster:admin/opendistro_security/whoami").unchecked).toBe(true);
    expect(catalog().info("indices:admin/seq_no/global_checkpoint_sync").unchecked).toBe(true);
    expect(catalog().info("cluster:monitor/health").unchecked).toBe(false);
  });

  it("keep at most the bound of names seen at run time and classify an evicted name again alike", () => {
    const actions = catalog(2);
    const first = actions.info("indices:data/read/a");
    actions.info("indices:data/read/b");
    actions.info("indices:data/read/c");
    expect(actions.seenCount).toBe(2);
    const again = actions.info("indices:data/read/a");
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("keep the names the policy spells out whatever the bound", () => {
    const actions = catalog(0);
    expect(actions.info("indices:data/read/get")).toBe(actions.info("indices:data/read/get"));
    expect(actions.seenCount).toBe(0);
  });
});
