/**
 * The lists of allowed actions offer the names policyc knows (built-in action groups and known actions) for
 * completion, in an `anyOf` (within an `allOf`) beside a branch that takes any string: editors complete them and reject nothing.
 */
import { describe, expect, test } from "vitest";
import { readKnownActions } from "../../src/check/known-actions.js";
import { readBuiltinPolicy } from "../../src/parse/yaml/index.js";
import { isClusterAction, SYSTEM_INDEX_PERMISSION } from "../../src/rules/actions.js";
import { definition, readSchema, schemaErrors, type Schema } from "./helpers.js";

const builtinGroups = readBuiltinPolicy().actionGroups;
const groupsOfType = (...types: string[]) =>
  builtinGroups.filter((g) => types.length === 0 || types.includes(g.type ?? "")).map((g) => g.name.value).sort();
const knownActions = [...readKnownActions()].sort();

/** The names an item schema offers through the enums of its `anyOf` branches, by branch title. */
function offered(schema: Schema, item: Schema): Record<string, string[]> {
  const offers: Record<string, string[]> = {};
  for (const branch of ((item["allOf"] as Schema[])[0]!["anyOf"] as Schema[])) {
    const target = definition(schema, String(branch["$ref"]).replace("#/definitions/", ""));
    if (Array.isArray(target["enum"])) offers[String(target["title"])] = [...(target["enum"] as string[])].sort();
  }
  return offers;
}

const roles = readSchema("roles.schema.json");
const actionGroups = readSchema("action_groups.schema.json");
const rolesMeta = { _meta: { type: "roles", config_version: 2 } };

describe("roles.yml", () => {
  test("cluster permissions offer the built-in cluster action groups and the known cluster actions", () => {
    expect(offered(roles, definition(roles, "clusterPermissionName"))).toEqual({
      "built-in action group": groupsOfType("cluster", "all"),
      "known action": knownActions.filter((a) => isClusterAction(a) && a !== SYSTEM_INDEX_PERMISSION),
    });
  });

  test("index permissions offer the built-in index action groups and the known index actions", () => {
    expect(offered(roles, definition(roles, "indexActionName"))).toEqual({
      "built-in action group": groupsOfType("index", "all"),
      "known action": knownActions.filter((a) => !isClusterAction(a) || a === SYSTEM_INDEX_PERMISSION),
    });
  });

  test("the system index permission is offered in index permissions", () => {
    expect(offered(roles, definition(roles, "indexActionName"))["known action"]).toContain(SYSTEM_INDEX_PERMISSION);
  });

  test("tenant permissions offer the built-in tenant action groups", () => {
    expect(offered(roles, definition(roles, "tenantActionName"))).toEqual({ "built-in action group": groupsOfType("kibana") });
  });

  test("each built-in action group comes with its description and expansion", () => {
    const groups = definition(roles, "builtinClusterActionGroups");
    const index = (groups["enum"] as string[]).indexOf("cluster_monitor");
    expect((groups["enumDescriptions"] as string[])[index]).toBe("Allow monitoring the cluster. Expands to: cluster:monitor/*");
  });

  test("custom action groups, patterns and unknown actions are accepted", () => {
    const role = {
      cluster_permissions: ["my_group", "cluster:admin/someplugin/*", "/cluster:monitor/(health|state)/"],
      index_permissions: [{ index_patterns: ["*"], allowed_actions: ["indices:data/read/unheard_of", "crud"] }],
      tenant_permissions: [{ tenant_patterns: ["*"], allowed_actions: ["my_tenant_group"] }],
    };
    expect(schemaErrors("roles.schema.json", { ...rolesMeta, r: role })).toEqual([]);
  });

  test("an action that is not a string is rejected by its type alone", () => {
    const role = { cluster_permissions: [{ cluster_monitor: null }] };
    expect(schemaErrors("roles.schema.json", { ...rolesMeta, r: role })).toEqual(["/r/cluster_permissions/0 type"]);
  });
});

describe("action_groups.yml", () => {
  test("allowed actions offer every built-in action group and every known action", () => {
    expect(offered(actionGroups, definition(actionGroups, "actionName"))).toEqual({
      "built-in action group": groupsOfType(),
      "known action": knownActions,
    });
  });
});

describe("roles_mapping.yml", () => {
  const mappings = readSchema("roles_mapping.schema.json");

  test("the built-in roles are offered as keys, each a role mapping", () => {
    const properties = mappings["properties"] as Record<string, Schema>;
    const builtinRoles = readBuiltinPolicy().roles.map((r) => r.name.value).sort();
    expect(Object.keys(properties).sort()).toEqual(["_meta", ...builtinRoles].sort());
    for (const name of builtinRoles) expect(properties[name]!["$ref"]).toBe("#/definitions/roleMapping");
  });
});
