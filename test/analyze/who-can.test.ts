import { describe, expect, it } from "vitest";
import { whoCan } from "../../src/analyze/who-can.js";
import type { RoleAnswer, RoleGrant } from "../../src/analyze/who-can-types.js";
import { compile } from "../../src/index.js";
import { loadTable } from "../../src/runtime/index.js";
import { withMeta, type ConfigFiles } from "../helpers/policy.js";
import { tableOf } from "./tables.js";

const files: ConfigFiles = {
  "action_groups.yml": `
app_all:
  allowed_actions: ["app_read", "indices:data/write/*"]
app_read:
  allowed_actions: ["indices:data/read/*"]
`,
  "roles.yml": `
app_admin:
  cluster_permissions: ["cluster_monitor"]
  index_permissions:
    - index_patterns: ["app-*"]
      allowed_actions: ["app_all"]
logs_reader:
  index_permissions:
    - index_patterns: ["logs-*", "metrics"]
      allowed_actions: ["indices:data/read/search"]
      dls: '{"term": {"public": true}}'
own_logs:
  index_permissions:
    - index_patterns: ["logs-\${user.name}-*"]
      allowed_actions: ["indices:data/read/*"]
team_reader:
  index_permissions:
    - index_patterns: ["\${attr.internal.team}"]
      allowed_actions: ["read"]
`,
  "roles_mapping.yml": `
app_admin:
  users: ["alice", "adm-*"]
  hosts: ["10.0.0.*"]
logs_reader:
  backend_roles: ["analysts"]
  and_backend_roles: ["staff", "eu"]
own_logs:
  users: ["*"]
`,
  "internal_users.yml": `
carol:
  hash: "$2b$12$abcdefghijklmnopqrstuujL.bBqUp15kIKiAsRb9udp22aCKRufS"
  backend_roles: ["analysts"]
dave:
  hash: "$2b$12$abcdefghijklmnopqrstuujL.bBqUp15kIKiAsRb9udp22aCKRufS"
  opendistro_security_roles: ["app_admin"]
`,
};

const custom = (roles: readonly RoleAnswer[]) => roles.map((r) => r.role).filter((name) => ["app_admin", "logs_reader", "own_logs", "team_reader"].includes(name));
const roleOf = (roles: readonly RoleAnswer[], name: string) => roles.find((r) => r.role === name)!;
const indexGrant = (grant: RoleGrant) => (grant.kind === "index" ? grant : undefined);

describe("who-can for cluster actions", () => {
  it("names the roles whose cluster permissions grant the action, with the action-group chain", () => {
    const answer = whoCan(tableOf(files), { action: "cluster:monitor/health" });
    expect(answer.kind).toBe("cluster");
    expect(custom(answer.roles)).toEqual(["app_admin"]);
    expect(roleOf(answer.roles, "app_admin").grants).toEqual([
      { kind: "cluster", actions: [{ actionPattern: "cluster:monitor/*", chain: [expect.objectContaining({ name: "cluster_monitor", at: { file: "roles.yml", line: 6, column: 25 } }), expect.objectContaining({ name: "cluster:monitor/*" })] }] },
    ]);
  });

  it("says which mapping patterns and internal users reach each role, with their locations", () => {
    const admin = roleOf(whoCan(tableOf(files), { action: "cluster:monitor/health" }).roles, "app_admin");
    expect(admin.mappedBy.map((rule) => [rule.field, rule.patterns])).toEqual([
      ["users", ["alice"]],
      ["users", ["adm-*"]],
      ["hosts", ["10.0.0.*"]],
    ]);
    expect(admin.mappedBy[0]!.at).toEqual([{ file: "roles_mapping.yml", line: 6, column: 11 }]);
    expect(admin.internalUsers).toEqual([{ user: "dave", at: expect.objectContaining({ file: "internal_users.yml" }), via: [{ kind: "security_roles", at: expect.objectContaining({ file: "internal_users.yml" }) }] }]);
  });
});

describe("who-can's action-group chains", () => {
  it("are the shortest chains, the ones explain shows, not the first found in written order", () => {
    const nested: ConfigFiles = {
      "action_groups.yml": `
outer:
  allowed_actions: ["inner", "indices:data/read/search"]
inner:
  allowed_actions: ["indices:data/read/search"]
`,
      "roles.yml": `
reader:
  index_permissions:
    - index_patterns: ["logs"]
      allowed_actions: ["outer"]
`,
      "roles_mapping.yml": `
reader:
  users: ["judy"]
`,
    };
    const table = tableOf(nested);
    const grant = indexGrant(roleOf(whoCan(table, { action: "indices:data/read/search", index: "logs" }).roles, "reader").grants[0]!)!;
    expect(grant.actions[0]!.chain.map((step) => step.name)).toEqual(["outer", "indices:data/read/search"]);
    const explained = loadTable(table).explain({ user: { name: "judy" }, action: "indices:data/read/search", indices: ["logs"] });
    expect(explained.grants.map((g) => g.chain)).toEqual([grant.actions[0]!.chain]);
  });
});

describe("who-can for index actions", () => {
  it("lists every principal reaching a granting role in one sorted summary", () => {
    const answer = whoCan(tableOf(files), { action: "indices:data/read/search", index: "logs-alice-1" });
    // `own_logs` is mapped to every user name, so both internal users reach it.
    expect(answer.principals).toMatchObject({ users: ["*"], backend_roles: ["analysts"], and_backend_roles: [["staff", "eu"]], internal_users: ["carol", "dave"] });
  });

  it("keeps only the entries whose patterns match the index", () => {
    const answer = whoCan(tableOf(files), { action: "indices:data/read/search", index: "app-orders" });
    expect(custom(answer.roles)).toEqual(["app_admin", "team_reader"]);
    const grant = indexGrant(roleOf(answer.roles, "app_admin").grants[0]!)!;
    expect(grant.patterns).toEqual([{ pattern: "app-*", at: { file: "roles.yml", line: 8, column: 24 }, conditional: false }]);
    expect(grant.actions[0]!.chain.map((step) => step.name)).toEqual(["app_all", "app_read", "indices:data/read/*"]);
  });

  it("marks a role granting only through a `${…}` template as conditional, and leaves out templates that cannot match", () => {
    const own = whoCan(tableOf(files), { action: "indices:data/read/get", index: "logs-alice-1" });
    expect(roleOf(own.roles, "own_logs").conditional).toBe(true);
    const other = whoCan(tableOf(files), { action: "indices:data/read/get", index: "metrics" });
    expect(custom(other.roles)).toEqual(["team_reader"]);
  });

  it("lists every pattern of a granting entry when no index is given, and flags restrictions", () => {
    const answer = whoCan(tableOf(files), { action: "indices:data/read/search" });
    const grant = indexGrant(roleOf(answer.roles, "logs_reader").grants[0]!)!;
    expect(grant.patterns.map((p) => p.pattern)).toEqual(["logs-*", "metrics"]);
    expect(grant.restrictions).toEqual(["dls"]);
    expect(answer.notes.some((note) => note.includes("DLS, FLS and masking"))).toBe(true);
  });

  it("answers for the name the plugin evaluates a renamed action under", () => {
    const answer = whoCan(tableOf(files), { action: "indices:admin/auto_create", index: "app-1" });
    expect(answer.evaluatedAction).toBe("indices:admin/create");
    expect(answer.notes[0]).toContain("evaluates `indices:admin/auto_create` as `indices:admin/create`");
  });

  it("says everyone may perform an action the plugin never checks", () => {
    const answer = whoCan(tableOf(files), { action: "cluster:admin/opendistro_security/whoami" });
    expect(answer).toMatchObject({ kind: "unchecked", roles: [] });
    expect(answer.everyone).toContain("without any privilege check");
  });
});

describe("who-can and system indices", () => {
  const withSettings = (settings: string) => tableOf({ ...files, "opensearch.yml": settings });

  it("says nobody may touch the security index while system index permissions are on", () => {
    const table = withSettings("plugins.security.system_indices.permission.enabled: true\n");
    expect(whoCan(table, { action: "indices:data/read/search", index: ".opendistro_security" }).nobody).toContain("security index");
  });

  it("says nobody may run a protected action on a system index while system index permissions are off", () => {
    const table = withSettings('plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: ["app-config"]\n');
    const answer = whoCan(table, { action: "indices:data/write/index", index: "app-config" });
    expect(answer.nobody).toContain("protected action");
    expect(answer.roles).toEqual([]);
  });

  it("requires `system:admin/system_index` on a system index while system index permissions are on", () => {
    const table = tableOf({
      "roles.yml": `
sys:
  index_permissions:
    - index_patterns: [".sys*"]
      allowed_actions: ["system:admin/system_index", "read"]
`,
      "opensearch.yml": 'plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [".sys-*"]\nplugins.security.system_indices.permission.enabled: true\n',
    });
    const answer = whoCan(table, { action: "indices:data/read/search", index: ".sys-1" });
    expect(answer.alsoRequired).toEqual([{ privilege: expect.stringContaining("`system:admin/system_index` on `.sys-1`"), roles: ["sys"] }]);
    expect(answer.roles.map((r) => r.role)).toContain("all_access");
  });
});

describe("who-can and Dashboards tenants", () => {
  const tenants: ConfigFiles = {
    "roles.yml": `
analyst:
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["kibana_all_write"]
viewer:
  tenant_permissions:
    - tenant_patterns: ["analysts", "global_tenant"]
      allowed_actions: ["kibana_all_read"]
`,
    "tenants.yml": `
analysts:
  description: "the analysts"
`,
  };

  it("answers a request in a tenant with the roles whose tenant permissions give the access it needs", () => {
    const write = whoCan(tableOf(tenants), { action: "indices:data/write/index", tenant: "analysts" });
    expect(write.kind).toBe("tenant");
    expect(write.roles.map((r) => r.role)).toEqual(["all_access", "analyst"]);
    const read = whoCan(tableOf(tenants), { action: "indices:data/read/search", tenant: "analysts" });
    expect(read.roles.map((r) => r.role)).toEqual(["all_access", "analyst", "viewer"]);
  });

  it("names `kibana_user`'s implicit read-write on the global tenant", () => {
    const answer = whoCan(tableOf(tenants), { action: "indices:data/write/index", tenant: "global_tenant" });
    expect(roleOf(answer.roles, "kibana_user").grants).toEqual([{ kind: "kibana_user_global_tenant" }]);
  });

  it("says nobody can be given an undefined tenant, and everyone has the private tenant", () => {
    expect(whoCan(tableOf(tenants), { action: "indices:data/read/search", tenant: "nope" }).nobody).toContain("not defined");
    expect(whoCan(tableOf(tenants), { action: "indices:data/read/search", tenant: "__user__" }).everyone).toContain("private tenant");
  });

  it("requires the global tenant for a request to the Dashboards index without a tenant", () => {
    const answer = whoCan(tableOf(tenants), { action: "indices:data/read/search", index: ".kibana" });
    expect(answer.kind).toBe("index");
    expect(answer.alsoRequired).toEqual([{ privilege: expect.stringContaining("read access to tenant `global_tenant`"), roles: ["all_access", "kibana_user", "viewer"] }]);
  });
});

describe("who-can and role mapping resolution", () => {
  it("counts backend roles named like a role, and ignores mappings, under BACKENDROLES_ONLY", () => {
    const table = tableOf({ ...files, "opensearch.yml": 'plugins.security.roles_mapping_resolution: "BACKENDROLES_ONLY"\n' });
    const admin = roleOf(whoCan(table, { action: "cluster:monitor/health" }).roles, "app_admin");
    expect(admin.mappedBy).toEqual([]);
    expect(admin.backendRoleName).toBe(true);
    expect(whoCan(table, { action: "cluster:monitor/health" }).principals.backend_role_names).toContain("app_admin");
  });
});

describe("who-can for the security REST API", () => {
  it("names the roles of `roles_enabled` and, with admin enabled, the roles granting the permission explicitly", () => {
    const table = tableOf({
      "roles.yml": `
role_admin:
  cluster_permissions: ["restapi:admin/roles"]
`,
      "opensearch.yml": 'plugins.security.restapi.roles_enabled: ["all_access"]\nplugins.security.restapi.admin.enabled: true\n',
    });
    const answer = whoCan(table, { action: "restapi:admin/roles" });
    expect(answer.kind).toBe("rest-api");
    expect(answer.roles.map((r) => [r.role, r.grants])).toEqual([
      ["all_access", [{ kind: "rest-api", via: "roles_enabled" }]],
      ["role_admin", [{ kind: "rest-api", via: "permission", permission: "restapi:admin/roles" }]],
    ]);
  });
});

describe("who-can for Search Guard", () => {
  const sg: ConfigFiles = {
    "sg_roles.yml": `
reader:
  cluster_permissions: ["cluster:monitor/*"]
  index_permissions:
    - index_patterns: ["logs-*", "-logs-secret*"]
      allowed_actions: ["indices:data/read/*"]
no_health:
  exclude_cluster_permissions: ["cluster:monitor/health"]
`,
    "sg_roles_mapping.yml": `
reader:
  users: ["judy"]
`,
  };
  const table = () => {
    const result = compile({ files: Object.entries(sg).map(([path, text]) => ({ path, text })) }, { provenance: true, module: false });
    return result.table!;
  };

  it("applies an entry's negations to the index", () => {
    expect(whoCan(table(), { action: "indices:data/read/search", index: "logs-1" }).roles.map((r) => r.role)).toContain("reader");
    expect(whoCan(table(), { action: "indices:data/read/search", index: "logs-secret-1" }).roles.map((r) => r.role)).not.toContain("reader");
  });

  it("names the roles whose exclusions refuse a cluster action to whoever holds them", () => {
    const answer = whoCan(table(), { action: "cluster:monitor/health" });
    expect(answer.refusedBy).toEqual([{ role: "no_health", actionPattern: "cluster:monitor/health" }]);
  });
});

describe("who-can without provenance", () => {
  it("answers from the table alone, without locations, chains or internal users", () => {
    const result = compile({ files: withMeta(files) }, { module: false });
    const answer = whoCan(result.table!, { action: "cluster:monitor/health" });
    expect(answer.provenance).toBe(false);
    expect(roleOf(answer.roles, "app_admin")).toMatchObject({ grants: [{ kind: "cluster", actions: [{ actionPattern: "cluster:monitor/*", chain: [] }] }], internalUsers: [] });
    expect(answer.notes).toContain("the table carries no provenance: no locations, action-group chains or internal users");
  });
});
