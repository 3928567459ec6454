/**
 * The near misses `explain` names for each missing part of a denied
 * request: similar patterns, permissions without the action, the action
 * elsewhere, roles the user does not hold; closest first, a few of each.
 */
import { describe, expect, it } from "vitest";
import { nearEditDistance } from "../../../src/runtime/explain/near-pattern-distance.js";
import { analyze, onAllIndices, onCluster, onIndex, onTenant, policyOf, requestOf } from "../../explain/deny-policies.js";

const roles = `
logs_reader:
  cluster_permissions: ["indices:data/read/get"]
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["read"]
    - index_patterns: ["movies"]
      allowed_actions: ["read"]
    - index_patterns: ["metrics"]
      allowed_actions: ["indices:monitor/stats"]
reader_everywhere:
  index_permissions:
    - index_patterns: ["*"]
      allowed_actions: ["read"]
`;
const mappings = `
logs_reader:
  users: ["alice"]
`;
const policy = policyOf({ "roles.yml": roles, "roles_mapping.yml": mappings });
const SEARCH = "indices:data/read/search";

function nearMisses(action: string, index: string) {
  return analyze(policy, requestOf("alice", action, [index]), [onIndex(index, action)]).missing[0]!.nearMisses;
}

describe("near misses on an index", () => {
  it("name first a pattern one edit from the index whose permission has the action", () => {
    expect(nearMisses(SEARCH, "log-2024")[0]).toMatchObject({
      kind: "similar-pattern",
      role: "logs_reader",
      pattern: "logs-*",
      entry: 0,
      detail: "pattern `logs-*` of role `logs_reader` is 1 edit from matching `log-2024`; its permission grants `indices:data/read/search`",
    });
  });

  it("find `movies` one edit from `movie`", () => {
    expect(nearMisses(SEARCH, "movie")[0]).toMatchObject({ kind: "similar-pattern", pattern: "movies", entry: 1 });
  });

  it("say what wildcard a pattern lacks when the index extends it", () => {
    expect(nearMisses(SEARCH, "movies-2024")[0]?.detail).toBe(
      "pattern `movies` of role `logs_reader` matches only that exact name; `movies*` would match `movies-2024`; its permission grants `indices:data/read/search`",
    );
  });

  it("name a permission that covers the index without the action, with the actions it has", () => {
    expect(nearMisses("indices:data/write/index", "logs-1")[0]).toMatchObject({
      kind: "index-without-action",
      role: "logs_reader",
      pattern: "logs-*",
      detail: "role `logs_reader` covers `logs-1` with `logs-*`, but that permission grants `read`, not `indices:data/write/index`",
    });
  });

  it("name the action granted on patterns that do not match the index", () => {
    const elsewhere = nearMisses(SEARCH, "zebra").filter((miss) => miss.kind === "action-elsewhere");
    expect(elsewhere.map((miss) => miss.pattern)).toEqual(expect.arrayContaining(["logs-*", "movies"]));
  });

  it("name an index action written in cluster permissions, where it never matches", () => {
    expect(nearMisses("indices:data/read/get", "zebra")).toContainEqual(
      expect.objectContaining({ kind: "action-elsewhere", role: "logs_reader", detail: expect.stringContaining("in its cluster permissions, where an index action never matches") }),
    );
  });

  it("name the roles the user does not hold that grant it, the policy's own before built-in ones", () => {
    const unheld = nearMisses(SEARCH, "zebra").filter((miss) => miss.kind === "unheld-role");
    expect(unheld[0]).toMatchObject({ role: "reader_everywhere", entry: 0, detail: "role `reader_everywhere`, which the user does not hold, grants `indices:data/read/search` on `zebra`" });
    expect(unheld.map((miss) => miss.role)).toContain("all_access");
  });

  it("come closest first: a similar pattern, then the action elsewhere, then roles not held", () => {
    const kinds = nearMisses(SEARCH, "log-2024").map((miss) => miss.kind);
    expect(kinds.indexOf("similar-pattern")).toBeLessThan(kinds.indexOf("action-elsewhere"));
    expect(kinds.indexOf("action-elsewhere")).toBeLessThan(kinds.indexOf("unheld-role"));
  });

  it("locate a pattern where the policy writes it", () => {
    // Line 8 of the file as compiled: three `_meta` lines and a blank one come first.
    expect(nearMisses(SEARCH, "log-2024")[0]?.at).toEqual({ file: "roles.yml", line: 8, column: 24 });
  });

  it("carry no locations without provenance", () => {
    const lean = policyOf({ "roles.yml": roles, "roles_mapping.yml": mappings }, false);
    const misses = analyze(lean, requestOf("alice", SEARCH, ["log-2024"]), [onIndex("log-2024", SEARCH)]).missing[0]!.nearMisses;
    expect(misses.length).toBeGreaterThan(0);
    expect(misses.every((miss) => miss.at === undefined)).toBe(true);
  });
});

describe("near misses are bounded", () => {
  const many = Array.from({ length: 8 }, (_, i) => `    - index_patterns: ["team-${i}"]\n      allowed_actions: ["read"]`).join("\n");
  const crowded = policyOf({ "roles.yml": `wide:\n  index_permissions:\n${many}\n`, "roles_mapping.yml": "wide:\n  users: [\"bob\"]\n" });

  it("to five of each kind", () => {
    const misses = analyze(crowded, requestOf("bob", SEARCH, ["elsewhere"]), [onIndex("elsewhere", SEARCH)]).missing[0]!.nearMisses;
    expect(misses.filter((miss) => miss.kind === "action-elsewhere")).toHaveLength(5);
  });
});

describe("near misses on other targets", () => {
  it("for a request naming no index, name the action on patterns that do not cover every index", () => {
    const misses = analyze(policy, requestOf("alice", SEARCH), [onAllIndices(SEARCH)]).missing[0]!.nearMisses;
    expect(misses[0]).toMatchObject({ kind: "action-elsewhere", role: "logs_reader", detail: expect.stringContaining("a request naming no index needs a pattern that covers every index") });
  });

  it("for a cluster action, name roles the user does not hold whose cluster permissions grant it", () => {
    const misses = analyze(policy, requestOf("alice", "cluster:monitor/health"), [onCluster("cluster:monitor/health")]).missing[0]!.nearMisses;
    expect(misses.map((miss) => miss.kind)).toEqual(misses.map(() => "unheld-role"));
    expect(misses.map((miss) => miss.role)).toContain("readall_and_monitor");
  });

  it("for a tenant, name a read-only tenant permission when the request writes", () => {
    const tenantPolicy = policyOf({
      "roles.yml": `viewer:\n  tenant_permissions:\n    - tenant_patterns: ["ops"]\n      allowed_actions: ["kibana_all_read"]\n`,
      "roles_mapping.yml": `viewer:\n  users: ["carol"]\n`,
      "tenants.yml": `ops:\n  description: "operations"\n`,
    });
    const request = { ...requestOf("carol", "indices:data/write/index", [".kibana"]), tenant: "ops" };
    const misses = analyze(tenantPolicy, request, [onTenant("ops", "kibana:saved_objects/*/write")]).missing[0]!.nearMisses;
    expect(misses[0]).toMatchObject({ kind: "index-without-action", role: "viewer", pattern: "ops", detail: "role `viewer` gives tenant `ops` read-only access through `ops`; the request needs read-write access" });
  });
});

describe("the edit distance of a pattern to a name", () => {
  it("lets `*` match any run for free", () => {
    expect(nearEditDistance("logs-*", "logs-2024-01")).toBe(0);
  });

  it("counts a missing character as one edit", () => {
    expect(nearEditDistance("logs-*", "log-2024")).toBe(1);
  });

  it("counts a changed character as one edit and lets `?` match any one", () => {
    expect(nearEditDistance("lo?s-2024", "logs-2025")).toBe(1);
  });
});
