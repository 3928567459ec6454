import { describe, expect, it } from "vitest";
import {
  isSearchGuardClusterPermission,
  isSearchGuardOpenAction,
  searchGuardAdditionalPrivileges,
  searchGuardScope,
} from "../../../src/rules/searchguard-actions.js";

describe("Search Guard action scopes", () => {
  it("take registered indices: names as cluster actions", () => {
    for (const action of ["indices:data/read/mget", "indices:data/write/bulk", "indices:monitor/recovery", "indices:data/read/sql", "indices:data/read/close_point_in_time"]) {
      expect(searchGuardScope(action)).toBe("cluster");
    }
  });

  it("take unregistered indices: names as index actions, even under a registered prefix", () => {
    expect(searchGuardScope("indices:data/read/search")).toBe("index");
    expect(searchGuardScope("indices:data/read/scroll/other")).toBe("index");
    expect(searchGuardScope("indices:admin/template/other")).toBe("index");
  });

  it("take cluster:, searchguard:cluster: and tenant prefixes by name", () => {
    expect(searchGuardScope("cluster:admin/searchguard/ad/detector/write")).toBe("cluster");
    expect(searchGuardScope("searchguard:cluster:x")).toBe("cluster");
    expect(searchGuardScope("kibana:saved_objects/_/write")).toBe("tenant");
    expect(searchGuardScope("cluster:admin:searchguard:tenant:x")).toBe("tenant");
  });

  it("know the open actions", () => {
    expect(isSearchGuardOpenAction("cluster:admin/searchguard/whoami")).toBe(true);
    expect(isSearchGuardOpenAction("cluster:admin:searchguard:session/_own/delete")).toBe(true);
    expect(isSearchGuardOpenAction("cluster:monitor/health")).toBe(false);
  });

  it("need search for search_shards and create plus index for a restore", () => {
    expect(searchGuardAdditionalPrivileges("indices:admin/shards/search_shards")).toEqual(["indices:data/read/search"]);
    expect(searchGuardAdditionalPrivileges("cluster:admin/snapshot/restore")).toEqual(["indices:admin/create", "indices:data/write/index"]);
    expect(searchGuardAdditionalPrivileges("indices:data/read/search")).toEqual([]);
  });

  it("ignore a constant cluster permission without a colon, but never a pattern", () => {
    expect(isSearchGuardClusterPermission("SGS_CLUSTER_MONITOR")).toBe(false);
    expect(isSearchGuardClusterPermission("cluster:monitor/health")).toBe(true);
    expect(isSearchGuardClusterPermission("*")).toBe(true);
    expect(isSearchGuardClusterPermission("MY_*")).toBe(true);
    expect(isSearchGuardClusterPermission("/x/")).toBe(true);
  });
});
