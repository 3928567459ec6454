/** PC8004: an allowed action another one of the same list grants; PC8005: an index pattern another one of the same permission matches. */
import { describe, expect, it } from "vitest";
import { findingsOf, placesOf } from "./findings.js";

function indexEntry(patterns: string[], actions: string[]): { "roles.yml": string } {
  const list = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
  return { "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: ${list(patterns)}\n      allowed_actions: ${list(actions)}\n` };
}

describe("allowed actions another of the same list grants (PC8004)", () => {
  it("warns at an action a wildcard of the same list already matches", () => {
    expect(findingsOf(indexEntry(["logs-*"], ["indices:data/read/search", "indices:data/read/*"]), "PC8004")).toEqual([
      {
        place: "roles.yml:7:25",
        message: "`indices:data/read/search` adds nothing: `indices:data/read/*` in the same list already grants it",
        help: "remove it",
      },
    ]);
  });

  it("says nothing when the wildcard matches other actions", () => {
    expect(placesOf(indexEntry(["logs-*"], ["indices:data/read/search", "indices:data/write/*"]), "PC8004")).toEqual([]);
  });

  it("warns at an action group whose actions another group of the list grants", () => {
    const [finding] = findingsOf(indexEntry(["logs-*"], ["read", "crud"]), "PC8004");
    expect(finding).toMatchObject({ place: "roles.yml:7:25", message: "action group `read` adds nothing: `crud` in the same list already grants all its actions" });
  });

  it("reports the second of two identical actions", () => {
    expect(findingsOf(indexEntry(["logs-*"], ["read", "read"]), "PC8004").map((f) => [f.place, f.message])).toEqual([
      ["roles.yml:7:33", "action group `read` is listed twice in the same list of allowed actions"],
    ]);
  });

  it("checks cluster permissions too", () => {
    const files = { "roles.yml": 'ops:\n  cluster_permissions: ["cluster:monitor/health", "cluster_monitor"]\n' };
    expect(placesOf(files, "PC8004")).toEqual(["roles.yml:5:25 PC8004"]);
  });

  it("does not let `*` stand for the explicit `system:admin/system_index`", () => {
    expect(placesOf(indexEntry([".alerts"], ["*", "system:admin/system_index"]), "PC8004")).toEqual([]);
  });
});

describe("index patterns another of the same permission matches (PC8005)", () => {
  it("warns at a pattern a broader one of the same entry matches", () => {
    expect(findingsOf(indexEntry(["logs-*", "logs-2024-*"], ["read"]), "PC8005")).toEqual([
      {
        place: "roles.yml:6:34",
        message: "index pattern `logs-2024-*` adds nothing: `logs-*` in the same permission already matches every name it matches",
        help: "remove it",
      },
    ]);
  });

  it("says nothing about patterns that overlap without one containing the other", () => {
    expect(placesOf(indexEntry(["logs-*", "*-2024"], ["read"]), "PC8005")).toEqual([]);
    expect(placesOf(indexEntry([".kibana", ".kibana_*"], ["read"]), "PC8005")).toEqual([]);
  });

  it("compares a template only with `*` and with itself", () => {
    expect(placesOf(indexEntry(["logs-*", "logs-${user.name}"], ["read"]), "PC8005")).toEqual([]);
    expect(placesOf(indexEntry(["*", "logs-${user.name}"], ["read"]), "PC8005")).toEqual(["roles.yml:6:29 PC8005"]);
  });
});
