import { describe, expect, it } from "vitest";
import { diffPolicies } from "../../../src/analyze/diff/compute.js";
import type { PolicyDiff } from "../../../src/analyze/diff/model.js";
import { compile } from "../../../src/index.js";
import { withMeta, type ConfigFiles } from "../../helpers/policy.js";
import { tableOf } from "../tables.js";

const groups = `
app_all:
  allowed_actions: ["app_write", "indices:data/read/search"]
app_write:
  allowed_actions: ["app_basic", "indices:data/write/index"]
app_basic:
  allowed_actions: ["indices:data/read/get"]
`;

const roles = `
app_admin:
  index_permissions:
    - index_patterns: ["app-*"]
      allowed_actions: ["app_all"]
app_viewer:
  index_permissions:
    - index_patterns: ["app-*"]
      allowed_actions: ["app_basic"]
monitor:
  cluster_permissions: ["cluster_monitor"]
`;

const mapping = `
app_admin:
  users: ["alice"]
app_viewer:
  backend_roles: ["viewers"]
monitor:
  users: ["ops"]
`;

const base: ConfigFiles = { "action_groups.yml": groups, "roles.yml": roles, "roles_mapping.yml": mapping };

function diff(before: ConfigFiles, after: ConfigFiles): PolicyDiff {
  return diffPolicies(tableOf(before), tableOf(after));
}

const EMPTY: PolicyDiff = { effect: "none", roles: [], principals: [], settings: [], notes: [] };

describe("diff of action groups", () => {
  it("shows an action added to a nested group in every role that uses a group containing it", () => {
    const result = diff(base, { ...base, "action_groups.yml": groups.replace('["indices:data/read/get"]', '["indices:data/read/get", "indices:data/read/explain"]') });
    expect(result.effect).toBe("broadening");
    expect(result.roles.map((r) => [r.role, r.index])).toEqual([
      ["app_admin", [{ pattern: "app-*", effect: "broadening", actions: { gained: ["indices:data/read/explain"], lost: [] }, restrictions: [] }]],
      ["app_viewer", [{ pattern: "app-*", effect: "broadening", actions: { gained: ["indices:data/read/explain"], lost: [] }, restrictions: [] }]],
    ]);
  });

  it("is empty when an action group is renamed and used identically", () => {
    const rename = (text: string) => text.replace(/\bapp_write\b/g, "app_writes");
    expect(diff(base, { ...base, "action_groups.yml": rename(groups), "roles.yml": rename(roles) })).toEqual(EMPTY);
  });

  it("is empty when a role's actions are written as the group's actions instead of the group", () => {
    const written = roles.replace('allowed_actions: ["app_basic"]', 'allowed_actions: ["indices:data/read/get"]');
    expect(diff(base, { ...base, "roles.yml": written })).toEqual(EMPTY);
  });
});

describe("diff of roles", () => {
  it("is empty when the files are reordered and a pattern moves between entries of the same role", () => {
    const before = { "roles.yml": `
r:
  cluster_permissions: ["cluster:monitor/health", "cluster:monitor/state"]
  index_permissions:
    - index_patterns: ["a", "b"]
      allowed_actions: ["read"]
    - index_patterns: ["c"]
      allowed_actions: ["write"]
s:
  cluster_permissions: ["cluster_monitor"]
`, "roles_mapping.yml": "r:\n  users: [\"x\", \"y\"]\n" };
    const after = { "roles.yml": `
s:
  cluster_permissions: ["cluster_monitor"]
r:
  index_permissions:
    - index_patterns: ["c"]
      allowed_actions: ["write"]
    - index_patterns: ["b"]
      allowed_actions: ["read"]
    - index_patterns: ["a"]
      allowed_actions: ["read"]
  cluster_permissions: ["cluster:monitor/state", "cluster:monitor/health"]
`, "roles_mapping.yml": "r:\n  users: [\"y\", \"x\"]\n" };
    expect(diff(before, after)).toEqual(EMPTY);
  });

  it("reports cluster actions gained and lost, leaving out what a broader pattern still covers", () => {
    const before = { "roles.yml": 'r:\n  cluster_permissions: ["cluster:monitor/health", "cluster:admin/script/get"]\n' };
    const after = { "roles.yml": 'r:\n  cluster_permissions: ["cluster:monitor/*"]\n' };
    expect(diff(before, after).roles[0]).toMatchObject({ role: "r", change: "changed", effect: "both", cluster: { gained: ["cluster:monitor/*"], lost: ["cluster:admin/script/get"] } });
  });

  it("gives no change for a narrower index pattern added next to a broader one with the same actions", () => {
    const before = { "roles.yml": 'r:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n' };
    const after = { "roles.yml": 'r:\n  index_permissions:\n    - index_patterns: ["logs-*", "logs-2026"]\n      allowed_actions: ["read"]\n' };
    expect(diff(before, after)).toEqual(EMPTY);
  });

  it("calls an added role that grants something broadening and one that grants nothing no change", () => {
    const added = diff(base, { ...base, "roles.yml": `${roles}\nextra:\n  cluster_permissions: ["cluster:monitor/health"]\nempty: {}\n` });
    expect(added.roles.map((r) => [r.role, r.change, r.effect])).toEqual([
      ["empty", "added", "none"],
      ["extra", "added", "broadening"],
    ]);
  });

  it("calls a removed role narrowing, and the principals mapped to it keep its name but lose its access", () => {
    const result = diff(base, { ...base, "roles.yml": roles.replace(/monitor:\n {2}cluster_permissions: \["cluster_monitor"\]\n/, "") });
    expect(result.roles.map((r) => [r.role, r.change, r.effect])).toEqual([["monitor", "removed", "narrowing"]]);
    expect(result.principals).toEqual([{ kind: "users", name: "ops", effect: "narrowing", gainedRoles: [], lostRoles: [], changedRoles: ["monitor"], undefinedRoles: [] }]);
  });
});

describe("diff of mappings", () => {
  it("reports a user who gains a role as broadening", () => {
    const result = diff(base, { ...base, "roles_mapping.yml": mapping.replace('users: ["alice"]', 'users: ["alice", "bob"]') });
    expect(result.roles).toEqual([]);
    expect(result.principals).toEqual([{ kind: "users", name: "bob", effect: "broadening", gainedRoles: ["app_admin"], lostRoles: [], changedRoles: [], undefinedRoles: [] }]);
  });

  it("reports an internal user who gains a role through a backend role that is newly mapped", () => {
    const users = 'carol:\n  hash: "$2b$12$abcdefghijklmnopqrstuujL.bBqUp15kIKiAsRb9udp22aCKRufS"\n  backend_roles: ["ops-team"]\n';
    const result = diff({ ...base, "internal_users.yml": users }, { ...base, "internal_users.yml": users, "roles_mapping.yml": `${mapping}  backend_roles: ["ops-team"]\n` });
    expect(result.principals.map((p) => [p.kind, p.name, p.gainedRoles])).toEqual([
      ["internal_user", "carol", ["monitor"]],
      ["backend_roles", "ops-team", ["monitor"]],
    ]);
  });

  it("calls a mapping to an undefined role no access change", () => {
    const result = diff(base, { ...base, "roles_mapping.yml": `${mapping}ghost:\n  users: ["bob"]\n` });
    expect(result).toMatchObject({ effect: "none", principals: [{ name: "bob", effect: "none", gainedRoles: ["ghost"], undefinedRoles: ["ghost"] }] });
  });
});

describe("diff of tenants", () => {
  const tenantRoles = (actions: string) => `t:\n  tenant_permissions:\n    - tenant_patterns: ["analysts"]\n      allowed_actions: ["${actions}"]\n`;
  const tenants = 'analysts:\n  description: "the analysts"\n';

  it("reports read becoming read-write as broadening and the reverse as narrowing", () => {
    const read = { "roles.yml": tenantRoles("kibana_all_read"), "tenants.yml": tenants };
    const write = { "roles.yml": tenantRoles("kibana_all_write"), "tenants.yml": tenants };
    expect(diff(read, write).roles[0]!.tenants).toEqual([{ pattern: "analysts", effect: "broadening", before: "read", after: "read-write" }]);
    expect(diff(write, read).roles[0]!.tenants).toEqual([{ pattern: "analysts", effect: "narrowing", before: "read-write", after: "read" }]);
  });

  it("reports a newly defined tenant as a broadening setting change", () => {
    const result = diff({ "tenants.yml": tenants }, { "tenants.yml": `${tenants}finance:\n  description: "finance"\n` });
    expect(result.settings).toEqual([{ setting: "tenants", before: ["analysts", "global_tenant"], after: ["analysts", "finance", "global_tenant"], effect: "broadening" }]);
  });
});

describe("diff of DLS, FLS and masking", () => {
  const hr = (rules: string) => ({ "roles.yml": `hr:\n  index_permissions:\n    - index_patterns: ["hr"]\n      allowed_actions: ["read"]\n${rules}` });
  const restrictionsOf = (before: string, after: string) => diff(hr(before), hr(after)).roles[0]!.index[0]!.restrictions;

  it("calls DLS added narrowing, removed broadening, changed both", () => {
    const dls = (query: string) => `      dls: '${query}'\n`;
    expect(restrictionsOf("", dls('{"term": {"a": 1}}'))).toEqual([{ kind: "dls", change: "added", effect: "narrowing", before: [], after: ['{"term":{"a":1}}'] }]);
    expect(restrictionsOf(dls('{"term": {"a": 1}}'), "")[0]).toMatchObject({ change: "removed", effect: "broadening" });
    expect(restrictionsOf(dls('{"term": {"a": 1}}'), dls('{"term": {"a": 2}}'))[0]).toMatchObject({ change: "changed", effect: "both" });
  });

  it("calls more excluded fields narrowing and more included fields broadening", () => {
    const fls = (...fields: string[]) => `      fls: [${fields.map((f) => `"${f}"`).join(", ")}]\n`;
    expect(restrictionsOf(fls("~salary"), fls("~salary", "~bonus"))[0]).toMatchObject({ kind: "fls", effect: "narrowing" });
    expect(restrictionsOf(fls("name"), fls("name", "email"))[0]).toMatchObject({ kind: "fls", effect: "broadening" });
  });

  it("calls a removed mask broadening", () => {
    expect(restrictionsOf('      masked_fields: ["ssn"]\n', "")).toEqual([{ kind: "masked_fields", change: "removed", effect: "broadening", before: ['["ssn"]'], after: [] }]);
  });
});

describe("diff of tables without provenance", () => {
  it("says internal users are not compared", () => {
    const lean = compile({ files: withMeta(base) }, { module: false }).table!;
    expect(diffPolicies(lean, tableOf(base)).notes).toEqual(["the old version is a table without provenance: internal users are not compared"]);
    expect(diffPolicies(lean, lean).notes).toEqual(["the old and the new version are tables without provenance: internal users are not compared"]);
  });
});

describe("diff of settings", () => {
  const settings = (text: string) => ({ ...base, "opensearch.yml": text });

  it("calls letting backend role names count as roles broadening", () => {
    const result = diff(base, settings('plugins.security.roles_mapping_resolution: "BOTH"\n'));
    expect(result.settings).toEqual([{ setting: "plugins.security.roles_mapping_resolution", before: "MAPPING_ONLY", after: "BOTH", effect: "broadening" }]);
  });

  it("calls protecting more system indices narrowing", () => {
    const result = diff(base, settings('plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [".app"]\n'));
    expect(result.settings.map((s) => [s.setting, s.effect])).toEqual([
      ["plugins.security.system_indices.enabled", "narrowing"],
      ["plugins.security.system_indices.indices", "narrowing"],
    ]);
  });

  it("shows every mapped principal losing its roles when mappings stop counting", () => {
    const result = diff(base, settings('plugins.security.roles_mapping_resolution: "BACKENDROLES_ONLY"\n'));
    expect(result.principals.map((p) => [p.name, p.lostRoles])).toEqual([
      ["alice", ["app_admin"]],
      ["ops", ["monitor"]],
      ["viewers", ["app_viewer"]],
    ]);
    expect(result.effect).toBe("both");
  });
});
