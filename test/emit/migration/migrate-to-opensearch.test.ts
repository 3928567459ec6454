/**
 * The migration of a Search Guard policy model to an OpenSearch one: what is
 * carried over so that OpenSearch decides the same, and what is reported
 * because OpenSearch cannot express it.
 */
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import { migrateToOpenSearch } from "../../../src/emit/opensearch-migration/index.js";
import type { PolicyModel } from "../../../src/model/types.js";
import { readBuiltinPolicy } from "../../../src/parse/yaml/builtin-policy.js";
import { group, indexPermission, mapping, openSearchPolicyOf, role, sgBuiltins, sgPolicy, tenantPermission, valuesOf } from "./sg-model.js";

function migrate(model: PolicyModel) {
  const sink = new DiagnosticSink();
  const migrated = migrateToOpenSearch(model, { searchguard: sgBuiltins(), opensearch: readBuiltinPolicy() }, sink);
  return { migrated, diagnostics: sink.diagnostics, codes: sink.diagnostics.map((d) => d.code) };
}

const roleNamed = (model: PolicyModel, name: string) => model.roles.find((r) => r.name.value === name)!;
const decide = (model: PolicyModel, user: string, action: string, indices?: string[]) =>
  openSearchPolicyOf(model).authorize({ user: { name: user }, action, ...(indices ? { indices } : {}) }).decision;

describe("migrating action groups", () => {
  it("replaces a built-in group by the OpenSearch built-in that resolves to the same actions", () => {
    const { migrated } = migrate(sgPolicy({ roles: [role("monitor", { cluster: ["SGS_CLUSTER_MONITOR"] })] }));
    expect(valuesOf(roleNamed(migrated, "monitor").clusterPermissions)).toEqual(["cluster_monitor"]);
  });

  it("writes a built-in group without an OpenSearch twin as a custom group of the same name", () => {
    const { migrated } = migrate(sgPolicy({ roles: [role("reader", { index: [indexPermission(["logs"], ["SGS_READ"])] })] }));
    expect(valuesOf(roleNamed(migrated, "reader").indexPermissions[0]!.allowedActions)).toEqual(["SGS_READ"]);
    expect(migrated.actionGroups.map((g) => [g.name.value, valuesOf(g.allowedActions)])).toEqual([
      ["SGS_READ", ["indices:data/read*", "indices:admin/mappings/fields/get*", "indices:admin/resolve/index", "indices:admin/analyze"]],
    ]);
  });

  it("brings along the built-in groups a carried built-in group names", () => {
    const { migrated } = migrate(sgPolicy({ roles: [role("editor", { index: [indexPermission(["logs"], ["SGS_CRUD"])] })] }));
    expect(migrated.actionGroups.map((g) => g.name.value).sort()).toEqual(["SGS_CRUD", "SGS_READ", "SGS_WRITE"]);
  });

  it("carries custom groups with their members renamed", () => {
    const { migrated } = migrate(sgPolicy({ groups: [group("ops", ["SGS_CLUSTER_MONITOR", "cluster:admin/x"])] }));
    expect(migrated.actionGroups.map((g) => [g.name.value, valuesOf(g.allowedActions)])).toEqual([["ops", ["cluster_monitor", "cluster:admin/x"]]]);
  });

  it("keeps the granted access: a carried group still grants `indices:admin/analyze` in OpenSearch", () => {
    const model = sgPolicy({ roles: [role("reader", { index: [indexPermission(["logs"], ["SGS_READ"])] })], mappings: [mapping("reader", { users: ["ann"] })] });
    expect(decide(migrate(model).migrated, "ann", "indices:admin/analyze", ["logs"])).toBe("allow");
  });
});

describe("migrating index negation", () => {
  const negated = sgPolicy({
    roles: [role("logs", { index: [indexPermission(["logs-*", "-logs-secret*"], ["indices:data/read/search"])] })],
    mappings: [mapping("logs", { users: ["ann"] })],
  });

  it("writes constant patterns and their negations as one regex with a lookahead", () => {
    const { migrated, diagnostics } = migrate(negated);
    expect(valuesOf(roleNamed(migrated, "logs").indexPermissions[0]!.indexPatterns)).toEqual(["/(?!(?:logs-secret.*)$)(?:logs-.*)/"]);
    expect(diagnostics).toEqual([]);
  });

  it("still grants what the patterns grant and denies what the negation excludes, in OpenSearch", () => {
    const { migrated } = migrate(negated);
    expect(decide(migrated, "ann", "indices:data/read/search", ["logs-app"])).toBe("allow");
    expect(decide(migrated, "ann", "indices:data/read/search", ["logs-secret-1"])).toBe("deny");
  });

  it("ignores negations listed before the first constant pattern, as Search Guard does", () => {
    const { migrated } = migrate(sgPolicy({ roles: [role("r", { index: [indexPermission(["-logs-b", "logs-*"], ["indices:data/read/search"])] })] }));
    expect(valuesOf(roleNamed(migrated, "r").indexPermissions[0]!.indexPatterns)).toEqual(["logs-*"]);
  });

  it("escapes regex metacharacters of glob patterns", () => {
    const { migrated } = migrate(sgPolicy({ roles: [role("r", { index: [indexPermission([".kibana?", "-.kibana_1"], ["indices:data/read/search"])] })] }));
    expect(valuesOf(roleNamed(migrated, "r").indexPermissions[0]!.indexPatterns)).toEqual(["/(?!(?:\\.kibana_1)$)(?:\\.kibana.)/"]);
  });

  it("reports a negation of a templated pattern, which is dropped, with the actions that widen", () => {
    const model = sgPolicy({ roles: [role("own", { index: [indexPermission(["${user.name}-*", "-${user.name}-private"], ["indices:data/read/search"]), indexPermission(["u-${user_name}*", "-u-x*"], ["indices:data/read/get"])] })] });
    const { migrated, diagnostics } = migrate(model);
    expect(valuesOf(roleNamed(migrated, "own").indexPermissions[1]!.indexPatterns)).toEqual(["u-${user.name}*"]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "PC7002",
        "`-u-x*` cannot restrict the templated pattern `u-${user_name}*` of role `own` in OpenSearch and is dropped: indices matching `u-${user_name}*` and `u-x*` gain `indices:data/read/get`",
      ],
    ]);
  });
});

describe("migrating cluster exclusions", () => {
  it("drops `exclude_cluster_permissions` and reports the actions its users gain", () => {
    const model = sgPolicy({ roles: [role("no-health", { cluster: ["SGS_CLUSTER_MONITOR"], exclude: ["cluster:monitor/health"] })] });
    const { migrated, diagnostics } = migrate(model);
    expect(roleNamed(migrated, "no-health").excludeClusterPermissions).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "PC7001",
        "`exclude_cluster_permissions` `cluster:monitor/health` of role `no-health` has no OpenSearch equivalent and is dropped: users holding `no-health` gain `cluster:monitor/health` where one of their roles grants it",
      ],
    ]);
  });
});

describe("migrating role mappings", () => {
  it("writes an `ips` address or an octet-aligned IPv4 range as a `hosts` pattern", () => {
    const { migrated, diagnostics } = migrate(sgPolicy({ mappings: [mapping("r", { hosts: ["h1"], ips: ["10.0.0.0/8", "192.168.1.7", "172.16.4.0/24"] })] }));
    expect(valuesOf(migrated.roleMappings[0]!.hosts)).toEqual(["h1", "10.*", "192.168.1.7", "172.16.4.*"]);
    expect(migrated.roleMappings[0]!.ips).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it("reports an `ips` range that `hosts` cannot express and drops it", () => {
    const { migrated, codes } = migrate(sgPolicy({ mappings: [mapping("r", { ips: ["10.0.0.0/12"] })] }));
    expect(valuesOf(migrated.roleMappings[0]!.hosts)).toEqual([]);
    expect(codes).toEqual(["PC7003"]);
  });

  it("matches the caller's address in OpenSearch as the range did", () => {
    const model = sgPolicy({ roles: [role("net", { cluster: ["cluster:monitor/health"] })], mappings: [mapping("net", { ips: ["10.1.0.0/16"] })] });
    const policy = openSearchPolicyOf(migrate(model).migrated);
    expect(policy.authorize({ user: { name: "x", host: "10.1.2.3" }, action: "cluster:monitor/health" }).decision).toBe("allow");
    expect(policy.authorize({ user: { name: "x", host: "10.2.0.1" }, action: "cluster:monitor/health" }).decision).toBe("deny");
  });
});

describe("migrating attribute templates", () => {
  const withPattern = (pattern: string) => migrate(sgPolicy({ roles: [role("r", { index: [indexPermission([pattern], ["indices:data/read/search"])] })] }));
  const patternOf = (model: PolicyModel) => roleNamed(model, "r").indexPermissions[0]!.indexPatterns[0]!.value;

  it("rewrites `${user.attrs.x}` as OpenSearch's internal-user attribute `${attr.internal.x}`", () => {
    expect(patternOf(withPattern("dept-${user.attrs.dept}").migrated)).toBe("dept-${attr.internal.dept}");
  });

  it("rewrites `${user_name}` as `${user.name}`", () => {
    expect(patternOf(withPattern("home-${user_name}").migrated)).toBe("home-${user.name}");
  });

  it("rewrites a `?:` string fallback as `:-`", () => {
    expect(patternOf(withPattern('d-${user.attrs.dept?:"none"}').migrated)).toBe("d-${attr.internal.dept:-none}");
  });

  it("reports a pipe operator, which is dropped", () => {
    const { migrated, diagnostics } = withPattern("/${user.attrs.dept|toRegexFragment}-.*/");
    expect(patternOf(migrated)).toBe("/${attr.internal.dept}-.*/");
    expect(diagnostics.map((d) => d.code)).toEqual(["PC7005"]);
  });

  it("keeps an old-syntax variable literal, as Search Guard no longer substitutes it", () => {
    expect(patternOf(withPattern("x-${attr.ldap.dept}").migrated)).toBe("x-$${attr.ldap.dept}");
  });

  it("rewrites templates in DLS queries too", () => {
    const { migrated } = migrate(sgPolicy({ roles: [role("r", { index: [indexPermission(["a"], ["indices:data/read/search"], '{"term":{"dept":"${user.attrs.dept}"}}')] })] }));
    expect(roleNamed(migrated, "r").indexPermissions[0]!.dls?.value).toBe('{"term":{"dept":"${attr.internal.dept}"}}');
  });
});

describe("migrating alias and data stream permissions", () => {
  it("writes them as index permissions and reports that indices of those names gain the actions", () => {
    const model = sgPolicy({ roles: [role("r", { alias: [indexPermission(["sales"], ["indices:data/read/search"])], dataStream: [indexPermission(["logs-ds"], ["indices:data/read/get"])] })] });
    const { migrated, diagnostics } = migrate(model);
    expect(roleNamed(migrated, "r").indexPermissions.map((p) => valuesOf(p.indexPatterns))).toEqual([["sales"], ["logs-ds"]]);
    expect(roleNamed(migrated, "r").aliasPermissions).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([
      "the alias permission of role `r` on `sales` is written as an index permission: besides aliases, indices named like `sales` gain `indices:data/read/search`",
      "the data stream permission of role `r` on `logs-ds` is written as an index permission: besides data streams, indices named like `logs-ds` gain `indices:data/read/get`",
    ]);
  });
});

describe("migrating tenants", () => {
  const tenantsOf = (actions: string[]) => migrate(sgPolicy({ roles: [role("r", { tenants: [tenantPermission(["SGS_GLOBAL_TENANT", "ops"], actions)] })] }));

  it("maps `SGS_GLOBAL_TENANT` to `global_tenant` and write access to `kibana_all_write`", () => {
    const permission = roleNamed(tenantsOf(["kibana:saved_objects/_/write", "kibana:saved_objects/_/read"]).migrated, "r").tenantPermissions[0]!;
    expect(valuesOf(permission.tenantPatterns)).toEqual(["global_tenant", "ops"]);
    expect(valuesOf(permission.allowedActions)).toEqual(["kibana_all_write"]);
  });

  it("maps read-only access to `kibana_all_read`", () => {
    const permission = roleNamed(tenantsOf(["SGS_KIBANA_ALL_READ_MISSING", "kibana:saved_objects/*/read"]).migrated, "r").tenantPermissions[0]!;
    expect(valuesOf(permission.allowedActions)).toEqual(["kibana_all_read"]);
  });

  it("treats `*` as read-write, as Search Guard matches both tenant actions with it", () => {
    const permission = roleNamed(tenantsOf(["*"]).migrated, "r").tenantPermissions[0]!;
    expect(valuesOf(permission.allowedActions)).toEqual(["kibana_all_write"]);
  });

  it("reports write-only access, which OpenSearch widens to read-write", () => {
    expect(tenantsOf(["SGS_KIBANA_ALL_WRITE"]).codes).toEqual(["PC7006"]);
  });
});

describe("migrating built-in roles and settings", () => {
  it("writes a built-in Search Guard role the policy maps as a custom role with its groups migrated", () => {
    const { migrated } = migrate(sgPolicy({ mappings: [mapping("SGS_READALL", { users: ["ann"] })] }));
    expect(migrated.roles.map((r) => r.name.value)).toEqual(["SGS_READALL"]);
    expect(decide(migrated, "ann", "indices:data/read/search", ["anything"])).toBe("allow");
  });

  it("reports the actions a role loses or gains because the plugins split cluster and index actions differently", () => {
    const { diagnostics } = migrate(sgPolicy({ mappings: [mapping("SGS_READALL", { users: ["ann"] })] }));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["PC7008", "role `SGS_READALL` grants `indices:data/read/search/template/render` as index permissions, which OpenSearch checks against cluster permissions: its users lose them"],
      ["PC7008", "role `SGS_READALL` grants `indices:data/read/search/template` as index permissions, which Search Guard does not read for these cluster actions: its users gain them"],
    ]);
  });

  it("reports a cluster-scope action granted only as a cluster permission that OpenSearch reads as an index action", () => {
    const { diagnostics } = migrate(sgPolicy({ roles: [role("sql", { cluster: ["SGS_CLUSTER_COMPOSITE_OPS_RO"] })] }));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["PC7008", "role `sql` grants `indices:data/read/sql` as cluster permissions, which OpenSearch checks against index permissions: its users lose them on indices the role does not grant them"],
    ]);
  });

  it("reports a role named like an OpenSearch built-in role", () => {
    expect(migrate(sgPolicy({ roles: [role("readall", { cluster: ["cluster:monitor/main"] })] })).codes).toEqual(["PC7007"]);
  });

  it("turns multi-tenancy and private tenants off explicitly, as in Search Guard by default", () => {
    const { migrated } = migrate(sgPolicy({}));
    expect(migrated.settings.multitenancyEnabled).toBe(false);
    expect(migrated.settings.privateTenantEnabled).toBe(false);
    expect(Object.keys(migrated.settings.origins).sort()).toEqual(["multitenancyEnabled", "privateTenantEnabled"]);
  });

  it("produces an OpenSearch model", () => {
    expect(migrate(sgPolicy({})).migrated.flavor).toBe("opensearch");
  });
});

describe("migrating alias permissions an index permission already grants", () => {
  it("leaves them out without a report", () => {
    const model = sgPolicy({ roles: [role("all", { index: [indexPermission(["*"], ["*"])], alias: [indexPermission(["*"], ["*"])] })] });
    const { migrated, codes } = migrate(model);
    expect(roleNamed(migrated, "all").indexPermissions.length).toBe(1);
    expect(codes).not.toContain("PC7004");
  });
});

describe("migrating Search Guard settings", () => {
  it("carries the mapping mode of sg_authz.yml over", () => {
    const { migrated } = migrate(sgPolicy({ settings: { rolesMappingResolution: "BOTH", origins: { rolesMappingResolution: { file: new SourceFile("sg_authz.yml", ""), start: 0, end: 0 } } } }));
    expect(migrated.settings.rolesMappingResolution).toBe("BOTH");
    expect(Object.keys(migrated.settings.origins)).toContain("rolesMappingResolution");
  });

  it("keeps multi-tenancy on when Search Guard turns it on", () => {
    expect(migrate(sgPolicy({ settings: { searchguardMultitenancyEnabled: true } })).migrated.settings.multitenancyEnabled).toBe(true);
  });

  it("reports a turned-off global tenant, which OpenSearch cannot turn off", () => {
    expect(migrate(sgPolicy({ settings: { searchguardMultitenancyEnabled: true, searchguardGlobalTenantEnabled: false } })).codes).toEqual(["PC7006"]);
  });
});
