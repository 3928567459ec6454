/** The sg_* schemas as an editor reads them: the YAML read as JSON, then validated with a plain draft-07 ajv. */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { schemaErrors } from "../../schemas/helpers.js";

const REFERENCE = new URL("../../../../shared/searchguard-reference/", import.meta.url);
const BUILTINS = new URL("../../../data/searchguard/", import.meta.url);

const yamlAt = (directory: URL, name: string): unknown => load(readFileSync(new URL(name, directory), "utf8")) ?? {};

describe("the Search Guard schemas", () => {
  test.each(["sg_roles", "sg_roles_mapping", "sg_action_groups", "sg_internal_users", "sg_tenants", "sg_authz", "sg_frontend_multi_tenancy"])(
    "accept the demo configuration's %s.yml",
    (name) => {
      expect(schemaErrors(`${name}.schema.json`, yamlAt(REFERENCE, `${name}.yml`))).toEqual([]);
    },
  );

  test.each([
    ["static_roles.yml", "sg_roles"],
    ["static_action_groups.yml", "sg_action_groups"],
    ["static_tenants.yml", "sg_tenants"],
  ])("accept the built-in %s", (file, schema) => {
    expect(schemaErrors(`${schema}.schema.json`, yamlAt(BUILTINS, file))).toEqual([]);
  });

  test("refuse an action group without `type`", () => {
    expect(schemaErrors("sg_action_groups.schema.json", { G: { allowed_actions: ["SGS_READ"] } })).not.toEqual([]);
  });

  test("refuse an unknown attribute of sg_authz.yml", () => {
    expect(schemaErrors("sg_authz.schema.json", { "role_mapping.resolution": "BOTH" })).not.toEqual([]);
  });

  test("accept the mapping mode in sg_authz.yml both dotted and nested", () => {
    expect(schemaErrors("sg_authz.schema.json", { "role_mapping.resolution_mode": "BOTH" })).toEqual([]);
    expect(schemaErrors("sg_authz.schema.json", { role_mapping: { resolution_mode: "BOTH" } })).toEqual([]);
  });
});
