/** Syntax trees → the policy model: each definition's elements, defaults, order and spans. */
import { describe, expect, test } from "vitest";
import { at, parseModel, textOf, values } from "./helpers.js";

const source = `action_group my_read allow indices:data/read/*, indices:admin/mappings/get
action_group my_admin reserved hidden static {
  description "cluster housekeeping"
  type cluster
  allow cluster:monitor/*
}

role hr_reader {
  description "reads the HR indices"
  cluster cluster_composite_ops_ro
  index hr-*, "hr-\${attr.internal.dept}" allow read {
    dls '{"term": {"department": "\${attr.internal.dept}"}}'
    fls ~salary, ~bonus
    mask ssn, "email::SHA-512"
  }
  index logs-* { allow read, indices:admin/mappings/get }
  tenant human_resources, analytics allow kibana_all_write
  users judy
  backend_roles hr
  and_backend_roles staff, eu
  hosts "10.0.0.*"
}

role empty { }

mapping all_access reserved { description "admins" backend_roles admin }

user judy {
  hash "$2b$12$abc"
  description "Judy"
  backend_roles IT
  roles readall
  attributes dept = hr, "team.lead" = "yes"
}
user elon static

tenant human_resources hidden { description "the HR tenant" }
tenant analytics
`;

const { model, diagnostics } = parseModel(source);

test("the file converts without diagnostics", () => {
  expect(diagnostics).toEqual([]);
});

test("the model's flavor is opensearch and its sources are the files in order", () => {
  const two = parseModel({ "b.policy": "role b { }", "a.policy": "role a { }" });
  expect(two.model.flavor).toBe("opensearch");
  expect(two.model.sources).toEqual(["b.policy", "a.policy"]);
  expect(two.model.roles.map((role) => role.name.value)).toEqual(["b", "a"]);
});

describe("action groups", () => {
  test("the shorthand's allow list is the group's allowed actions", () => {
    expect(model.actionGroups[0]).toMatchObject({ reserved: false, hidden: false, static: false });
    expect(values(model.actionGroups[0]!.allowedActions)).toEqual(["indices:data/read/*", "indices:admin/mappings/get"]);
  });

  test("a block gives type, description and flags", () => {
    expect(model.actionGroups[1]).toMatchObject({ type: "cluster", description: "cluster housekeeping", reserved: true, hidden: true, static: true });
  });
});

describe("roles", () => {
  const role = model.roles[0]!;

  test("cluster permissions and description", () => {
    expect(values(role.clusterPermissions)).toEqual(["cluster_composite_ops_ro"]);
    expect(role.description).toBe("reads the HR indices");
  });

  test("an index entry gives patterns, actions, DLS, FLS and masked fields", () => {
    const permission = role.indexPermissions[0]!;
    expect(values(permission.indexPatterns)).toEqual(["hr-*", "hr-${attr.internal.dept}"]);
    expect(values(permission.allowedActions)).toEqual(["read"]);
    expect(permission.dls?.value).toBe('{"term": {"department": "${attr.internal.dept}"}}');
    expect(values(permission.fls)).toEqual(["~salary", "~bonus"]);
    expect(values(permission.maskedFields)).toEqual(["ssn", "email::SHA-512"]);
  });

  test("allow inside an index entry's block is its allowed actions", () => {
    expect(values(role.indexPermissions[1]!.allowedActions)).toEqual(["read", "indices:admin/mappings/get"]);
    expect(role.indexPermissions[1]).toMatchObject({ fls: [], maskedFields: [] });
    expect(role.indexPermissions[1]!.dls).toBeUndefined();
  });

  test("a tenant clause is one tenant permission", () => {
    expect(role.tenantPermissions.map((t) => [values(t.tenantPatterns), values(t.allowedActions)])).toEqual([
      [["human_resources", "analytics"], ["kibana_all_write"]],
    ]);
  });

  test("a role without clauses has empty lists and false flags", () => {
    expect(model.roles[1]).toMatchObject({
      name: { value: "empty" },
      reserved: false,
      hidden: false,
      static: false,
      clusterPermissions: [],
      indexPermissions: [],
      tenantPermissions: [],
    });
    expect(model.roles[1]!.description).toBeUndefined();
  });
});

describe("role mappings", () => {
  test("a role's mapping clauses are its mapping, in the role's place", () => {
    const mapping = model.roleMappings[0]!;
    expect(mapping.role.value).toBe("hr_reader");
    expect([values(mapping.users), values(mapping.backendRoles), values(mapping.andBackendRoles), values(mapping.hosts)]).toEqual([
      ["judy"],
      ["hr"],
      ["staff", "eu"],
      ["10.0.0.*"],
    ]);
    expect(mapping).toMatchObject({ reserved: false, hidden: false });
  });

  test("a role without mapping clauses has no mapping", () => {
    expect(model.roleMappings.map((m) => m.role.value)).toEqual(["hr_reader", "all_access"]);
  });

  test("a mapping block gives flags, description and lists", () => {
    expect(model.roleMappings[1]).toMatchObject({ reserved: true, hidden: false, description: "admins", users: [], hosts: [] });
    expect(values(model.roleMappings[1]!.backendRoles)).toEqual(["admin"]);
  });
});

describe("users and tenants", () => {
  test("a user's clauses fill its internal_users.yml entry", () => {
    const user = model.internalUsers[0]!;
    expect(user).toMatchObject({ hash: "$2b$12$abc", description: "Judy", reserved: false });
    expect(values(user.backendRoles)).toEqual(["IT"]);
    expect(values(user.securityRoles)).toEqual(["readall"]);
    expect(user.attributes.map((a) => [a.name.value, a.value.value])).toEqual([
      ["dept", "hr"],
      ["team.lead", "yes"],
    ]);
  });

  test("a bare user has empty lists", () => {
    expect(model.internalUsers[1]).toMatchObject({ static: true, backendRoles: [], securityRoles: [], attributes: [] });
    expect(model.internalUsers[1]!.hash).toBeUndefined();
  });

  test("tenants keep flags and description", () => {
    expect(model.tenants.map((t) => [t.name.value, t.hidden, t.description])).toEqual([
      ["human_resources", true, "the HR tenant"],
      ["analytics", false, undefined],
    ]);
  });
});

describe("spans", () => {
  test("every located string is located at its word or string", () => {
    const role = model.roles[0]!;
    expect(textOf(role.name.span)).toBe("hr_reader");
    expect(role.indexPermissions[0]!.indexPatterns.map((p) => textOf(p.span))).toEqual(["hr-*", '"hr-${attr.internal.dept}"']);
    expect(textOf(role.indexPermissions[0]!.dls?.span)).toBe(`'{"term": {"department": "\${attr.internal.dept}"}}'`);
    expect(at(model.actionGroups[0]!.allowedActions[1]!.span)).toBe("1:49");
    expect(textOf(model.internalUsers[0]!.attributes[1]!.name.span)).toBe('"team.lead"');
  });

  test("elements span their definition or clause", () => {
    expect(at(model.roles[0]!.span)).toBe("8:1");
    expect(textOf(model.roles[0]!.indexPermissions[1]!.span)).toBe("index logs-* { allow read, indices:admin/mappings/get }");
    expect(textOf(model.roles[0]!.tenantPermissions[0]!.span)).toBe("tenant human_resources, analytics allow kibana_all_write");
    expect(textOf(model.roleMappings[1]!.span)).toBe('mapping all_access reserved { description "admins" backend_roles admin }');
  });
});
