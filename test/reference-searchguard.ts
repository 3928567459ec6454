/**
 * A reference evaluator for Search Guard FLX policies, for property tests:
 * decides a request straight from the sg_*.yml texts, written plainly from
 * the 13 rules of /work/shared/searchguard-reference/README.md and
 * independent of the compiler and the runtime. It reads the YAML with
 * js-yaml, adds data/searchguard/static_*.yml itself (static entries win),
 * and at every request loops over roles, entries and patterns.
 *
 * Shared with the OpenSearch reference: `patternMatches` (the pattern
 * language is the same). Scope: templates `${user.name}`, `${user_name}` and
 * `${user.attrs.NAME}` with string values (a missing one makes its pattern
 * grant nothing); pipes and fallbacks are left to the unit tests. Settings:
 * sg_authz.yml `role_mapping.resolution_mode`, sg_frontend_multi_tenancy.yml
 * `enabled` / `global_tenant_enabled`, and the default admin-only lists.
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import type { AuthorizationRequest, Decision } from "../src/table/request.js";
import { OutsideSubsetError, patternMatches, type PolicyTexts } from "./reference-evaluator.js";

type Obj = Record<string, unknown>;

export interface SgReferencePolicy {
  readonly groups: Obj;
  readonly roles: Obj;
  readonly mappings: Obj;
  readonly tenants: readonly string[];
  readonly mode: string;
  readonly multitenancy: boolean;
  readonly globalTenant: boolean;
}

const STATIC = new URL("../data/searchguard/", import.meta.url);
const GLOBAL = "SGS_GLOBAL_TENANT";
const ADMIN_ONLY_INDICES = ["searchguard", ".searchguard", ".searchguard_*", ".signals_watches*", ".signals_accounts", ".signals_settings", ".signals_truststores", ".signals_proxies"];
const ADMIN_ONLY_ACTIONS = ["cluster:admin:searchguard:config/*", "cluster:admin:searchguard:internal/*"];
const OPEN_ACTIONS = [
  "cluster:admin/searchguard/license/info",
  "cluster:admin/searchguard/whoami",
  "indices:admin/seq_no/add_retention_lease",
  "indices:admin/seq_no/renew_retention_lease",
  "indices:admin/seq_no/remove_retention_lease",
  "cluster:admin:searchguard:session/_own/delete",
];
const CLUSTER_NAMES = [
  "indices:data/read/mget", "indices:data/write/bulk", "indices:data/read/scroll", "indices:data/read/scroll/clear",
  "indices:data/read/msearch", "indices:data/read/mtv", "indices:data/read/search/template", "indices:data/read/msearch/template",
  "indices:data/write/reindex", "indices:admin/template/put", "indices:admin/template/get", "indices:admin/template/delete",
  "indices:admin/index_template/put", "indices:admin/index_template/get", "indices:admin/index_template/delete",
  "indices:admin/index_template/simulate", "indices:admin/index_template/simulate_index", "indices:monitor/recovery",
  "indices:data/read/close_point_in_time", "indices:data/read/async_search/submit", "indices:data/read/async_search/get",
  "indices:data/read/async_search/delete", "indices:searchguard:async_search/_all_owners", "indices:data/read/sql",
  "indices:data/read/sql/translate", "indices:data/read/sql/close_cursor", "indices:data/read/sql/async/get",
];

function yamlObject(text: string | undefined): Obj {
  const value = text === undefined ? undefined : load(text);
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value as Obj).filter(([key]) => !key.startsWith("_sg")));
}

function staticFile(name: string): Obj {
  return yamlObject(readFileSync(new URL(name, STATIC), "utf8"));
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Reads the texts of a Search Guard configuration directory; static entries replace custom ones of the same name. */
export function readSgReferencePolicy(files: PolicyTexts): SgReferencePolicy {
  const authz = yamlObject(files["sg_authz.yml"]);
  const mt = yamlObject(files["sg_frontend_multi_tenancy.yml"]);
  const tenants = { ...yamlObject(files["sg_tenants.yml"]), ...staticFile("static_tenants.yml") };
  return {
    groups: { ...yamlObject(files["sg_action_groups.yml"]), ...staticFile("static_action_groups.yml") },
    roles: { ...yamlObject(files["sg_roles.yml"]), ...staticFile("static_roles.yml") },
    mappings: yamlObject(files["sg_roles_mapping.yml"]),
    tenants: Object.keys(tenants),
    mode: String(authz["role_mapping.resolution_mode"] ?? (authz["role_mapping"] as Obj | undefined)?.["resolution_mode"] ?? "MAPPING_ONLY"),
    multitenancy: mt["enabled"] === true,
    globalTenant: mt["global_tenant_enabled"] !== false,
  };
}

/** Rule 3: a name and, when it is a group, every member reached through groups; unknown names stay literal. */
function expand(policy: SgReferencePolicy, names: readonly string[], seen: Set<string> = new Set()): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    out.add(name);
    const group = policy.groups[name] as Obj | undefined;
    if (group === undefined || seen.has(name)) continue;
    seen.add(name);
    for (const member of expand(policy, list(group["allowed_actions"]), seen)) out.add(member);
  }
  return out;
}

function isConstantPattern(p: string): boolean {
  return p !== "*" && !(p.length > 1 && p.startsWith("/") && p.endsWith("/")) && !p.includes("*") && !p.includes("?");
}

/** Rule 5. */
function effectiveRoles(policy: SgReferencePolicy, user: AuthorizationRequest["user"]): string[] {
  const backend = user.backend_roles ?? [];
  const roles = new Set(user.roles ?? []);
  if (policy.mode !== "BACKENDROLES_ONLY") {
    for (const [role, value] of Object.entries(policy.mappings)) {
      const m = value as Obj;
      const and = list(m["and_backend_roles"]);
      const host = user.host;
      if (
        list(m["users"]).some((p) => patternMatches(p, user.name)) ||
        list(m["backend_roles"]).some((p) => backend.some((b) => patternMatches(p, b))) ||
        (and.length > 0 && and.every((p) => backend.some((b) => patternMatches(p, b)))) ||
        (host !== undefined && list(m["hosts"]).some((p) => patternMatches(p, host))) ||
        (host !== undefined && list(m["ips"]).some((range) => ipv4InRange(host, range)))
      ) {
        roles.add(role);
      }
    }
  }
  if (policy.mode !== "MAPPING_ONLY") for (const b of backend) roles.add(b);
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** IPv4 only: the property test generates IPv4 ranges. */
function ipv4InRange(ip: string, range: string): boolean {
  const [net, bits] = range.includes("/") ? range.split("/") : [range, "32"];
  const toNumber = (text: string) => text.split(".").reduce((n, part) => n * 256 + Number(part), 0);
  const prefix = Number(bits);
  const size = 2 ** (32 - prefix);
  return ip.split(".").length === 4 && Math.floor(toNumber(ip) / size) === Math.floor(toNumber(net!) / size);
}

/** Rule 9 (subset): the rendered pattern, or undefined when an attribute is missing. */
function render(pattern: string, user: AuthorizationRequest["user"]): string | undefined {
  let missing = false;
  const out = pattern.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.includes("|") || name.includes("?:")) throw new OutsideSubsetError(`template ${whole}`);
    if (name === "user.name" || name === "user_name") return user.name;
    if (name.startsWith("user.attrs.")) {
      const value = (user.attributes as Record<string, unknown> | undefined)?.[name.slice("user.attrs.".length)];
      if (typeof value === "string") return value;
      missing = true;
      return "";
    }
    return whole;
  });
  return missing ? undefined : out;
}

/** Rule 4: does the pattern list of one entry grant the name? */
function entryPatternsGrant(patterns: readonly string[], name: string, user: AuthorizationRequest["user"]): boolean {
  const constants = patterns.filter((p) => !p.includes("${"));
  const firstPositive = constants.findIndex((p) => !p.startsWith("-"));
  const kept = firstPositive < 0 ? [] : constants.slice(firstPositive);
  const negatedConstant = kept.some((p) => p.startsWith("-") && patternMatches(p.slice(1), name));
  if (!negatedConstant && kept.some((p) => !p.startsWith("-") && patternMatches(p, name))) return true;
  return patterns.some((p, i) => {
    if (!p.includes("${")) return false;
    const rendered = render(p, user);
    if (rendered === undefined || !patternMatches(rendered, name)) return false;
    return !patterns.slice(i + 1).some((n) => n.startsWith("-") && !n.includes("${") && patternMatches(n.slice(1), name));
  });
}

function entries(role: Obj, key: string): Obj[] {
  return Array.isArray(role[key]) ? (role[key] as Obj[]) : [];
}

function scopeOf(action: string): "cluster" | "tenant" | "index" {
  if (CLUSTER_NAMES.includes(action)) return "cluster";
  if (action === "kibana:saved_objects/_/read" || action === "kibana:saved_objects/_/write") return "tenant";
  if (action.startsWith("indices:admin/data_stream/")) return "index";
  if (action.startsWith("cluster:admin:searchguard:tenant:") || action.startsWith("kibana:saved_objects/")) return "tenant";
  if (action.startsWith("searchguard:cluster:") || action.startsWith("cluster:")) return "cluster";
  return "index";
}

function actionsGrant(policy: SgReferencePolicy, allowed: unknown, action: string): boolean {
  return [...expand(policy, list(allowed))].some((p) => patternMatches(p, action));
}

/** Index, alias and data-stream entries alike: policyc matches requested names as given (no cluster state). */
function allEntries(role: Obj): { patterns: string[]; actions: unknown }[] {
  return [
    ...entries(role, "index_permissions").map((e) => ({ patterns: list(e["index_patterns"]), actions: e["allowed_actions"] })),
    ...entries(role, "alias_permissions").map((e) => ({ patterns: list(e["alias_patterns"]), actions: e["allowed_actions"] })),
    ...entries(role, "data_stream_permissions").map((e) => ({ patterns: list(e["data_stream_patterns"]), actions: e["allowed_actions"] })),
  ];
}

/** A request naming no index means all indices: only `*` with no negation after it covers them. */
function coversEverything(patterns: readonly string[]): boolean {
  const constants = patterns.filter((p) => !p.includes("${"));
  const kept = constants.slice(Math.max(0, constants.findIndex((p) => !p.startsWith("-"))));
  return kept.includes("*") && !kept.some((p) => p.startsWith("-"));
}

function indexCellGranted(policy: SgReferencePolicy, roles: readonly Obj[], index: string, action: string, user: AuthorizationRequest["user"]): boolean {
  if (ADMIN_ONLY_INDICES.some((p) => patternMatches(p, index))) return false;
  return roles.some((role) => allEntries(role).some((e) => actionsGrant(policy, e.actions, action) && entryPatternsGrant(e.patterns, index, user)));
}

function tenantGranted(policy: SgReferencePolicy, roles: readonly Obj[], action: string, tenant: string, user: AuthorizationRequest["user"]): boolean {
  if (!policy.multitenancy && tenant !== GLOBAL) return false;
  const granting = roles.flatMap((role) => entries(role, "tenant_permissions")).filter((entry) => actionsGrant(policy, entry["allowed_actions"], action));
  const patterns = granting.flatMap((entry) => list(entry["tenant_patterns"]));
  const defined = policy.tenants.includes(tenant);
  if (defined && patterns.some((p) => !p.includes("${") && patternMatches(p, tenant))) return true;
  const valid = tenant === GLOBAL ? !policy.multitenancy || policy.globalTenant : policy.multitenancy && defined;
  if (!valid) return false;
  return patterns.some((p) => {
    if (!p.includes("${")) return false;
    const rendered = render(p, user);
    return rendered !== undefined && patternMatches(rendered, tenant);
  });
}

/** Decides one request by rules 5–12. */
export function referenceSgAuthorize(policy: SgReferencePolicy, request: AuthorizationRequest): Decision {
  const names = effectiveRoles(policy, request.user);
  const roles = names.flatMap((name) => (policy.roles[name] === undefined ? [] : [policy.roles[name] as Obj]));
  const action = request.action;
  const deny = (missing: string[]): Decision => ({ decision: "deny", roles: names, reason: "Insufficient permissions", missing });
  const allow: Decision = { decision: "allow", roles: names, missing: [] };
  if (ADMIN_ONLY_ACTIONS.some((p) => patternMatches(p, action))) return deny([action]);
  if (OPEN_ACTIONS.includes(action)) return allow;
  const scope = scopeOf(action);
  if (scope === "cluster") {
    const clusterPatterns = (role: Obj, key: string) => [...expand(policy, list(role[key]))].filter((p) => !isConstantPattern(p) || p.includes(":"));
    if (roles.some((role) => clusterPatterns(role, "exclude_cluster_permissions").some((p) => patternMatches(p, action)))) return deny([action]);
    if (!roles.some((role) => clusterPatterns(role, "cluster_permissions").some((p) => patternMatches(p, action)))) return deny([action]);
    if (action === "cluster:admin/snapshot/restore" && (request.indices?.length ?? 0) > 0) return indexDecision(["indices:admin/create", "indices:data/write/index"]);
    return allow;
  }
  if (scope === "tenant") return tenantGranted(policy, roles, action, request.tenant || GLOBAL, request.user) ? allow : deny([action]);
  return indexDecision(action === "indices:admin/shards/search_shards" ? [action, "indices:data/read/search"] : [action]);

  function indexDecision(actions: string[]): Decision {
    const indices = request.indices ?? [];
    if (indices.length === 0) {
      const universal = (a: string) => roles.some((role) => allEntries(role).some((e) => actionsGrant(policy, e.actions, a) && coversEverything(e.patterns)));
      const missing = actions.filter((a) => !universal(a));
      return missing.length ? deny(missing) : allow;
    }
    const missing = indices.flatMap((index) => actions.filter((a) => !indexCellGranted(policy, roles, index, a, request.user)).map((a) => `${index}: ${a}`));
    return missing.length ? deny(missing) : allow;
  }
}
