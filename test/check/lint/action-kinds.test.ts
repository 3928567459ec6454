/** PC8001 / PC8002: index actions among cluster permissions, cluster actions among index permissions. */
import { describe, expect, it } from "vitest";
import { actionKind } from "../../../src/check/lint/action-kind.js";
import { readKnownActions } from "../../../src/check/known-actions.js";
import { findingsOf, placesOf } from "./findings.js";

/** A role whose cluster permissions are `cluster` and whose one index permission allows `index` on `logs-*`. */
function roleWith(cluster: string[], index: string[] = ["read"]): { "roles.yml": string } {
  const list = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
  return {
    "roles.yml": `ops:\n  cluster_permissions: ${list(cluster)}\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ${list(index)}\n`,
  };
}

describe("the kind of an action pattern", () => {
  const kind = (pattern: string) => actionKind(pattern, readKnownActions());

  it("follows the plugin's rule for exact names", () => {
    expect(kind("indices:data/write/bulk")).toBe("cluster");
    expect(kind("indices:data/write/bulk[s]")).toBe("index");
    expect(kind("cluster:monitor/health")).toBe("cluster");
    expect(kind("indices:monitor/stats")).toBe("index");
  });

  it("calls a wildcard mixed when it matches actions of both kinds", () => {
    expect(kind("indices:data/write/bulk*")).toBe("mixed");
    expect(kind("indices:data/read/*")).toBe("mixed");
    expect(kind("indices:*")).toBe("mixed");
    expect(kind("*")).toBe("mixed");
  });

  it("judges a wildcard by everything it can match", () => {
    expect(kind("indices:admin/template/*")).toBe("cluster");
    expect(kind("indices:monitor/*")).toBe("index");
    expect(kind("cluster:*")).toBe("cluster");
  });

  it("leaves other namespaces, regexes and templates unjudged", () => {
    expect(kind("kibana:saved_objects/*/write")).toBe("unjudged");
    expect(kind("/indices:.*/")).toBe("unjudged");
    expect(kind("restapi:admin/roles")).toBe("unjudged");
  });
});

describe("index actions in cluster permissions (PC8001)", () => {
  it("warns at an index action among the cluster permissions", () => {
    expect(findingsOf(roleWith(["cluster_monitor", "indices:monitor/stats"]), "PC8001")).toEqual([
      {
        place: "roles.yml:5:44",
        message:
          "`indices:monitor/stats` is an index action, which the plugin checks against index permissions only, so in cluster permissions it grants nothing",
        help: "move it to the index permissions of role `ops`",
      },
    ]);
  });

  it("says nothing about the cluster-level `indices:` actions", () => {
    expect(placesOf(roleWith(["indices:data/write/bulk", "indices:data/read/mget", "indices:admin/template/get"]), "PC8001")).toEqual([]);
  });

  it("warns at a wildcard that matches index actions only, not at one that matches both kinds", () => {
    expect(placesOf(roleWith(["indices:monitor/*"]), "PC8001")).toEqual(["roles.yml:5:25 PC8001"]);
    expect(placesOf(roleWith(["indices:data/read/*"]), "PC8001")).toEqual([]);
  });

  it("warns at an action group that grants index actions only", () => {
    const files = { ...roleWith(["my_stats"]), "action_groups.yml": 'my_stats:\n  allowed_actions: ["indices:monitor/stats", "indices:monitor/recovery"]\n' };
    expect(findingsOf(files, "PC8001").map((f) => [f.place, f.message])).toEqual([
      [
        "roles.yml:5:25",
        "action group `my_stats` grants only index actions (`indices:monitor/recovery`, `indices:monitor/stats`), which the plugin checks against index permissions only, so in cluster permissions it grants nothing",
      ],
    ]);
  });

  it("says nothing about a group that mixes kinds, or a built-in group where the plugin's own roles put it", () => {
    expect(placesOf(roleWith(["cluster_composite_ops", "cluster_composite_ops_ro", "manage_point_in_time"]), "PC8001")).toEqual([]);
  });

  it("treats `system:admin/system_index` as the index privilege it is", () => {
    expect(placesOf(roleWith(["system:admin/system_index"]), "PC8001")).toEqual(["roles.yml:5:25 PC8001"]);
  });
});

describe("cluster actions in index permissions (PC8002)", () => {
  it("warns at the top-level bulk action and names the shard action the index needs", () => {
    expect(findingsOf(roleWith([], ["indices:data/write/bulk", "indices:data/write/index"]), "PC8002")).toEqual([
      {
        place: "roles.yml:8:25",
        message:
          "`indices:data/write/bulk` is a cluster action, which the plugin checks against cluster permissions only, so in index permissions it grants nothing",
        help: "move it to the cluster permissions of role `ops`; on the indices themselves the plugin checks `indices:data/write/bulk[s]`",
      },
    ]);
  });

  it("says nothing about the shard action or a wildcard over both", () => {
    expect(placesOf(roleWith([], ["indices:data/write/bulk[s]", "indices:data/write/bulk*"]), "PC8002")).toEqual([]);
  });

  it("warns at `cluster:` actions and at groups of them", () => {
    expect(placesOf(roleWith([], ["cluster:monitor/health", "cluster_monitor", "read"]), "PC8002")).toEqual(["roles.yml:8:25 PC8002", "roles.yml:8:51 PC8002"]);
  });

  it("says nothing about groups that mix kinds on purpose", () => {
    expect(placesOf(roleWith([], ["cluster_composite_ops", "indices_all", "crud", "manage"]), "PC8002")).toEqual([]);
  });

  it("warns in a .policy file too", () => {
    expect(placesOf("role ops {\n  index logs-* allow indices:data/write/bulk\n  users alice\n}\n", "PC8002")).toEqual(["app.policy:2:22 PC8002"]);
  });
});
