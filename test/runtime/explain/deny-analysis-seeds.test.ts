/**
 * The seed scenarios of issue 9: the `test-user` `_cat/shards` denial
 * (`indices:monitor/stats` missing) and the `_bulk` request of a user
 * without the cluster permission `indices:data/write/bulk`.
 */
import { describe, expect, it } from "vitest";
import { analyze, describeSuggestion, examplePolicy, onCluster, onIndex } from "../../explain/deny-policies.js";

describe("the `_cat/shards` denial of `test-user`", () => {
  const policy = examplePolicy("cat-shards-denial");
  const request = { user: { name: "test-user", backend_roles: [] }, action: "indices:monitor/stats", indices: ["logs-2026"] };
  const result = () => analyze(policy, request, [onIndex("logs-2026", "indices:monitor/stats")]);

  it("suggests first adding `indices:monitor/stats` to a new index permission on `logs-2026` of the user's role", () => {
    const first = result().suggestions[0];
    expect(first).toMatchObject({ kind: "add-action", role: "cluster_monitor_only", entry: 0, action: "indices:monitor/stats", alsoGrants: 0 });
    expect(first?.detail).toBe("add `indices:monitor/stats` to a new index permission on `logs-2026` of role `cluster_monitor_only`");
  });

  it("suggests the smallest action group with the action, `indices_monitor`, after the action itself", () => {
    const kinds = result().suggestions.map(describeSuggestion);
    expect(kinds.slice(0, 2)).toEqual(["add-action cluster_monitor_only#0 indices:monitor/stats", "add-action cluster_monitor_only#0 indices_monitor"]);
  });

  it("suggests mapping the user to `all_access`, the only role that grants it, last", () => {
    const suggestions = result().suggestions;
    expect(suggestions.at(-1)).toMatchObject({ kind: "map-user", role: "all_access", user: "test-user" });
    expect(suggestions.at(-1)!.alsoGrants).toBeGreaterThan(suggestions[1]!.alsoGrants);
  });

  it("names `all_access` as a role the user does not hold that grants the action", () => {
    const [missing] = result().missing;
    expect(missing?.nearMisses).toEqual([
      expect.objectContaining({ kind: "unheld-role", role: "all_access", detail: "role `all_access`, which the user does not hold, grants `indices:monitor/stats` on `logs-2026`" }),
    ]);
  });

  it("locates the suggestion at the role in `roles.yml`", () => {
    expect(result().suggestions[0]?.at).toEqual({ file: "examples/cat-shards-denial/roles.yml", line: 8, column: 1 });
  });
});

describe("the `_bulk` request of `doc-only`, whose role has no cluster permissions", () => {
  const policy = examplePolicy("bulk-permissions");
  const request = { user: { name: "doc-only" }, action: "indices:data/write/bulk" };
  const result = () => analyze(policy, request, [onCluster("indices:data/write/bulk")]);

  it("suggests first adding `indices:data/write/bulk` to the cluster permissions of `bulk_writer`", () => {
    expect(result().suggestions[0]).toEqual(
      expect.objectContaining({ kind: "add-action", role: "bulk_writer", action: "indices:data/write/bulk", alsoGrants: 0, detail: "add `indices:data/write/bulk` to the cluster permissions of role `bulk_writer`" }),
    );
    expect(result().suggestions[0]).not.toHaveProperty("entry");
  });

  it("suggests `cluster_composite_ops` as the smallest cluster action group with it", () => {
    const group = result().suggestions.find((suggestion) => suggestion.kind === "add-action" && suggestion.action !== "indices:data/write/bulk");
    expect(group).toMatchObject({ kind: "add-action", role: "bulk_writer", action: "cluster_composite_ops" });
  });

  it("suggests mapping `doc-only` to `bulk_client`, which grants nothing else, before larger roles", () => {
    const mappings = result().suggestions.filter((suggestion) => suggestion.kind === "map-user");
    expect(mappings[0]).toMatchObject({ role: "bulk_client", user: "doc-only", alsoGrants: 0 });
  });

  it("names the index permission that has `indices:data/write/bulk*`, where the cluster action never matches", () => {
    const [missing] = result().missing;
    expect(missing?.nearMisses[0]).toMatchObject({ kind: "action-elsewhere", role: "bulk_writer", entry: 0, pattern: "test-index" });
    expect(missing?.nearMisses[0]?.detail).toContain("is a cluster action: only cluster permissions grant it");
  });

  it("names `bulk_client` first among the roles the user does not hold that grant it", () => {
    const unheld = result().missing[0]!.nearMisses.filter((miss) => miss.kind === "unheld-role");
    expect(unheld[0]?.role).toBe("bulk_client");
  });
});
