import { describe, expect, test } from "vitest";
import { readBuiltinPolicy } from "../../../src/parse/yaml/index.js";

describe("the built-in policy per flavor", () => {
  test("OpenSearch's is the default and holds its lower-case built-ins", () => {
    const builtin = readBuiltinPolicy();
    expect(builtin.flavor).toBe("opensearch");
    expect(builtin.roles.map((r) => r.name.value)).toContain("all_access");
  });

  test("Search Guard's holds the `SGS_` roles, action groups and the global tenant", () => {
    const builtin = readBuiltinPolicy("searchguard");
    expect(builtin.flavor).toBe("searchguard");
    expect(builtin.roles.map((r) => r.name.value)).toEqual(expect.arrayContaining(["SGS_ALL_ACCESS", "SGS_KIBANA_USER", "SGS_OWN_INDEX"]));
    expect(builtin.actionGroups.map((g) => g.name.value)).toEqual(expect.arrayContaining(["SGS_READ", "SGS_CRUD", "SGS_CLUSTER_COMPOSITE_OPS"]));
    expect(builtin.tenants.map((t) => t.name.value)).toEqual(["SGS_GLOBAL_TENANT"]);
  });

  test("Search Guard's comes from data/searchguard, shown as a path inside policyc", () => {
    expect(readBuiltinPolicy("searchguard").sources).toEqual([
      "policyc:data/searchguard/static_action_groups.yml",
      "policyc:data/searchguard/static_roles.yml",
      "policyc:data/searchguard/static_tenants.yml",
    ]);
  });

  test("each flavor's is read once", () => {
    expect(readBuiltinPolicy("searchguard")).toBe(readBuiltinPolicy("searchguard"));
    expect(readBuiltinPolicy("searchguard")).not.toBe(readBuiltinPolicy("opensearch"));
  });
});
