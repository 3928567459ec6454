/**
 * Search Guard FLX decisions of the runtime, one rule of
 * ../shared/searchguard-reference/README.md at a time.
 */
import { describe, expect, it } from "vitest";
import { sgDecide, sgPolicyOf } from "./sg-policy.js";

const mapping = (role: string, users: string[]) => `${role}:\n  users: [${users.map((u) => JSON.stringify(u)).join(", ")}]\n`;

describe("the cluster/index split (rule 6)", () => {
  const policy = sgPolicyOf({
    "sg_roles.yml": `
cluster_reader:
  cluster_permissions: ["indices:data/read/mget"]
index_reader:
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["indices:data/read/*", "indices:monitor/*"]
`,
    "sg_roles_mapping.yml": mapping("cluster_reader", ["cara"]) + mapping("index_reader", ["ian"]),
  });

  it("checks a registered cluster action against cluster permissions only", () => {
    expect(sgDecide(policy, "cara", "indices:data/read/mget").decision).toBe("allow");
    expect(sgDecide(policy, "ian", "indices:data/read/mget", { indices: ["logs-1"] }).decision).toBe("deny");
  });

  it("checks indices:monitor/recovery as a cluster action", () => {
    expect(sgDecide(policy, "ian", "indices:monitor/recovery", { indices: ["logs-1"] }).decision).toBe("deny");
  });

  it("checks an unregistered indices: name against index permissions", () => {
    expect(sgDecide(policy, "ian", "indices:data/read/mget/shard", { indices: ["logs-1"] }).decision).toBe("allow");
  });
});

describe("exclude_cluster_permissions (rule 7)", () => {
  const policy = sgPolicyOf({
    "sg_roles.yml": `
everything:
  cluster_permissions: ["*"]
  exclude_cluster_permissions: ["SGS_MANAGE_SNAPSHOTS"]
  index_permissions:
    - index_patterns: ["*"]
      allowed_actions: ["*"]
monitor:
  cluster_permissions: ["SGS_CLUSTER_MONITOR"]
no_health:
  exclude_cluster_permissions: ["cluster:monitor/health", "indices:data/read/search"]
`,
    "sg_roles_mapping.yml": mapping("everything", ["eve"]) + mapping("monitor", ["mo"]) + mapping("no_health", ["mo"]),
  });

  it("removes the excluded actions from the role's own grants", () => {
    expect(sgDecide(policy, "eve", "cluster:admin/snapshot/create").decision).toBe("deny");
    expect(sgDecide(policy, "eve", "cluster:admin/reroute").decision).toBe("allow");
  });

  it("denies an action another role grants", () => {
    expect(sgDecide(policy, "mo", "cluster:monitor/health").decision).toBe("deny");
    expect(sgDecide(policy, "mo", "cluster:monitor/state").decision).toBe("allow");
  });

  it("leaves index actions alone", () => {
    expect(sgDecide(policy, "eve", "indices:admin/create", { indices: ["logs-1"] }).decision).toBe("allow");
  });
});

describe("index negation (rule 4)", () => {
  const policy = sgPolicyOf({
    "sg_roles.yml": `
negated:
  index_permissions:
    - index_patterns: ["logs-*", "-logs-secret"]
      allowed_actions: ["SGS_READ"]
secret:
  index_permissions:
    - index_patterns: ["logs-secret"]
      allowed_actions: ["SGS_READ"]
leading:
  index_permissions:
    - index_patterns: ["-logs-secret", "logs-*"]
      allowed_actions: ["SGS_READ"]
templated:
  index_permissions:
    - index_patterns: ["logs-\${user.attrs.team}", "-logs-secret"]
      allowed_actions: ["SGS_READ"]
`,
    "sg_roles_mapping.yml": mapping("negated", ["nick", "nora"]) + mapping("secret", ["nora"]) + mapping("leading", ["lea"]) + mapping("templated", ["tia"]),
  });
  const search = "indices:data/read/search";

  it("removes the negated names from the entry's patterns", () => {
    expect(sgDecide(policy, "nick", search, { indices: ["logs-1"] }).decision).toBe("allow");
    expect(sgDecide(policy, "nick", search, { indices: ["logs-secret"] }).decision).toBe("deny");
  });

  it("is local to its role: another role's grant wins", () => {
    expect(sgDecide(policy, "nora", search, { indices: ["logs-secret", "logs-1"] }).decision).toBe("allow");
  });

  it("restricts nothing when written before the first pattern without variables", () => {
    expect(sgDecide(policy, "lea", search, { indices: ["logs-secret"] }).decision).toBe("allow");
  });

  it("restricts a pattern with variables written before it", () => {
    expect(sgDecide(policy, { name: "tia", attributes: { team: "secret" } }, search, { indices: ["logs-secret"] }).decision).toBe("deny");
    expect(sgDecide(policy, { name: "tia", attributes: { team: "a" } }, search, { indices: ["logs-a"] }).decision).toBe("allow");
  });
});

describe("attribute templates (rule 9)", () => {
  const policy = sgPolicyOf({
    "sg_roles.yml": `
by_dept:
  index_permissions:
    - index_patterns: ["/dept_\${user.attrs.depts|toRegexFragment}/"]
      allowed_actions: ["SGS_READ"]
with_fallback:
  index_permissions:
    - index_patterns: ["team_\${user.attrs.team?:\\"none\\"}"]
      allowed_actions: ["SGS_READ"]
own:
  index_permissions:
    - index_patterns: ["\${user_name}", "home_\${user.name}"]
      allowed_actions: ["SGS_READ"]
`,
    "sg_roles_mapping.yml": mapping("by_dept", ["*"]) + mapping("with_fallback", ["*"]) + mapping("own", ["*"]),
  });
  const search = "indices:data/read/search";

  it("renders a list attribute with toRegexFragment as an alternation", () => {
    const user = { name: "u", attributes: { depts: ["a.b", "c"] } };
    expect(sgDecide(policy, user, search, { indices: ["dept_a.b"] }).decision).toBe("allow");
    expect(sgDecide(policy, user, search, { indices: ["dept_c"] }).decision).toBe("allow");
    expect(sgDecide(policy, user, search, { indices: ["dept_aXb"] }).decision).toBe("deny");
  });

  it("grants nothing through a pattern whose attribute is missing", () => {
    expect(sgDecide(policy, "u", search, { indices: ["dept_"] }).decision).toBe("deny");
  });

  it("uses the ?: fallback when the attribute is missing", () => {
    expect(sgDecide(policy, "u", search, { indices: ["team_none"] }).decision).toBe("allow");
    expect(sgDecide(policy, { name: "u", attributes: { team: "x" } }, search, { indices: ["team_x"] }).decision).toBe("allow");
  });

  it("substitutes both spellings of the user name", () => {
    expect(sgDecide(policy, "ann", search, { indices: ["ann", "home_ann"] }).decision).toBe("allow");
  });
});

describe("role mapping (rule 5)", () => {
  const roles = `
r_ips:
  index_permissions:
    - index_patterns: ["ips"]
      allowed_actions: ["SGS_READ"]
finance:
  index_permissions:
    - index_patterns: ["fin"]
      allowed_actions: ["SGS_READ"]
`;
  const mappings = `r_ips:\n  ips: ["192.168.0.0/16", "2001:db8::/32"]\nfinance:\n  users: ["fred"]\n`;
  const search = "indices:data/read/search";

  it("maps a caller inside an ips range, IPv4 or IPv6", () => {
    const policy = sgPolicyOf({ "sg_roles.yml": roles, "sg_roles_mapping.yml": mappings });
    expect(sgDecide(policy, { name: "i", host: "192.168.3.4" }, search, { indices: ["ips"] }).decision).toBe("allow");
    expect(sgDecide(policy, { name: "i", host: "2001:db8:1::5" }, search, { indices: ["ips"] }).decision).toBe("allow");
    expect(sgDecide(policy, { name: "i", host: "172.16.0.1" }, search, { indices: ["ips"] }).decision).toBe("deny");
  });

  it("with BACKENDROLES_ONLY uses backend role names as roles and no mapping", () => {
    const policy = sgPolicyOf({ "sg_roles.yml": roles, "sg_roles_mapping.yml": mappings, "sg_authz.yml": "role_mapping.resolution_mode: BACKENDROLES_ONLY\n" });
    expect(sgDecide(policy, { name: "x", backend_roles: ["finance"] }, search, { indices: ["fin"] }).decision).toBe("allow");
    expect(sgDecide(policy, "fred", search, { indices: ["fin"] }).decision).toBe("deny");
  });

  it("always counts the roles the authenticator assigned", () => {
    const policy = sgPolicyOf({ "sg_roles.yml": roles, "sg_roles_mapping.yml": mappings });
    expect(sgDecide(policy, { name: "d", roles: ["finance"] }, search, { indices: ["fin"] }).roles).toEqual(["finance"]);
  });
});

describe("admin-only and open actions (rule 11)", () => {
  const policy = sgPolicyOf({ "sg_roles.yml": "", "sg_roles_mapping.yml": mapping("SGS_ALL_ACCESS", ["root"]) });

  it("denies admin-only indices and actions to SGS_ALL_ACCESS", () => {
    expect(sgDecide(policy, "root", "indices:data/read/search", { indices: [".searchguard"] }).decision).toBe("deny");
    expect(sgDecide(policy, "root", "cluster:admin:searchguard:config/update").decision).toBe("deny");
    expect(sgDecide(policy, "root", "indices:data/read/search", { indices: ["logs"] }).decision).toBe("allow");
  });

  it("allows an open action to a user without roles", () => {
    expect(sgDecide(policy, "nobody", "cluster:admin/searchguard/whoami").decision).toBe("allow");
  });
});

describe("additional privileges (rule 6)", () => {
  const policy = sgPolicyOf({
    "sg_roles.yml": `
shards:
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["indices:admin/shards/search_shards"]
`,
    "sg_roles_mapping.yml": mapping("shards", ["s"]),
  });

  it("needs search on the same index for search_shards, and names it missing", () => {
    const decision = sgDecide(policy, "s", "indices:admin/shards/search_shards", { indices: ["logs-1"] });
    expect(decision).toMatchObject({ decision: "deny", missing: ["logs-1: indices:data/read/search"] });
  });
});

describe("tenants (rule 10)", () => {
  const roles = `
t_rw:
  tenant_permissions:
    - tenant_patterns: ["analysts", "own_\${user.name}"]
      allowed_actions: ["SGS_KIBANA_ALL_WRITE"]
`;
  const write = "kibana:saved_objects/_/write";

  it("refuses every tenant but SGS_GLOBAL_TENANT while multi-tenancy is off, whatever the roles", () => {
    const policy = sgPolicyOf({ "sg_roles.yml": roles, "sg_roles_mapping.yml": mapping("SGS_ALL_ACCESS", ["root"]), "sg_tenants.yml": "analysts: {}\n" });
    expect(sgDecide(policy, "root", write, { tenant: "analysts" }).decision).toBe("deny");
    expect(sgDecide(policy, "root", write).decision).toBe("allow");
  });

  it("grants a defined tenant by a constant pattern and an undefined one by no pattern", () => {
    const policy = sgPolicyOf({
      "sg_roles.yml": roles,
      "sg_roles_mapping.yml": mapping("t_rw", ["rw"]),
      "sg_tenants.yml": "analysts: {}\nown_rw: {}\n",
      "sg_frontend_multi_tenancy.yml": "enabled: true\n",
    });
    expect(sgDecide(policy, "rw", write, { tenant: "analysts" }).decision).toBe("allow");
    expect(sgDecide(policy, "rw", write, { tenant: "own_rw" }).decision).toBe("allow");
    expect(sgDecide(policy, "rw", "kibana:saved_objects/_/read", { tenant: "analysts" }).decision).toBe("deny");
    expect(sgDecide(policy, "rw", write, { tenant: "ghost" }).decision).toBe("deny");
  });

  it("refuses SGS_GLOBAL_TENANT when the global tenant is disabled, to a templated pattern too", () => {
    const policy = sgPolicyOf({
      "sg_roles.yml": `g:\n  tenant_permissions:\n    - tenant_patterns: ["\${user.attrs.t}"]\n      allowed_actions: ["SGS_KIBANA_ALL_WRITE"]\n`,
      "sg_roles_mapping.yml": mapping("g", ["g"]),
      "sg_frontend_multi_tenancy.yml": "enabled: true\nglobal_tenant_enabled: false\n",
    });
    expect(sgDecide(policy, { name: "g", attributes: { t: "SGS_GLOBAL_TENANT" } }, write).decision).toBe("deny");
  });
});

describe("decisions", () => {
  const policy = sgPolicyOf({
    "sg_roles.yml": `
r:
  cluster_permissions: ["SGS_CLUSTER_COMPOSITE_OPS_RO"]
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["SGS_READ"]
      dls: '{"term": {"public": true}}'
      fls: ["a"]
`,
    "sg_roles_mapping.yml": mapping("r", ["u"]),
  });

  it("deny with Insufficient permissions and the missing privileges as index: action", () => {
    expect(sgDecide(policy, "u", "indices:data/write/index", { indices: ["logs-1", "other"] })).toEqual({
      decision: "deny",
      roles: ["r"],
      reason: "Insufficient permissions",
      missing: ["logs-1: indices:data/write/index", "other: indices:data/write/index"],
    });
  });

  it("name a cluster action missing by its name", () => {
    expect(sgDecide(policy, "u", "cluster:monitor/health")).toMatchObject({ decision: "deny", missing: ["cluster:monitor/health"] });
  });

  it("carry no restrictions: DLS and FLS are OpenSearch-only in policyc", () => {
    expect(sgDecide(policy, "u", "indices:data/read/search", { indices: ["logs-1"] })).toEqual({ decision: "allow", roles: ["r"], missing: [] });
  });

  it("share one frozen allow object per role set", () => {
    const first = sgDecide(policy, "u", "indices:data/read/search", { indices: ["logs-1"] });
    const second = sgDecide(policy, "u", "indices:data/read/scroll");
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("accept structured attribute values", () => {
    expect(sgDecide(policy, { name: "u", attributes: { depts: ["a", "b"], n: 3, o: { x: null } } }, "indices:data/read/scroll").decision).toBe("allow");
  });

  it("refuse a malformed user with the reason", () => {
    expect(policy.authorize({ user: { name: 3 }, action: "x" })).toMatchObject({ decision: "deny", error: "`user.name` must be a string" });
  });
});

describe("the table", () => {
  it("carries the flavor, Search Guard's settings and each role's exclusions", () => {
    const policy = sgPolicyOf({ "sg_roles.yml": `x:\n  exclude_cluster_permissions: ["cluster:monitor/health"]\n`, "sg_roles_mapping.yml": "" });
    const table = policy.table;
    expect(table).toMatchObject({ version: 3, flavor: "searchguard", settings: { searchguard: { multitenancyEnabled: false, globalTenantEnabled: true } } });
    const role = table.roles.find((r) => r.name === "x")!;
    expect(role.excludeCluster!.map((id) => table.actionPatterns[id])).toEqual(["cluster:monitor/health"]);
    expect(table.tenants).toContain("SGS_GLOBAL_TENANT");
  });
});
