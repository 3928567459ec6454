import { describe, expect, test } from "vitest";
import { at, messages, parseSg, values } from "./helpers.js";

const ROLES = `_sg_meta:
  type: "roles"
  config_version: 2
logs_reader:
  cluster_permissions: [SGS_CLUSTER_COMPOSITE_OPS_RO]
  exclude_cluster_permissions: ["cluster:admin/snapshot/*"]
  index_permissions:
    - index_patterns: ["logs-*", "-logs-secret"]
      allowed_actions: [SGS_READ]
      dls: '{"term": {"team": "a"}}'
  alias_permissions:
    - alias_patterns: ["current-logs"]
      allowed_actions: [SGS_READ]
  data_stream_permissions:
    - data_stream_patterns: ["metrics-*"]
      allowed_actions: [SGS_WRITE]
  tenant_permissions:
    - tenant_patterns: [team_a]
      allowed_actions: [SGS_KIBANA_ALL_WRITE]
`;

const MAPPING = `ops:
  users: ["judy"]
  backend_roles: ["IT"]
  hosts: ["10.0.0.7"]
  ips: ["192.168.0.0/16"]
  and_backend_roles: ["teamA", "lead"]
`;

const USERS = `judy:
  hash: "$2y$12$abc"
  backend_roles: ["IT"]
  search_guard_roles: ["logs_reader"]
  attributes:
    dept: "sales"
    regions: ["eu", "us"]
`;

describe("a Search Guard role", () => {
  const { model, diagnostics } = parseSg({ "sg_roles.yml": ROLES });
  const role = model.roles[0]!;

  test("is read without diagnostics, `_sg_meta` not being an entry", () => {
    expect(diagnostics).toEqual([]);
    expect(model.roles.map((r) => r.name.value)).toEqual(["logs_reader"]);
  });

  test("keeps its cluster exclusions", () => {
    expect(values(role.excludeClusterPermissions)).toEqual(["cluster:admin/snapshot/*"]);
  });

  test("keeps a `-pattern` negation among its index patterns", () => {
    expect(values(role.indexPermissions[0]!.indexPatterns)).toEqual(["logs-*", "-logs-secret"]);
    expect(role.indexPermissions[0]!.dls?.value).toBe('{"term": {"team": "a"}}');
  });

  test("reads alias permissions with their alias patterns", () => {
    expect(values(role.aliasPermissions?.[0]?.indexPatterns)).toEqual(["current-logs"]);
    expect(values(role.aliasPermissions?.[0]?.allowedActions)).toEqual(["SGS_READ"]);
  });

  test("reads data stream permissions with their data stream patterns", () => {
    expect(values(role.dataStreamPermissions?.[0]?.indexPatterns)).toEqual(["metrics-*"]);
    expect(values(role.dataStreamPermissions?.[0]?.allowedActions)).toEqual(["SGS_WRITE"]);
  });

  test("reads tenant permissions as OpenSearch's", () => {
    expect(values(role.tenantPermissions[0]!.tenantPatterns)).toEqual(["team_a"]);
  });

  test("is located at its key", () => {
    expect(at(role.name.span)).toBe("4:1");
  });
});

describe("a Search Guard role mapping", () => {
  const { model, diagnostics } = parseSg({ "sg_roles_mapping.yml": MAPPING });
  const mapping = model.roleMappings[0]!;

  test("is read without diagnostics, with no `_sg_meta` at all", () => {
    expect(diagnostics).toEqual([]);
  });

  test("keeps its IP ranges", () => {
    expect(values(mapping.ips)).toEqual(["192.168.0.0/16"]);
  });

  test("keeps users, backend roles, hosts and and_backend_roles", () => {
    expect([values(mapping.users), values(mapping.backendRoles), values(mapping.hosts), values(mapping.andBackendRoles)]).toEqual([
      ["judy"],
      ["IT"],
      ["10.0.0.7"],
      ["teamA", "lead"],
    ]);
  });
});

describe("a Search Guard internal user", () => {
  const { model, diagnostics } = parseSg({ "sg_internal_users.yml": USERS });
  const user = model.internalUsers[0]!;

  test("is read without diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  test("gets its directly assigned roles from `search_guard_roles`", () => {
    expect(values(user.securityRoles)).toEqual(["logs_reader"]);
    expect(values(user.backendRoles)).toEqual(["IT"]);
  });

  test("keeps a scalar attribute as text and a structured one as JSON", () => {
    expect(user.attributes.map((a) => [a.name.value, a.value.value])).toEqual([
      ["dept", "sales"],
      ["regions", '["eu","us"]'],
    ]);
  });
});

describe("Search Guard action groups and tenants", () => {
  test("an action group with its type is read", () => {
    const { model, diagnostics } = parseSg({ "sg_action_groups.yml": "READ_LOGS:\n  type: index\n  allowed_actions: [SGS_READ]\n" });
    expect(diagnostics).toEqual([]);
    expect(model.actionGroups.map((g) => [g.name.value, g.type, values(g.allowedActions)])).toEqual([["READ_LOGS", "index", ["SGS_READ"]]]);
  });

  test("a tenant is read", () => {
    const { model, diagnostics } = parseSg({ "sg_tenants.yml": "team_a:\n  description: Team A\n" });
    expect(diagnostics).toEqual([]);
    expect(model.tenants.map((t) => t.name.value)).toEqual(["team_a"]);
  });

  test("every top-level key starting with `_sg` is skipped", () => {
    const { model, diagnostics } = parseSg({ "sg_tenants.yml": "_sg_other: 1\nteam_a: {}\n" });
    expect(diagnostics).toEqual([]);
    expect(model.tenants.map((t) => t.name.value)).toEqual(["team_a"]);
  });
});

describe("the Search Guard demo configuration", () => {
  test("is read with no diagnostics", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const directory = new URL("../../../../shared/searchguard-reference/", import.meta.url);
    const files = Object.fromEntries(
      readdirSync(directory)
        .filter((name) => name.startsWith("sg_"))
        .map((name) => [name, readFileSync(new URL(name, directory), "utf8")]),
    );
    const { model, diagnostics } = parseSg(files);
    expect(messages(diagnostics)).toEqual([]);
    expect(model.flavor).toBe("searchguard");
    expect(model.internalUsers.map((u) => u.name.value)).toContain("kibanaro");
  });
});
