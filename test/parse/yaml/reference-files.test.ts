import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readBuiltinPolicy } from "../../../src/parse/yaml/index.js";
import { parse } from "./helpers.js";

const REFERENCE = "/work/shared/opensearch-reference/";
const referenceFiles = readdirSync(REFERENCE).filter((name) => name.endsWith(".yml"));

describe("the plugin's own files", () => {
  test.each(referenceFiles)("%s parses without any diagnostic", (name) => {
    const { diagnostics } = parse({ [name]: readFileSync(REFERENCE + name, "utf8") });
    expect(diagnostics).toEqual([]);
  });

  test("the demo configuration yields its roles, mappings, users and tenants", () => {
    const files = Object.fromEntries(
      ["roles.yml", "roles_mapping.yml", "action_groups.yml", "internal_users.yml", "tenants.yml"].map((name) => [name, readFileSync(REFERENCE + name, "utf8")]),
    );
    const { model, diagnostics } = parse(files);
    expect(diagnostics).toEqual([]);
    expect(model.roles).toHaveLength(46);
    expect(model.roleMappings.map((m) => m.role.value)).toEqual(["all_access", "logstash", "kibana_user", "readall", "manage_snapshots", "kibana_server"]);
    expect(model.internalUsers.map((u) => u.name.value)).toContain("kibanaro");
    expect(model.tenants.map((t) => t.name.value)).toEqual(["admin_tenant"]);
    expect(model.actionGroups).toEqual([]);
  });
});

describe("the built-in policy", () => {
  test("it holds the static action groups, roles and tenants", () => {
    const builtin = readBuiltinPolicy();
    expect(builtin.actionGroups).toHaveLength(26);
    expect(builtin.roles.map((r) => r.name.value)).toContain("all_access");
    expect(builtin.tenants.map((t) => t.name.value)).toEqual(["global_tenant"]);
    expect(builtin.sources).toHaveLength(3);
  });

  test("it marks its entries static", () => {
    const builtin = readBuiltinPolicy();
    expect(builtin.roles.every((r) => r.static && r.reserved)).toBe(true);
    expect(builtin.actionGroups.every((g) => g.static)).toBe(true);
  });

  test("it is read once and then served from the cache", () => {
    expect(readBuiltinPolicy()).toBe(readBuiltinPolicy());
  });

  test("its files are the plugin's files byte for byte", () => {
    for (const name of ["static_action_groups.yml", "static_roles.yml", "static_tenants.yml"]) {
      expect(readFileSync(new URL(`../../../data/opensearch/${name}`, import.meta.url), "utf8")).toBe(readFileSync(REFERENCE + name, "utf8"));
    }
  });
});
