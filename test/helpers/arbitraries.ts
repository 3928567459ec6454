/**
 * fast-check arbitraries for random OpenSearch Security policies (as the YAML
 * texts a user writes) and random requests drawn from names that can hit
 * their patterns. Used by the property tests that compare policyc's runtime
 * with the reference evaluator (test/reference-evaluator.ts).
 *
 * Everything is drawn from small fixed pools so that patterns, mappings,
 * tenants and requests meet often: index names like `logs-alice-1` that
 * `logs-${user.name}-*` renders to, tenant indices `.kibana_<hash>_<tenant>`,
 * system indices `.sys-*`, the security index, users that are also tenant
 * names, and so on. Strings are written as JSON strings, which YAML reads
 * verbatim as double-quoted scalars.
 */
import fc from "fast-check";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { tenantIndexName } from "../reference-evaluator.js";

// ---------------------------------------------------------------------------------------------
// Pools

export const USERS = ["alice", "bob", "hr", "kibanaserver", "plugin:alerting", "svc", "a.b"] as const;
export const BACKEND_ROLES = ["admin", "dev", "ops", "kibana_user", "r2", "all_access"] as const;
export const SECURITY_ROLES = ["r1", "r3", "kibana_user", "ghost", "readall"] as const;
export const HOSTS = ["10.0.0.1", "10.0.0.2", "192.168.1.5"] as const;
export const DEFINED_TENANT_POOL = ["analysts", "hr", "team_red", "team_blue", "ops", "global_tenant", "Team-Red"] as const;
export const TEAMS = ["red", "blue", "*", "", "{", "(", "re?", "logs-1", "a*", "/"] as const;

const CUSTOM_ROLES = ["r1", "r2", "r3", "r4", "r5"] as const;
/** Static role names: custom definitions of these are ignored, mappings to them count. */
const STATIC_ROLES = ["all_access", "kibana_user", "readall", "own_index", "kibana_server"] as const;
const CUSTOM_GROUPS = ["g1", "g2", "g3", "g4"] as const;

const DASHBOARDS_INDICES = [".kibana", ".opensearch_dashboards"] as const;

/** Concrete index names of requests. */
export const INDICES: readonly string[] = [
  "logs-1",
  "logs-2",
  "logs-alice-1",
  "logs-bob-x",
  "logs-red",
  "logs-a.b-1",
  "metrics",
  "metrics-a",
  "Logs-1",
  "alice",
  "bob",
  "red",
  "a",
  "ab",
  "team-red",
  ".kibana",
  ".kibana_1",
  ".kibana_x",
  ".opensearch_dashboards",
  ".opensearch_dashboards_1",
  ".opendistro_security",
  ".sys-1",
  ".sys-2",
  ".tasks",
  // Tenant indices of named tenants and of users' private tenants.
  ...DASHBOARDS_INDICES.flatMap((dashboards) =>
    ["analysts", "hr", "team_red", "Team-Red", "nope", "global_tenant", ...USERS.filter((u) => u !== "kibanaserver")].map((t) => tenantIndexName(dashboards, t)),
  ),
  `${tenantIndexName(".kibana", "analysts")}_1`,
];

const INDEX_PATTERNS = [
  "*",
  "logs-*",
  "logs-?",
  "logs-${user.name}-*",
  "logs-${user_name}-*",
  "${user.name}",
  "${user.name}*",
  "${attr.internal.team}",
  "team-${attr.internal.team}",
  "logs-${attr.internal.team}",
  "${attr.internal.idx:-metrics}",
  "${attr_internal_team}*",
  "logs-${user.roles}*",
  "${user.securityRoles}",
  "$${user.name}",
  "/logs-${user.name}-.*/",
  "/logs-${attr.internal.team}/",
  "/logs-[0-9]/",
  "/logs-\\d+/",
  "LOGS-*",
  "${attr.ldap.ou:-x}-*",
  "${attr.internal.missing:-logs-*}",
  "logs-${user.name",
  "/met.*/",
  "/\\.sys-[0-9]/",
  "/logs-{/",
  "/(a/",
  "",
  " ",
  "a*",
  "*a*",
  "**",
  "?",
  "??",
  "metrics",
  ".kibana",
  ".kibana*",
  ".kibana_*",
  ".opensearch_dashboards*",
  ".opendistro_security",
  ".sys-*",
  ".tasks",
] as const;

/** Action patterns and group names for `allowed_actions` of index permissions. */
const INDEX_ACTION_PATTERNS = [
  "read",
  "write",
  "crud",
  "search",
  "get",
  "index",
  "delete",
  "manage",
  "indices_all",
  "unlimited",
  "data_access",
  "create_index",
  "manage_aliases",
  "indices_monitor",
  ...CUSTOM_GROUPS,
  "indices:data/read/search",
  "indices:data/read/ge?",
  "indices:data/read/*",
  "indices:data/write/*",
  "indices:data/write/index",
  "indices:data/write/bulk*",
  "indices:admin/create",
  "indices:admin/auto_create",
  "indices:admin/mapping/put",
  "indices:admin/mapping/auto_put",
  "indices:admin/upgrade",
  "internal:indices/admin/upgrade",
  "indices:admin/*",
  "indices:*",
  "*",
  "**",
  "system:admin/system_index",
  "system:admin/system_index*",
  "system:*",
  "/indices:data/read/.*/",
  "/indices:data/(/",
  "undefined_group",
] as const;

/** Action patterns and group names for `cluster_permissions`. */
const CLUSTER_ACTION_PATTERNS = [
  "cluster_all",
  "cluster_monitor",
  "cluster_composite_ops",
  "cluster_composite_ops_ro",
  "manage_snapshots",
  ...CUSTOM_GROUPS,
  "cluster:monitor/*",
  "cluster:monitor/health",
  "cluster:admin/*",
  "cluster:*",
  "indices:data/write/bulk",
  "indices:data/write/bulk*",
  "indices:data/read/mget",
  "indices:data/read/msearch*",
  "indices:data/read/scroll*",
  "indices:data/write/reindex",
  "indices:admin/template/*",
  "kibana:*",
  "system:admin/system_index",
  "*",
  "unlimited",
  "/cluster:monitor/.*/",
  "/cluster:(/",
] as const;

/** Members of custom action groups: actions, static and custom group names (cycles allowed). */
const GROUP_MEMBERS = [
  ...CUSTOM_GROUPS,
  "read",
  "write",
  "search",
  "kibana_all_write",
  "kibana_all_read",
  "cluster_monitor",
  "cluster_composite_ops",
  "indices:data/read/*",
  "indices:data/write/index",
  "indices:admin/create",
  "cluster:monitor/*",
  "indices:data/write/bulk",
  "kibana:saved_objects/*/write",
  "system:admin/system_index",
  "*",
] as const;

const TENANT_PATTERNS = [
  "*",
  "analysts",
  "hr",
  "h*",
  "team_*",
  "team_${attr.internal.team}",
  "${user.name}",
  "global_tenant",
  "global_*",
  "/team_.*/",
  "/team_${attr.internal.team}/",
  "/(/",
  "/",
  "",
  "ops",
  "?r",
  "nope",
] as const;

const TENANT_ACTIONS = [
  "kibana_all_write",
  "kibana_all_read",
  "kibana:saved_objects/*/write",
  "kibana:saved_objects/*/*",
  "*",
  "unlimited",
  ...CUSTOM_GROUPS,
] as const;

const USER_PATTERNS = ["alice", "bob", "hr", "*", "a*", "/b.*/", "plugin:*", "kibanaserver", "svc", "a?b", ""] as const;
const BACKEND_ROLE_PATTERNS = ["admin", "dev", "ops", "*", "d*", "/op.*/", "kibana_user", "r2"] as const;
const HOST_PATTERNS = ["10.0.0.*", "10.0.0.1", "192.168.*", "/10\\.0\\.0\\.[12]/", "*"] as const;

const SYSTEM_INDEX_PATTERNS = [".sys-*", ".sys-1", "/\\.sys-[0-9]/", ".kibana*", ".tasks", ".kibana", ".opendistro_security"] as const;

export const ACTIONS = {
  cluster: [
    "cluster:monitor/health",
    "cluster:monitor/state",
    "cluster:admin/snapshot/restore",
    "cluster:admin/opendistro_security/whoami",
    "indices:data/write/bulk",
    "indices:data/write/reindex",
    "indices:data/read/mget",
    "indices:data/read/msearch",
    "indices:data/read/msearch/template",
    "indices:data/read/scroll",
    "indices:data/read/mtv",
    "indices:admin/template/get",
    "kibana:saved_objects/config/write",
    "system:admin/system_index",
  ],
  index: [
    "indices:data/read/search",
    "indices:data/read/get",
    "indices:data/read/search[phase/query]",
    "indices:admin/get",
    "indices:data/read/mget[shard]",
    "indices:data/write/index",
    "indices:data/write/bulk[s]",
    "indices:data/write/delete",
    "indices:data/write/update",
    "indices:admin/resize",
    "indices:admin/create",
    "indices:admin/auto_create",
    "indices:admin/delete",
    "indices:admin/mappings/get",
    "indices:admin/mapping/put",
    "indices:admin/mapping/auto_put",
    "indices:admin/aliases",
    "indices:admin/aliases/get",
    "indices:admin/close",
    "indices:admin/settings/update",
    "indices:monitor/stats",
    "indices:admin/upgrade",
    "internal:indices/admin/upgrade",
    "indices:admin/seq_no/global_checkpoint_sync",
    "indices:data/read/point_in_time/readall",
  ],
} as const;

// ---------------------------------------------------------------------------------------------
// The generated policy, as a plain model rendered to YAML by `policyFiles`

export interface IndexPermissionSpec {
  readonly index_patterns: readonly string[];
  readonly allowed_actions: readonly string[];
  /** Document- and field-level security, which never changes the decision (README rule 11). */
  readonly dls?: string;
  readonly fls?: readonly string[];
  readonly masked_fields?: readonly string[];
}
export interface TenantPermissionSpec {
  readonly tenant_patterns: readonly string[];
  readonly allowed_actions: readonly string[];
}
export interface RoleSpec {
  readonly name: string;
  /** `reserved`, `hidden`, `static`, `description`: metadata that does not affect authorization (README rule 1). */
  readonly flags?: Readonly<Record<string, boolean | string>>;
  readonly cluster_permissions?: readonly string[];
  readonly index_permissions?: readonly IndexPermissionSpec[];
  readonly tenant_permissions?: readonly TenantPermissionSpec[];
}
export interface MappingSpec {
  readonly role: string;
  readonly flags?: Readonly<Record<string, boolean | string>>;
  readonly users?: readonly string[];
  readonly backend_roles?: readonly string[];
  readonly and_backend_roles?: readonly string[];
  readonly hosts?: readonly string[];
}
export interface GroupSpec {
  readonly name: string;
  readonly flags?: Readonly<Record<string, boolean | string>>;
  readonly allowed_actions: readonly string[];
}
export interface NodeSettingsSpec {
  readonly systemIndicesEnabled?: boolean;
  readonly systemIndices?: readonly string[];
  /** Write the list as one comma-separated string (OpenSearch's `Settings.getAsList` accepts both). */
  readonly systemIndicesAsString?: boolean;
  readonly permission?: { readonly spelling: "permission" | "permissions"; readonly enabled: boolean };
  readonly rolesMappingResolution?: string;
  /** plugins.security.dfm_empty_overrides_all and plugins.security.dls.write_blocked (README rule 11). */
  readonly dfmEmptyOverridesAll?: boolean;
  readonly dlsWriteBlocked?: boolean;
  /** Write the keys nested (`plugins: security: …`) rather than dotted. */
  readonly nested?: boolean;
}
export interface KibanaSettingsSpec {
  readonly multitenancy_enabled?: boolean;
  readonly private_tenant_enabled?: boolean;
  readonly server_username?: string;
  readonly index?: string;
}
export interface PolicySpec {
  readonly roles: readonly RoleSpec[];
  readonly actionGroups: readonly GroupSpec[];
  readonly mappings: readonly MappingSpec[];
  readonly tenants: readonly string[];
  readonly node?: NodeSettingsSpec;
  readonly kibana?: KibanaSettingsSpec;
}

/**
 * Known disagreements with src/ that `steerPolicy` and `steerRequest` steer
 * around, so that a property run can find further ones.
 */
export interface GeneratorOptions {
  /** Names from test/property/known-disagreements.ts (regression tests of the same names). */
  readonly avoid?: ReadonlySet<string>;
}

const q = (s: string) => JSON.stringify(s);
const list = (items: readonly string[]) => `[${items.map(q).join(", ")}]`;

function meta(type: string): string {
  return `_meta:\n  type: ${q(type)}\n  config_version: 2\n`;
}

function flagLines(flags: Readonly<Record<string, boolean | string>> | undefined, indent = "  "): string[] {
  return Object.entries(flags ?? {}).map(([key, value]) => `${indent}${key}: ${JSON.stringify(value)}\n`);
}

function indexPermissionYml(p: IndexPermissionSpec): string {
  let out = `    - index_patterns: ${list(p.index_patterns)}\n      allowed_actions: ${list(p.allowed_actions)}\n`;
  if (p.dls !== undefined) out += `      dls: ${q(p.dls)}\n`;
  if (p.fls !== undefined) out += `      fls: ${list(p.fls)}\n`;
  if (p.masked_fields !== undefined) out += `      masked_fields: ${list(p.masked_fields)}\n`;
  return out;
}

function rolesYml(roles: readonly RoleSpec[]): string {
  let out = meta("roles");
  for (const role of roles) {
    const parts: string[] = flagLines(role.flags);
    if (role.cluster_permissions) parts.push(`  cluster_permissions: ${list(role.cluster_permissions)}\n`);
    if (role.index_permissions) {
      parts.push(
        role.index_permissions.length === 0
          ? "  index_permissions: []\n"
          : "  index_permissions:\n" + role.index_permissions.map(indexPermissionYml).join(""),
      );
    }
    if (role.tenant_permissions) {
      parts.push(
        role.tenant_permissions.length === 0
          ? "  tenant_permissions: []\n"
          : "  tenant_permissions:\n" +
              role.tenant_permissions.map((p) => `    - tenant_patterns: ${list(p.tenant_patterns)}\n      allowed_actions: ${list(p.allowed_actions)}\n`).join(""),
      );
    }
    out += parts.length ? `${q(role.name)}:\n${parts.join("")}` : `${q(role.name)}: {}\n`;
  }
  return out;
}

function mappingsYml(mappings: readonly MappingSpec[]): string {
  let out = meta("rolesmapping");
  for (const m of mappings) {
    const parts: string[] = flagLines(m.flags);
    for (const key of ["users", "backend_roles", "and_backend_roles", "hosts"] as const) {
      const value = m[key];
      if (value) parts.push(`  ${key}: ${list(value)}\n`);
    }
    out += parts.length ? `${q(m.role)}:\n${parts.join("")}` : `${q(m.role)}: {}\n`;
  }
  return out;
}

function groupsYml(groups: readonly GroupSpec[]): string {
  let out = meta("actiongroups");
  for (const g of groups) out += `${q(g.name)}:\n${flagLines(g.flags).join("")}  allowed_actions: ${list(g.allowed_actions)}\n`;
  return out;
}

function tenantsYml(tenants: readonly string[]): string {
  let out = meta("tenants");
  tenants.forEach((t, i) => (out += i % 2 === 0 ? `${q(t)}:\n  description: ${q(`tenant ${t}`)}\n` : `${q(t)}: {}\n`));
  return out;
}

function opensearchYml(node: NodeSettingsSpec): string {
  const settings: [string, unknown][] = [];
  if (node.systemIndicesEnabled !== undefined) settings.push(["plugins.security.system_indices.enabled", node.systemIndicesEnabled]);
  if (node.systemIndices !== undefined) {
    settings.push(["plugins.security.system_indices.indices", node.systemIndicesAsString ? node.systemIndices.join(",") : node.systemIndices]);
  }
  if (node.permission) settings.push([`plugins.security.system_indices.${node.permission.spelling}.enabled`, node.permission.enabled]);
  if (node.rolesMappingResolution !== undefined) settings.push(["plugins.security.roles_mapping_resolution", node.rolesMappingResolution]);
  if (node.dfmEmptyOverridesAll !== undefined) settings.push(["plugins.security.dfm_empty_overrides_all", node.dfmEmptyOverridesAll]);
  if (node.dlsWriteBlocked !== undefined) settings.push(["plugins.security.dls.write_blocked", node.dlsWriteBlocked]);
  if (!node.nested) return settings.map(([k, v]) => `${k}: ${JSON.stringify(v)}\n`).join("") || "{}\n";
  // The same keys as nested maps.
  const tree: Record<string, unknown> = {};
  for (const [key, value] of settings) {
    const parts = key.split(".");
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  const write = (node: Record<string, unknown>, depth: number): string =>
    Object.entries(node)
      .map(([k, v]) =>
        v !== null && typeof v === "object" && !Array.isArray(v)
          ? `${"  ".repeat(depth)}${k}:\n${write(v as Record<string, unknown>, depth + 1)}`
          : `${"  ".repeat(depth)}${k}: ${JSON.stringify(v)}\n`,
      )
      .join("");
  return write(tree, 0) || "{}\n";
}

function configYml(kibana: KibanaSettingsSpec): string {
  const entries = Object.entries(kibana).filter(([, v]) => v !== undefined);
  let out = `${meta("config")}config:\n  dynamic:\n    kibana:`;
  if (entries.length === 0) return `${out} {}\n`;
  out += "\n";
  for (const [k, v] of entries) out += `      ${k}: ${JSON.stringify(v)}\n`;
  return out;
}

/** The policy's files by base name. */
export function policyFiles(policy: PolicySpec): Record<string, string> {
  const files: Record<string, string> = {
    "roles.yml": rolesYml(policy.roles),
    "roles_mapping.yml": mappingsYml(policy.mappings),
    "action_groups.yml": groupsYml(policy.actionGroups),
    "tenants.yml": tenantsYml(policy.tenants),
  };
  if (policy.node) files["opensearch.yml"] = opensearchYml(policy.node);
  if (policy.kibana) files["config.yml"] = configYml(policy.kibana);
  return files;
}

/** The files as one readable text, for failure messages. */
export function describeFiles(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([name, text]) => `----- ${name}\n${text}`)
    .join("");
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const some = <T>(pool: readonly T[], max: number, min = 1) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: min, maxLength: max });
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 1) => fc.option(arb, { nil: undefined, freq });

const indexPermissionArb: fc.Arbitrary<IndexPermissionSpec> = fc.record(
  {
    index_patterns: some(INDEX_PATTERNS, 3, 0),
    allowed_actions: some(INDEX_ACTION_PATTERNS, 3, 0),
    // Plain queries (one written twice, differently), templates, and templates that fail for some users
    // (an attribute the user may lack, an attribute that is no JSON value).
    dls: fc.constantFrom(
      '{"match_all": {}}',
      '{ "match_all" : { } }',
      '{"bool": {"must_not": {"term": {"secret": true}}, "filter": [{"range": {"level": {"lte": 3}}}]}}',
      '{"term": {"dept": "${attr.jwt.dept}"}}',
      '{"terms": {"team": [${user.roles}]}}',
      '{"term": {"owner": "${user.name}"}}',
      '{"term": {"team": "${attr.internal.team:-none}"}}',
      '{"terms": {"index": [${attr.internal.idx}]}}',
    ),
    fls: some(["title", "~secret", "a*", "!secret", "*", "user.name", "~a*"], 2),
    masked_fields: some(["email", "ssn::SHA-512", "phone::/[0-9]/::X", "email::SHA-256"], 2),
  },
  { requiredKeys: ["index_patterns", "allowed_actions"] },
);

/** Metadata that never changes a decision. */
const flagsArb = (keys: readonly string[]): fc.Arbitrary<Record<string, boolean | string> | undefined> =>
  fc.option(
    fc
      .tuple(...keys.map((k) => fc.option(k === "description" || k === "type" ? fc.constantFrom<boolean | string>("some text", "index", "cluster") : fc.boolean(), { nil: undefined })))
      .map((values) => Object.fromEntries(keys.flatMap((k, i) => (values[i] === undefined ? [] : [[k, values[i]!] as const])))),
    { nil: undefined, freq: 3 },
  );

const tenantPermissionArb: fc.Arbitrary<TenantPermissionSpec> = fc.record({
  // The pools weighted towards patterns that match defined tenants.
  tenant_patterns: some([...TENANT_PATTERNS, "*", "*", "analysts", "hr", "team_red", "global_tenant", "alice"], 3),
  allowed_actions: some([...TENANT_ACTIONS, "kibana_all_write", "kibana_all_read"], 2),
});

/** An index permission aimed at system indices: the explicit privilege, or only `*`, with read or write actions. */
const systemIndexPermissionArb: fc.Arbitrary<IndexPermissionSpec> = fc.record({
  index_patterns: some([".sys-*", ".sys-1", "*", ".opendistro_security", "logs-*", "/\\.sys-.*/", ".kibana*"], 2),
  allowed_actions: fc.tuple(
    fc.constantFrom("system:admin/system_index", "system:admin/system_index*", "system:*", "*", "unlimited", "g1"),
    some(["read", "write", "indices:data/read/search", "indices:data/write/index", "indices_all"], 2, 0),
  ).map(([explicit, others]) => [explicit, ...others]),
});

function roleArb(name: string): fc.Arbitrary<RoleSpec> {
  return fc
    .record(
      {
        name: fc.constant(name),
        cluster_permissions: some(CLUSTER_ACTION_PATTERNS, 3, 0),
        index_permissions: fc.array(indexPermissionArb, { maxLength: 3 }),
        tenant_permissions: fc.array(tenantPermissionArb, { maxLength: 2 }),
        system: fc.option(systemIndexPermissionArb, { nil: undefined, freq: 3 }),
        // A later entry with the first entry's patterns and rules of its own: the plugin keeps only the
        // later one's rules where the patterns match (a map put per index, or per template list).
        twin: fc.option(indexPermissionArb, { nil: undefined, freq: 3 }),
        flags: flagsArb(["reserved", "hidden", "static", "description"]),
      },
      { requiredKeys: ["name"] },
    )
    .map(({ system, twin, ...role }) => {
      const first = role.index_permissions?.[0];
      const twins = twin && first ? [{ ...twin, index_patterns: first.index_patterns }] : [];
      const extra = [...twins, ...(system ? [system] : [])];
      return extra.length > 0 ? { ...role, index_permissions: [...(role.index_permissions ?? []), ...extra] } : role;
    });
}

/** Custom roles, sometimes one named like a static role (whose definition is then ignored). */
const rolesArb: fc.Arbitrary<RoleSpec[]> = fc
  .tuple(some(CUSTOM_ROLES, 5, 3), maybe(fc.constantFrom("all_access", "kibana_user", "readall"), 1))
  .chain(([names, shadow]) => fc.tuple(...[...names, ...(shadow ? [shadow] : [])].map(roleArb)));

const groupsArb: fc.Arbitrary<GroupSpec[]> = fc
  .tuple(some(CUSTOM_GROUPS, 4, 0), maybe(fc.constantFrom("read", "kibana_all_read"), 1))
  .chain(([names, shadow]) =>
    fc.tuple(
      ...[...names, ...(shadow ? [shadow] : [])].map((name) =>
        fc.record(
          { name: fc.constant(name), allowed_actions: some(GROUP_MEMBERS, 3), flags: flagsArb(["reserved", "hidden", "static", "type", "description"]) },
          { requiredKeys: ["name", "allowed_actions"] },
        ),
      ),
    ),
  );

function mappingArb(role: string): fc.Arbitrary<MappingSpec> {
  return fc.record(
    {
      role: fc.constant(role),
      users: some(USER_PATTERNS, 2, 0),
      backend_roles: some(BACKEND_ROLE_PATTERNS, 2, 0),
      and_backend_roles: some(BACKEND_ROLE_PATTERNS, 2, 0),
      hosts: some(HOST_PATTERNS, 1, 0),
      flags: flagsArb(["reserved", "hidden", "description"]),
    },
    { requiredKeys: ["role"] },
  );
}

const mappingsArb: fc.Arbitrary<MappingSpec[]> = some([...CUSTOM_ROLES, ...STATIC_ROLES, "ghost"], 6, 0).chain((roles) => fc.tuple(...roles.map(mappingArb)));

const nodeArb: fc.Arbitrary<NodeSettingsSpec> = fc.record(
  {
    systemIndicesEnabled: fc.boolean(),
    systemIndices: some(SYSTEM_INDEX_PATTERNS, 3, 0),
    systemIndicesAsString: fc.boolean(),
    permission: fc.record({ spelling: fc.constantFrom("permission" as const, "permissions" as const), enabled: fc.boolean() }),
    rolesMappingResolution: fc.constantFrom("MAPPING_ONLY", "mapping_only", "BOTH", "both", "BACKENDROLES_ONLY", "Backendroles_Only"),
    dfmEmptyOverridesAll: fc.boolean(),
    dlsWriteBlocked: fc.boolean(),
    nested: fc.boolean(),
  },
  { requiredKeys: [] },
);

const kibanaArb: fc.Arbitrary<KibanaSettingsSpec> = fc.record(
  {
    multitenancy_enabled: fc.boolean(),
    private_tenant_enabled: fc.boolean(),
    server_username: fc.constantFrom("kibanaserver", "bob"),
    index: fc.constantFrom(...DASHBOARDS_INDICES),
  },
  { requiredKeys: [] },
);

export function policyArb(): fc.Arbitrary<PolicySpec> {
  return fc.record(
    {
      roles: rolesArb,
      actionGroups: groupsArb,
      mappings: mappingsArb,
      tenants: some(DEFINED_TENANT_POOL, 4, 1),
      node: nodeArb,
      kibana: kibanaArb,
    },
    { requiredKeys: ["roles", "actionGroups", "mappings", "tenants"] },
  );
}

const attributesArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    "attr.internal.team": fc.constantFrom(...TEAMS),
    "attr.internal.idx": fc.constantFrom("logs-1", "metrics", "*"),
    "attr.jwt.dept": fc.constantFrom("eng", "ops"),
    "attr.internal.service": fc.constantFrom("true", "false", "false", "yes"),
    "attr.ldap.ou": fc.constantFrom("logs", "metrics"),
  },
  { requiredKeys: [] },
);

const userArb = fc.record(
  {
    name: fc.constantFrom(...USERS),
    // Not unique: the plugin's user keeps each backend role once, in order.
    backend_roles: fc.array(fc.constantFrom(...BACKEND_ROLES), { maxLength: 3 }),
    roles: fc.array(fc.constantFrom(...SECURITY_ROLES), { maxLength: 2 }),
    attributes: attributesArb,
    host: fc.constantFrom(...HOSTS),
  },
  { requiredKeys: ["name"] },
);

/** Indices of a request: mostly one to three names, sometimes exactly the Dashboards index, sometimes a duplicate. */
const indicesArb: fc.Arbitrary<string[] | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>([".kibana"], [".opensearch_dashboards"]) },
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...INDICES), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>([], [".kibana", ".kibana"], [".kibana", ".kibana_1"]) },
);

const TENANTS_REQUESTED = ["__user__", "global_tenant", "analysts", "hr", "team_red", "Team-Red", "nope", "", "alice", "ops"] as const;

const tenantArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: fc.constantFrom(...TENANTS_REQUESTED) },
);

/** A general request: any action, indices and tenant. */
const generalRequestArb: fc.Arbitrary<AuthorizationRequest> = fc
  .record({
    user: userArb,
    cluster: fc.boolean(),
    clusterAction: fc.constantFrom(...ACTIONS.cluster),
    indexAction: fc.constantFrom(...ACTIONS.index),
    indices: indicesArb,
    clusterIndices: fc.boolean(),
    tenant: tenantArb,
  })
  .map(({ user, cluster, clusterAction, indexAction, indices, clusterIndices, tenant }) => {
    const action = cluster ? clusterAction : indexAction;
    // Cluster actions usually name no index; multi-document ones (mget, msearch, bulk) may.
    // A restore's indices need checks outside the request model (SnapshotRestoreEvaluator): never named here.
    const named = cluster && (!clusterIndices || action === "cluster:admin/snapshot/restore") ? undefined : indices;
    return request(user, action, named, tenant);
  });

/** A Dashboards request: the Dashboards index or a tenant's own index, with or without a tenant. */
const dashboardsRequestArb: fc.Arbitrary<AuthorizationRequest> = fc
  .record({
    // Users with a few security roles, so that tenant permissions apply more often.
    user: fc
      .tuple(userArb, fc.uniqueArray(fc.constantFrom("r1", "r2", "r3", "r4", "kibana_user"), { minLength: 1, maxLength: 2 }))
      .map(([user, roles]) => ({ ...user, roles })),
    action: fc.constantFrom(
      "indices:data/read/search",
      "indices:data/read/get",
      "indices:admin/get",
      "indices:data/read/mget[shard]",
      "indices:data/write/index",
      "indices:data/write/delete",
      "indices:admin/mappings/get",
      "indices:data/read/mget",
      "indices:data/read/msearch",
      "indices:data/write/bulk",
      "indices:admin/create",
    ),
    dashboards: fc.constantFrom(".kibana", ".kibana", ".kibana", ".opensearch_dashboards"),
    tenant: fc.option(fc.constantFrom(...TENANTS_REQUESTED), { nil: undefined, freq: 3 }),
    own: fc.constantFrom("dashboards", "dashboards", "dashboards", "own", "own", "own+suffix", "other"),
  })
  .map(({ user, action, dashboards, tenant, own }) => {
    const tenantName = tenant === undefined || tenant === "" ? "analysts" : tenant === "__user__" ? user.name : tenant;
    const index =
      own === "dashboards"
        ? dashboards
        : own === "own"
          ? tenantIndexName(dashboards, tenantName)
          : own === "own+suffix"
            ? `${tenantIndexName(dashboards, tenantName)}_1`
            : tenantIndexName(dashboards, "hr");
    return request(user, action, own === "dashboards" ? [index] : [index, ...(action.includes("mget") ? [] : [])], tenant);
  });

function request(user: AuthorizationRequest["user"], action: string, indices: string[] | undefined, tenant: string | undefined): AuthorizationRequest {
  return { user, action, ...(indices !== undefined ? { indices } : {}), ...(tenant !== undefined ? { tenant } : {}) };
}

export function requestArb(): fc.Arbitrary<AuthorizationRequest> {
  return fc.oneof({ weight: 3, arbitrary: generalRequestArb }, { weight: 2, arbitrary: dashboardsRequestArb });
}

/** Steers a policy around the known disagreements listed in `options.avoid`. */
export function steerPolicy(policy: PolicySpec, options: GeneratorOptions = {}): PolicySpec {
  const avoid = options.avoid ?? new Set<string>();
  if (!avoid.has("a lone slash is an invalid pattern")) return policy;
  return {
    ...policy,
    roles: policy.roles.map((role) =>
      role.tenant_permissions
        ? { ...role, tenant_permissions: role.tenant_permissions.map((p) => ({ ...p, tenant_patterns: p.tenant_patterns.filter((t) => t !== "/") })) }
        : role,
    ),
  };
}

const PROTECTED = /^(indices:data\/write|indices:admin\/(delete|mapping\/delete|mapping\/put|freeze|settings\/update|close)|cluster:admin\/snapshot\/restore)|^indices:admin\/aliases$/;

/**
 * Steers a request around the known disagreements listed in `options.avoid`
 * (see test/property/known-disagreements.ts): returns the request, a changed
 * copy, or undefined to drop it.
 */
export function steerRequest(policy: PolicySpec, request: AuthorizationRequest, options: GeneratorOptions = {}): AuthorizationRequest | undefined {
  const avoid = options.avoid ?? new Set<string>();
  const featureOn = policy.node?.permission?.enabled === true;
  let out = request;
  if (avoid.has("duplicate indices are one index") && out.indices) out = { ...out, indices: [...new Set(out.indices)] };
  const action = out.action.replace(/^indices:admin\/auto_create$/, "indices:admin/create").replace(/^indices:admin\/mapping\/auto_put$/, "indices:admin/mapping/put");
  const noIndex = !out.indices || out.indices.length === 0;
  if (avoid.has("protected action on all indices with the permission feature on") && featureOn && noIndex && PROTECTED.test(action)) {
    // The top-level bulk without a tenant is decided before the system index checks.
    if (!(action === "indices:data/write/bulk" && !out.tenant)) return undefined;
  }
  if (avoid.has("point-in-time read-all skips the permission feature's checks") && featureOn && action === "indices:data/read/point_in_time/readall" && !noIndex) {
    const { indices: _indices, ...rest } = out;
    out = rest;
  }
  if (avoid.has("the private tenant's index is named after the user") && out.tenant === "__user__" && out.indices && new Set(out.indices).size === 1) {
    const index = out.indices[0]!;
    if (DASHBOARDS_INDICES.some((dashboards) => index.startsWith(tenantIndexName(dashboards, out.user.name)))) return undefined;
  }
  if (
    avoid.has("plugin users and configured system indices") &&
    policy.node?.systemIndicesEnabled === true &&
    out.user.name.startsWith("plugin:") &&
    (out.tenant === "__user__" || out.tenant === out.user.name)
  ) {
    return undefined;
  }
  if (avoid.has("plugin users after the permission feature's checks") && featureOn && out.user.name.startsWith("plugin:")) {
    const { "attr.internal.service": _service, ...attributes } = out.user.attributes ?? {};
    out = { ...out, user: { ...out.user, attributes }, ...(out.indices ? { indices: out.indices.filter((i) => i !== ".opendistro_security") } : {}) };
  }
  return out;
}
