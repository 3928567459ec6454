import { describe, expect, test } from "vitest";
import { at, fixture, META, parse, textOf } from "./helpers.js";

const full = parse(fixture("full"));
const values = (strings: readonly { value: string }[]) => strings.map((s) => s.value);

test("the full fixture parses without diagnostics", () => {
  expect(full.diagnostics).toEqual([]);
});

describe("roles", () => {
  const role = full.model.roles[0]!;
  const permission = role.indexPermissions[0]!;

  test("a role's name is located at its key", () => {
    expect(role.name.value).toBe("logs_reader");
    expect(at(role.name.span)).toBe("6:1");
  });

  test("a role's span runs from its key to the end of its body", () => {
    expect(at(role.span)).toBe("6:1");
    expect(textOf(role.span).endsWith("allowed_actions: [kibana_all_write]")).toBe(true);
  });

  test("cluster permissions and description are read", () => {
    expect(values(role.clusterPermissions)).toEqual(["cluster_composite_ops_ro"]);
    expect(role.description).toBe("Reads the logs of the own team");
    expect(role).toMatchObject({ reserved: false, hidden: false, static: false });
  });

  test("an index permission's patterns and actions keep their text", () => {
    expect(values(permission.indexPatterns)).toEqual(["logs-${attr.internal.team}-*", "/audit-[0-9]+/"]);
    expect(values(permission.allowedActions)).toEqual(["read", "indices:admin/mappings/get"]);
  });

  test("each allowed action is located", () => {
    expect(permission.allowedActions.map((a) => at(a.span))).toEqual(["15:11", "16:11"]);
    expect(textOf(permission.allowedActions[1]!.span)).toBe('"indices:admin/mappings/get"');
  });

  test("DLS, FLS and masked fields are read", () => {
    expect(permission.dls?.value).toBe('{"term": {"public": true}}');
    expect(values(permission.fls)).toEqual(["~secret"]);
    expect(values(permission.maskedFields)).toEqual(["email::SHA-512"]);
  });

  test("an index permission is located at its list item", () => {
    expect(at(permission.span)).toBe("11:7");
  });

  test("tenant permissions are read", () => {
    expect(role.tenantPermissions.map((t) => [values(t.tenantPatterns), values(t.allowedActions)])).toEqual([[["team_tenant"], ["kibana_all_write"]]]);
  });

  test("an empty role has no permissions", () => {
    expect(full.model.roles[1]).toMatchObject({ name: { value: "empty_role" }, clusterPermissions: [], indexPermissions: [] });
  });
});

describe("role mappings", () => {
  const mapping = full.model.roleMappings[0]!;

  test("a mapping names its role at the key", () => {
    expect(mapping.role.value).toBe("logs_reader");
    expect(at(mapping.role.span)).toBe("5:1");
  });

  test("users, backend roles, and_backend_roles and hosts are read", () => {
    expect(values(mapping.users)).toEqual(["alice", "bob*"]);
    expect(values(mapping.backendRoles)).toEqual(["team"]);
    expect(values(mapping.andBackendRoles)).toEqual(["staff", "region-eu"]);
    expect(values(mapping.hosts)).toEqual(["10.0.0.*"]);
  });

  test("flags and description are read", () => {
    expect(mapping).toMatchObject({ reserved: true, hidden: false, description: "Team members" });
  });
});

describe("internal users", () => {
  const user = full.model.internalUsers[0]!;

  test("hash, backend roles and security roles are read", () => {
    expect(user.hash).toBe("$2y$12$abcdefghijklmnopqrstuv");
    expect(values(user.backendRoles)).toEqual(["team"]);
    expect(values(user.securityRoles)).toEqual(["logs_reader"]);
  });

  test("attributes are name/value pairs of strings", () => {
    expect(user.attributes.map((a) => [a.name.value, a.value.value])).toEqual([
      ["team", "blue"],
      ["level", "3"],
    ]);
    expect(at(user.attributes[0]!.value.span)).toBe("10:11");
  });

  test("a number as an attribute value is read as its text with a warning", () => {
    const { diagnostics } = parse({ "internal_users.yml": META.internalusers + "u:\n  attributes:\n    level: 3\n" });
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2009"]);
  });

  test("flags and description are read", () => {
    expect(user).toMatchObject({ hidden: true, reserved: false, description: "Alice" });
  });
});

describe("action groups and tenants", () => {
  test("an action group's actions, type and description are read", () => {
    const group = full.model.actionGroups[0]!;
    expect(group.name.value).toBe("log_reading");
    expect(values(group.allowedActions)).toEqual(["indices:data/read/search*", "read"]);
    expect(group).toMatchObject({ type: "index", description: "Search the logs" });
  });

  test("a tenant's name and description are read", () => {
    expect(full.model.tenants.map((t) => [t.name.value, t.description])).toEqual([["team_tenant", "The team's dashboards"]]);
  });
});

describe("salvage", () => {
  test("a file with errors still yields its valid parts", () => {
    const { diagnostics, model } = parse({
      "roles.yml": META.roles + "good:\n  cluster_permissions: [a]\nbad:\n  cluster_permissions: a\n  index_permissions:\n    - index_patterns: [x]\n      allowed_actions: [read]\n      bogus: 1\n",
    });
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2007", "PC2006"]);
    expect(model.roles.map((r) => r.name.value)).toEqual(["good", "bad"]);
    expect(values(model.roles[1]!.indexPermissions[0]!.allowedActions)).toEqual(["read"]);
    expect(model.roles[1]!.clusterPermissions).toEqual([]);
  });

  test("a file without _meta still yields its entries", () => {
    expect(parse({ "tenants.yml": "t: {}\n" }).model.tenants.map((t) => t.name.value)).toEqual(["t"]);
  });
});
