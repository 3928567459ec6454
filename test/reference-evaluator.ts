/**
 * A reference evaluator for property tests: decides a request straight from
 * the policy's YAML texts, written as plainly as possible from the rules
 * (/work/shared/opensearch-reference/README.md, docs/semantics/evaluation.md,
 * docs/semantics/configuration.md) and independent of the compiler and the
 * runtime. It reads the YAML with js-yaml's `load` (not src/parse), merges the
 * built-in static_*.yml files itself, and at every request loops over roles,
 * permissions and patterns: no precomputation, no caches, no lookup tables.
 *
 * The only code shared with policyc is `translateJavaRegex` (Java regex syntax
 * is a separate concern with its own tests) and the request/decision types.
 *
 * Scope:
 * - User attributes: the non-recursive subset of §5 of configuration.md —
 *   `${name}`, `${name:-default}`, `$${x}` (escape), unknown variables left
 *   verbatim. Values and defaults are inserted as they are, never substituted
 *   again, and variable names are not nested. Inputs outside that subset
 *   (a `${` inside a value, a default or a variable name) are refused with an
 *   error so a property test cannot silently compare them.
 * - Requests naming no index mean "all indices" (policyc's documented
 *   choice): index privileges only through a role index pattern that is the
 *   bare `*`; for the system index checks such a request contains no named
 *   index (the legacy `Resolved` marker), and a protected action on it is
 *   denied (SystemIndexAccessEvaluator, "for '_all' indices is not allowed").
 * - Not modelled (as in policyc's request model): aliases and data streams,
 *   date math, bulk shard items, snapshot-restore source/target checks,
 *   do_not_fail_on_forbidden, super admins, protected/immutable indices.
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { translateJavaRegex } from "../src/patterns/java-regex.js";
import type { AuthorizationRequest, Decision } from "../src/table/request.js";
import { referenceOwnershipRefusal, referenceRestApi } from "./reference-ownership.js";
import { referenceRestrictedDecision } from "./reference-restrictions.js";

/** Policy files by base name: roles.yml, roles_mapping.yml, action_groups.yml, tenants.yml, opensearch.yml, config.yml. */
export type PolicyTexts = Readonly<Record<string, string>>;

type Obj = Record<string, unknown>;

/** The policy as js-yaml read it, with the static entries merged in; nothing derived. */
export interface ReferencePolicy {
  /** Role name → the role object of roles.yml (static roles win). */
  readonly roles: ReadonlyMap<string, Obj>;
  /** Action group name → its `allowed_actions` (static groups win). */
  readonly actionGroups: ReadonlyMap<string, readonly string[]>;
  /** Tenant names of tenants.yml plus the static `global_tenant`. */
  readonly tenants: readonly string[];
  /** Role name → the mapping object of roles_mapping.yml. */
  readonly mappings: ReadonlyMap<string, Obj>;
  readonly settings: ReferenceSettings;
}

export interface ReferenceSettings {
  readonly systemIndicesEnabled: boolean;
  readonly systemIndices: readonly string[];
  readonly systemIndexPermissionEnabled: boolean;
  readonly rolesMappingResolution: "MAPPING_ONLY" | "BACKENDROLES_ONLY" | "BOTH";
  readonly multitenancyEnabled: boolean;
  readonly privateTenantEnabled: boolean;
  readonly serverUsername: string;
  readonly dashboardsIndex: string;
  readonly dfmEmptyOverridesAll: boolean;
  readonly dlsWriteBlocked: boolean;
  readonly restapiRolesEnabled: readonly string[];
  readonly restapiAdminEnabled: boolean;
  readonly anomalyDetectionFilterByBackendRoles: boolean;
  readonly forecastFilterByBackendRoles: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading the files

function staticText(name: string): string {
  return readFileSync(new URL(`../data/opensearch/${name}`, import.meta.url), "utf8");
}

function yamlObject(text: string | undefined): Obj {
  if (text === undefined) return {};
  const value = load(text);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};
}

/** The entries of a configuration file, without `_meta`. */
function entries(text: string | undefined): [string, Obj][] {
  return Object.entries(yamlObject(text))
    .filter(([name]) => name !== "_meta")
    .map(([name, value]) => [name, value !== null && typeof value === "object" ? (value as Obj) : {}]);
}

/** Static entries first; a custom entry with a static entry's name is dropped (README rule 1). */
function mergeStatic(staticEntries: [string, Obj][], customEntries: [string, Obj][]): Map<string, Obj> {
  const merged = new Map<string, Obj>();
  for (const [name, value] of staticEntries) merged.set(name, value);
  for (const [name, value] of customEntries) if (!merged.has(name)) merged.set(name, value);
  return merged;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

/** opensearch.yml keys may be dotted or nested; OpenSearch flattens both the same way. */
function flatten(value: Obj, prefix = "", into: Map<string, unknown> = new Map()): Map<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v as Obj, name, into);
    else into.set(name, v);
  }
  return into;
}

function readSettings(opensearchYml: string | undefined, configYml: string | undefined): ReferenceSettings {
  const node = flatten(yamlObject(opensearchYml));
  const bool = (value: unknown, fallback: boolean) => (value === undefined || value === null ? fallback : String(value) === "true");
  const list = (value: unknown) =>
    Array.isArray(value)
      ? value.map(String)
      : typeof value === "string"
        ? value
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "")
        : [];
  const resolution = String(node.get("plugins.security.roles_mapping_resolution") ?? "MAPPING_ONLY").toUpperCase();
  const permission = node.get("plugins.security.system_indices.permission.enabled") ?? node.get("plugins.security.system_indices.permissions.enabled");

  const config = yamlObject(configYml).config as Obj | undefined;
  const dynamic = (config?.dynamic ?? undefined) as Obj | undefined;
  const kibana = (dynamic?.kibana ?? {}) as Obj;
  return {
    systemIndicesEnabled: bool(node.get("plugins.security.system_indices.enabled"), false),
    systemIndices: list(node.get("plugins.security.system_indices.indices")),
    systemIndexPermissionEnabled: bool(permission, false),
    rolesMappingResolution: resolution === "BOTH" || resolution === "BACKENDROLES_ONLY" ? resolution : "MAPPING_ONLY",
    multitenancyEnabled: bool(kibana.multitenancy_enabled, true),
    privateTenantEnabled: bool(kibana.private_tenant_enabled, true),
    serverUsername: kibana.server_username === undefined || kibana.server_username === null ? "kibanaserver" : String(kibana.server_username),
    dashboardsIndex: kibana.index === undefined || kibana.index === null ? ".kibana" : String(kibana.index),
    dfmEmptyOverridesAll: bool(node.get("plugins.security.dfm_empty_overrides_all") ?? node.get("opendistro_security.dfm_empty_overrides_all"), false),
    dlsWriteBlocked: bool(node.get("plugins.security.dls.write_blocked"), false),
    restapiRolesEnabled: list(node.get("plugins.security.restapi.roles_enabled") ?? node.get("opendistro_security.restapi.roles_enabled")),
    restapiAdminEnabled: bool(node.get("plugins.security.restapi.admin.enabled"), false),
    anomalyDetectionFilterByBackendRoles: bool(
      node.get("plugins.anomaly_detection.filter_by_backend_roles") ?? node.get("opendistro.anomaly_detection.filter_by_backend_roles"),
      false,
    ),
    forecastFilterByBackendRoles: bool(node.get("plugins.forecast.filter_by_backend_roles"), false),
  };
}

/** Reads the policy's texts (and the built-in static files) with js-yaml. */
export function readReferencePolicy(files: PolicyTexts): ReferencePolicy {
  const roles = mergeStatic(entries(staticText("static_roles.yml")), entries(files["roles.yml"]));
  const groups = mergeStatic(entries(staticText("static_action_groups.yml")), entries(files["action_groups.yml"]));
  const tenants = mergeStatic(entries(staticText("static_tenants.yml")), entries(files["tenants.yml"]));
  const actionGroups = new Map<string, string[]>();
  for (const [name, group] of groups) actionGroups.set(name, strings(group.allowed_actions));
  return {
    roles,
    actionGroups,
    tenants: [...tenants.keys()],
    mappings: new Map(entries(files["roles_mapping.yml"])),
    settings: readSettings(files["opensearch.yml"], files["config.yml"]),
  };
}

// ---------------------------------------------------------------------------------------------
// Patterns (README rule 4, configuration.md §4), written from the rule text

/** Whether a pattern string cannot be compiled by the plugin (WildcardMatcher.from throws). */
export function isInvalidPattern(pattern: string): boolean {
  if (pattern.trim() === "" || pattern === "*") return false;
  if (pattern.startsWith("/") && pattern.endsWith("/")) {
    // The one-character `/` fails the plugin's length precondition.
    return pattern.length < 2 || !translateJavaRegex(pattern.slice(1, -1)).ok;
  }
  return false;
}

/** Whether `pattern` matches `value`; a pattern the plugin cannot compile matches nothing. */
export function patternMatches(pattern: string, value: string): boolean {
  if (pattern.trim() === "") return false; // blank matches nothing
  if (pattern === "*") return true; // `*` alone matches everything, the empty string too
  if (pattern.startsWith("/") && pattern.endsWith("/")) {
    if (pattern.length < 2) return false;
    const translated = translateJavaRegex(pattern.slice(1, -1));
    return translated.ok && new RegExp(translated.source, "u").test(value);
  }
  if (!pattern.includes("*") && !pattern.includes("?")) return pattern === value;
  let source = "^";
  for (const ch of pattern) {
    if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]"; // one UTF-16 unit (no `u` flag), as in Java
    else source += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
  }
  return new RegExp(`${source}$`).test(value);
}

// ---------------------------------------------------------------------------------------------
// User attributes (README rule 8, configuration.md §5), non-recursive subset

export class OutsideSubsetError extends Error {}

interface Subject {
  readonly name: string;
  readonly backendRoles: readonly string[];
  readonly securityRoles: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(",");
}

function lookupVariable(name: string, subject: Subject): string | undefined {
  const builtins: [string, string][] = [
    ["user.name", subject.name],
    ["user.roles", quoted(subject.backendRoles)],
    ["user.securityRoles", quoted(subject.securityRoles)],
  ];
  // Custom attributes come after the built-ins, so one with a built-in's key wins.
  const all: [string, string][] = [...builtins, ...Object.entries(subject.attributes)];
  let found: string | undefined;
  for (const [key, value] of all) if (key === name) found = value;
  if (found !== undefined) return found;
  for (const [key, value] of all) if (key.replaceAll(".", "_") === name) found = value;
  return found;
}

/** Replaces every `${…}` in `template`. @throws OutsideSubsetError for nested or recursive substitution. */
export function renderAttributes(template: string, subject: Subject): string {
  let out = "";
  let i = 0;
  for (;;) {
    const start = template.indexOf("${", i);
    if (start < 0) break;
    if (start > 0 && template[start - 1] === "$") {
      out += template.slice(i, start - 1) + "${"; // `$${x}` is a literal `${x}`
      i = start + 2;
      continue;
    }
    const end = template.indexOf("}", start + 2);
    if (end < 0) break;
    const body = template.slice(start + 2, end);
    if (body.includes("${") || body.includes("$")) throw new OutsideSubsetError(`nested variable in ${JSON.stringify(template)}`);
    const separator = body.indexOf(":-");
    const name = separator >= 0 ? body.slice(0, separator) : body;
    let value = lookupVariable(name, subject);
    if (value === undefined && separator >= 0) value = body.slice(separator + 2);
    if (value !== undefined && value.includes("${")) throw new OutsideSubsetError(`recursive substitution of ${JSON.stringify(value)}`);
    out += template.slice(i, start) + (value ?? template.slice(start, end + 1));
    i = end + 1;
  }
  return out + template.slice(i);
}

export function isTemplate(pattern: string): boolean {
  return pattern.includes("${");
}

/** A role's index or tenant pattern, rendered for the user first if it is a template. */
export function rolePatternMatches(pattern: string, value: string, subject: Subject): boolean {
  return patternMatches(isTemplate(pattern) ? renderAttributes(pattern, subject) : pattern, value);
}

// ---------------------------------------------------------------------------------------------
// Fixed rules about actions

const WHOAMI = "cluster:admin/opendistro_security/whoami";
const SECURITY_INDEX = ".opendistro_security";
const SYSTEM_INDEX_PERMISSION = "system:admin/system_index";
const GLOBAL_TENANT = "global_tenant";
const PRIVATE_TENANT = "__user__";
const TENANT_WRITE = "kibana:saved_objects/*/write";
const TOP_LEVEL_BULK = "indices:data/write/bulk";

/** README rule 6. */
function isClusterAction(action: string): boolean {
  return (
    action.startsWith("cluster:") ||
    action.startsWith("indices:admin/template/") ||
    action.startsWith("indices:admin/index_template/") ||
    action.startsWith("indices:data/read/scroll") ||
    action.startsWith("indices:data/read/msearch") ||
    action === "indices:data/write/bulk" ||
    action === "indices:data/read/mget" ||
    action === "indices:data/read/mtv" ||
    action === "indices:data/write/reindex" ||
    action === "indices:data/read/search/template/render" ||
    !action.startsWith("indices:")
  );
}

/** README rule 13. */
function evaluatedName(action: string): string {
  if (action === "indices:admin/auto_create") return "indices:admin/create";
  if (action === "indices:admin/mapping/auto_put") return "indices:admin/mapping/put";
  if (action.startsWith("internal:indices/admin/upgrade")) return "indices:admin/upgrade";
  return action;
}

/** README rule 9: the protected actions. */
function isProtectedAction(action: string): boolean {
  const prefixes = [
    "indices:data/write",
    "indices:admin/delete",
    "indices:admin/mapping/delete",
    "indices:admin/mapping/put",
    "indices:admin/freeze",
    "indices:admin/settings/update",
    "indices:admin/close",
    "cluster:admin/snapshot/restore",
  ];
  return action === "indices:admin/aliases" || prefixes.some((p) => action.startsWith(p));
}

/** README rule 10: READ tenant access for these, WRITE for every other action. */
function needsTenantWrite(action: string): boolean {
  return ![
    "indices:admin/get",
    "indices:data/read/get",
    "indices:data/read/search",
    "indices:data/read/msearch",
    "indices:data/read/mget",
    "indices:data/read/mget[shard]",
  ].includes(action);
}

// ---------------------------------------------------------------------------------------------
// Deciding

export interface Context {
  readonly policy: ReferencePolicy;
  readonly action: string;
  readonly user: Subject & { readonly host: string | undefined };
  /** Mapped role names, undefined ones included. */
  readonly mapped: readonly string[];
  /** Deduplicated requested indices; undefined for a request naming no index ("all"). */
  readonly indices: readonly string[] | undefined;
  readonly tenant: string | undefined;
  /** Records which rule decided (for coverage statistics). */
  readonly note: (step: string) => void;
}

export function isReferencePolicy(value: PolicyTexts | ReferencePolicy): value is ReferencePolicy {
  return (value as ReferencePolicy).roles instanceof Map;
}

export function unique(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) if (!out.includes(v)) out.push(v);
  return out;
}

/**
 * Reads the texts (unless given a policy read before) and decides the request.
 * `trace`, if given, receives the name of each rule checked, in order; the
 * last one is the rule that decided.
 */
export function referenceAuthorize(files: PolicyTexts | ReferencePolicy, request: AuthorizationRequest, trace?: (step: string) => void): Decision {
  const note = trace ?? (() => {});
  const policy = isReferencePolicy(files) ? files : readReferencePolicy(files);
  const name = request.user.name;
  const backendRoles = unique(request.user.backend_roles ?? []);
  const securityRoles = unique(request.user.roles ?? []);
  const attributes = request.user.attributes ?? {};
  const host = request.user.host ?? undefined;
  const tenant = request.tenant ?? undefined;
  const indices = request.indices && request.indices.length > 0 ? unique(request.indices) : undefined;

  // Plugin users (`plugin:…`) are not mapped (evaluation.md §8 item 2).
  const mapped = name.startsWith("plugin:") ? [] : mapRoles(policy, name, backendRoles, securityRoles, host);
  const roles = [...mapped].sort();
  // Pass-through actions (README rule 13), by their name as requested.
  if (request.action === WHOAMI || request.action.startsWith("indices:admin/seq_no")) {
    note("pass-through");
    return { decision: "allow", roles, missing: [] };
  }
  const restApi = referenceRestApi(policy, request, roles, note);
  if (restApi !== undefined) return restApi;

  const action = evaluatedName(request.action);
  const user = { name, backendRoles, securityRoles: unique([...securityRoles, ...roles]), attributes, host };
  const ctx: Context = { policy, action, user, mapped, indices, tenant, note };
  if (decide(ctx)) return allowed(ctx, request, roles);
  const reason = `no permissions for [${action}] and User [name=${name}, backend_roles=[${backendRoles.join(", ")}], requestedTenant=${tenant ?? "null"}]`;
  return { decision: "deny", roles, reason, missing: [action] };
}

/** An action the security plugin allows, as DLS/FLS and the owning plugins then decide it. */
function allowed(ctx: Context, request: AuthorizationRequest, roles: string[]): Decision {
  // The DLS/FLS valve runs in the security filter, before the owning plugin sees the request.
  const restricted = referenceRestrictedDecision(ctx, request, roles);
  if (restricted?.decision === "deny") {
    ctx.note("dls/fls: the valve refuses");
    return restricted;
  }
  const refusal = referenceOwnershipRefusal(ctx.policy.settings, request, ctx.action, roles);
  if (refusal !== undefined) {
    ctx.note("ownership: owning plugin refuses");
    return { decision: "deny", roles, reason: refusal, missing: [] };
  }
  if (request.resource) ctx.note("ownership: owning plugin lets it through");
  return restricted ?? { decision: "allow", roles, missing: [] };
}

/** README rule 5, configuration.md §6. */
export function mapRoles(policy: ReferencePolicy, name: string, backendRoles: readonly string[], securityRoles: readonly string[], host: string | undefined): string[] {
  const roles = [...securityRoles];
  const add = (role: string) => {
    if (!roles.includes(role)) roles.push(role);
  };
  // The bare `*` matches even a user without backend roles (WildcardMatcher.ANY.matchAny).
  const someBackendRole = (pattern: string) => pattern === "*" || backendRoles.some((b) => patternMatches(pattern, b));
  const resolution = policy.settings.rolesMappingResolution;
  if (resolution === "MAPPING_ONLY" || resolution === "BOTH") {
    for (const [role, mapping] of policy.mappings) {
      if (strings(mapping.users).some((p) => patternMatches(p, name))) add(role);
      if (strings(mapping.backend_roles).some(someBackendRole)) add(role);
      const and = strings(mapping.and_backend_roles);
      if (and.length > 0 && and.every(someBackendRole)) add(role);
      if (host !== undefined && strings(mapping.hosts).some((p) => patternMatches(p, host))) add(role);
    }
  }
  if (resolution === "BACKENDROLES_ONLY" || resolution === "BOTH") for (const b of backendRoles) add(b);
  return roles;
}

/** The order of PrivilegesEvaluatorImpl.evaluate (evaluation.md §1b). */
function decide(ctx: Context): boolean {
  if (ctx.action === TOP_LEVEL_BULK && !ctx.tenant) {
    ctx.note("top-level bulk: cluster privilege");
    return hasClusterPrivilege(ctx);
  }
  const systemIndices = systemIndexAccess(ctx);
  if (systemIndices !== "continue") return systemIndices === "allow";
  if (isClusterAction(ctx.action)) {
    ctx.note("cluster: service account");
    if (isServiceAccount(ctx)) return false;
    ctx.note("cluster: privilege");
    if (!hasClusterPrivilege(ctx)) return false;
    if (dashboardsInterceptor(ctx) === "deny") return false;
    ctx.note("cluster: privilege");
    return true;
  }
  const tenantVerdict = dashboardsInterceptor(ctx);
  if (tenantVerdict !== "continue") return tenantVerdict === "grant";
  ctx.note(ctx.indices === undefined ? "index: privilege on all indices" : "index: privilege");
  return hasIndexPrivilege(ctx);
}

function isServiceAccount(ctx: Context): boolean {
  return ctx.user.attributes["attr.internal.service"] === "true";
}

/** Each defined role among the mapped ones. */
export function mappedRoleObjects(ctx: Context): Obj[] {
  const out: Obj[] = [];
  for (const name of ctx.mapped) {
    const role = ctx.policy.roles.get(name);
    if (role) out.push(role);
  }
  return out;
}

/** README rule 3: every string reachable by exact group name, the names themselves included. */
export function expandActions(policy: ReferencePolicy, names: readonly string[], visited: Set<string> = new Set()): Set<string> {
  for (const name of names) {
    if (visited.has(name)) continue;
    visited.add(name);
    const members = policy.actionGroups.get(name);
    if (members) expandActions(policy, members, visited);
  }
  return visited;
}

function hasClusterPrivilege(ctx: Context): boolean {
  for (const role of mappedRoleObjects(ctx)) {
    for (const pattern of expandActions(ctx.policy, strings(role.cluster_permissions))) {
      if (patternMatches(pattern, ctx.action)) return true;
    }
  }
  return false;
}

export function indexPermissions(role: Obj): Obj[] {
  return Array.isArray(role.index_permissions) ? (role.index_permissions as Obj[]).filter((p) => p !== null && typeof p === "object") : [];
}

/** Whether one index permission entry's actions include one matching `action` (optionally excluding the bare `*`). */
function entryGrantsAction(ctx: Context, entry: Obj, action: string, explicitOnly: boolean): boolean {
  for (const pattern of expandActions(ctx.policy, strings(entry.allowed_actions))) {
    if (explicitOnly && pattern === "*") continue;
    if (patternMatches(pattern, action)) return true;
  }
  return false;
}

function entryCoversIndex(ctx: Context, entry: Obj, index: string): boolean {
  return strings(entry.index_patterns).some((pattern) => rolePatternMatches(pattern, index, ctx.user));
}

/** README rule 7; a request naming no index needs a bare `*` index pattern (policyc's choice). */
function hasIndexPrivilege(ctx: Context): boolean {
  const roles = mappedRoleObjects(ctx);
  if (ctx.indices === undefined) {
    for (const role of roles) {
      for (const entry of indexPermissions(role)) {
        if (!entryGrantsAction(ctx, entry, ctx.action, false)) continue;
        for (const pattern of strings(entry.index_patterns)) {
          if ((isTemplate(pattern) ? renderAttributes(pattern, ctx.user) : pattern) === "*") return true;
        }
      }
    }
    return false;
  }
  for (const index of ctx.indices) {
    let granted = false;
    for (const role of roles) {
      for (const entry of indexPermissions(role)) {
        if (entryGrantsAction(ctx, entry, ctx.action, false) && entryCoversIndex(ctx, entry, index)) granted = true;
      }
    }
    if (!granted) return false;
  }
  return true;
}

/** `system:admin/system_index` granted on the index by that name or an action pattern other than the bare `*`. */
function hasExplicitSystemIndexPrivilege(ctx: Context, index: string): boolean {
  for (const role of mappedRoleObjects(ctx)) {
    for (const entry of indexPermissions(role)) {
      if (entryGrantsAction(ctx, entry, SYSTEM_INDEX_PERMISSION, true) && entryCoversIndex(ctx, entry, index)) return true;
    }
  }
  return false;
}

function isSystemIndex(ctx: Context, index: string): boolean {
  if (index === SECURITY_INDEX) return true;
  const settings = ctx.policy.settings;
  return settings.systemIndicesEnabled && settings.systemIndices.some((pattern) => patternMatches(pattern, index));
}

/**
 * SystemIndexAccessEvaluator.evaluateSystemIndicesAccess (README rule 9,
 * evaluation.md §2c–e, §8 items 1, 2, 9), in its order: (a) the permission
 * feature's checks, (b) plugin users, (c) protected actions.
 */
function systemIndexAccess(ctx: Context): "allow" | "deny" | "continue" {
  const { action, indices } = ctx;
  const settings = ctx.policy.settings;
  const cluster = isClusterAction(action);
  const isProtected = isProtectedAction(action);
  const containsSystemIndex = indices !== undefined && indices.some((index) => isSystemIndex(ctx, index));

  // (a) Permission feature on; the gate skips cluster actions (but restore), the PIT read-all action and
  // non-protected actions on all indices.
  const gate = action !== "indices:data/read/point_in_time/readall" && (isProtected || indices !== undefined);
  if (settings.systemIndexPermissionEnabled && (!cluster || action === "cluster:admin/snapshot/restore") && gate && indices !== undefined) {
    ctx.note("system index: service account on a regular index");
    if (isServiceAccount(ctx) && indices.some((index) => !isSystemIndex(ctx, index))) return "deny";
    ctx.note("system index: security index");
    if (indices.includes(SECURITY_INDEX)) return "deny";
    ctx.note("system index: explicit system:admin/system_index");
    if (containsSystemIndex && !indices.every((index) => hasExplicitSystemIndexPrivilege(ctx, index))) return "deny";
  }

  // (b) Plugin users, index actions only. No plugin registers system indices in this model, so with system
  // indices enabled a named request goes on (and an unknown "all" one may contain other system indices).
  if (ctx.user.name.startsWith("plugin:") && !cluster) {
    ctx.note("system index: plugin user");
    if (!settings.systemIndicesEnabled) return "allow";
    if (indices === undefined) return "deny";
  }

  // (c) Protected actions: never on all indices; on a system index only with the feature on.
  if (isProtected) {
    ctx.note("system index: protected action on all indices");
    if (indices === undefined) return "deny";
    ctx.note("system index: protected action, permission feature off");
    if (containsSystemIndex && !settings.systemIndexPermissionEnabled) return "deny";
  }
  return "continue";
}

/** Java's String.hashCode. */
function javaHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

/** PrivilegesInterceptor.toUserIndexName. */
export function tenantIndexName(dashboardsIndex: string, tenant: string): string {
  return `${dashboardsIndex}_${javaHashCode(tenant)}_${tenant.toLowerCase().replace(/[^a-z0-9]+/g, "")}`;
}

/** PrivilegesInterceptor.replaceDashboardsIndex (evaluation.md §5). */
export function dashboardsInterceptor(ctx: Context): "grant" | "deny" | "continue" {
  const settings = ctx.policy.settings;
  if (!settings.multitenancyEnabled) return "continue";
  let tenant = ctx.tenant;
  ctx.note("tenant: private tenant disabled");
  if (tenant === PRIVATE_TENANT && !settings.privateTenantEnabled) return "deny";
  const regularUser = ctx.user.name !== settings.serverUsername;
  const indices = ctx.indices;
  const dashboardsIndexOnly = regularUser && indices !== undefined && indices.length === 1 && indices[0] === settings.dashboardsIndex;
  const write = needsTenantWrite(ctx.action);
  if (tenant === undefined || tenant === "") {
    ctx.note(`tenant: no tenant, global tenant ${write ? "write" : "read"}`);
    return dashboardsIndexOnly && !hasTenantPrivilege(ctx, GLOBAL_TENANT, write) ? "deny" : "continue";
  }
  let isPrivate = false;
  if (tenant === PRIVATE_TENANT || tenant === ctx.user.name) {
    tenant = ctx.user.name; // the private tenant's index is named after the user
    isPrivate = true;
  }
  if (regularUser && indices !== undefined) {
    if (indices.length === 1 && indices[0]!.startsWith(tenantIndexName(settings.dashboardsIndex, tenant))) {
      ctx.note(`tenant: own tenant index${isPrivate ? " (private)" : ""}`);
      if (isPrivate || hasTenantPrivilege(ctx, tenant, write)) return "grant";
    }
  }
  if (dashboardsIndexOnly) {
    ctx.note(`tenant: ${isPrivate ? "private tenant" : `tenant ${write ? "write" : "read"}`}`);
    return !isPrivate && !hasTenantPrivilege(ctx, tenant, write) ? "deny" : "grant";
  }
  ctx.note("tenant: other tenant index with a tenant");
  if (regularUser && indices !== undefined && indices.some((index) => index.startsWith(`${settings.dashboardsIndex}_`))) return "deny";
  return "continue";
}

/** TenantPrivileges.hasTenantPrivilege (README rule 10, evaluation.md §5). */
export function hasTenantPrivilege(ctx: Context, tenant: string, write: boolean): boolean {
  const defined = ctx.policy.tenants.includes(tenant);
  let staticRead = false;
  let staticWrite = false;
  let dynamicRead = false;
  let dynamicWrite = false;
  for (const role of mappedRoleObjects(ctx)) {
    const permissions = Array.isArray(role.tenant_permissions) ? (role.tenant_permissions as Obj[]) : [];
    // An invalid static pattern makes the plugin ignore the rest of the role ("Ignoring role").
    readRole: for (const permission of permissions) {
      if (permission === null || typeof permission !== "object") continue;
      const readWrite = expandActions(ctx.policy, strings(permission.allowed_actions)).has(TENANT_WRITE);
      for (const pattern of strings(permission.tenant_patterns)) {
        if (isTemplate(pattern)) {
          if (!defined) continue;
          if (rolePatternMatches(pattern, tenant, ctx.user)) {
            dynamicRead = true;
            if (readWrite) dynamicWrite = true;
          }
          continue;
        }
        if (isInvalidPattern(pattern)) break readRole;
        // Static patterns are matched against the defined tenant names only.
        if (defined && patternMatches(pattern, tenant)) {
          staticRead = true;
          if (readWrite) staticWrite = true;
        }
      }
    }
  }
  if (write ? staticWrite : staticRead) return true;
  if (!defined) return false;
  if (write ? dynamicWrite : dynamicRead) return true;
  // Legacy quirk: kibana_user gets the global tenant unless one of the user's roles grants it statically.
  if (tenant === GLOBAL_TENANT && ctx.mapped.includes("kibana_user") && !staticRead) {
    ctx.note("tenant: kibana_user quirk");
    return true;
  }
  return false;
}
