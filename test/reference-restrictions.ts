/**
 * The reference evaluator's DLS/FLS/masking step (README rule 11), written
 * plainly from the plugin's rules (DlsFlsValveImpl.invoke and
 * AbstractRuleBasedPrivileges isUnrestricted/getRestriction, restated in
 * src/runtime/restrictions*.ts) straight from the YAML role objects: at every
 * request it loops over the user's roles and their index permissions; no
 * tables, no caches. Shares nothing with the runtime but the request and
 * decision types.
 *
 * Within the reference's scope (see reference-evaluator.ts) the JSON of a
 * rendered query is read with `JSON.parse`, which, unlike the plugin's
 * parser, refuses comments and text after the query and keeps the last of
 * duplicate keys: no generated query or attribute value has any of these.
 */
import type { AuthorizationRequest, Decision, IndexRestrictions, JsonValue } from "../src/table/request.js";
import { dashboardsInterceptor, indexPermissions, isInvalidPattern, isTemplate, mappedRoleObjects, patternMatches, renderAttributes, rolePatternMatches, strings, type Context } from "./reference-evaluator.js";

type Obj = Record<string, unknown>;
type Kind = "dls" | "fls" | "masked_fields";
const KINDS: readonly Kind[] = ["dls", "fls", "masked_fields"];

const NOT_SUPPORTED = " is not supported when FLS or DLS or Fieldmasking is activated";

/** An entry of an index permission list, with the role it belongs to. */
interface Entry {
  readonly role: number;
  readonly permission: Obj;
}

/** The decision of an allowed request as the DLS/FLS valve leaves it; undefined when it does not touch it. */
export function referenceRestrictedDecision(ctx: Context, request: AuthorizationRequest, roles: string[]): Decision | undefined {
  const indices = ctx.indices;
  if (indices === undefined || !valveApplies(ctx.action) || tenantRedirected(ctx, request)) return undefined;
  const roleObjects = mappedRoleObjects(ctx);
  if (!roleObjects.some((role) => indexPermissions(role).some((p) => hasUsablePattern(p) && KINDS.some((kind) => hasRule(p, kind))))) return undefined;
  const outcomes = indices.map((index) => indexOutcome(ctx, roleObjects, index, roles));
  if (outcomes.some((outcome) => outcome.restricted)) {
    const refusal = outcomes.some((outcome) => outcome.restrictions === undefined) ? "Error while evaluating DLS/FLS privileges" : refusalOf(ctx);
    if (refusal !== undefined) return { decision: "deny", roles, reason: refusal, missing: [] };
  }
  const restrictions: Record<string, IndexRestrictions> = {};
  indices.forEach((index, i) => Object.defineProperty(restrictions, index, { value: outcomes[i]!.restrictions, enumerable: true }));
  return { decision: "allow", roles, missing: [], restrictions };
}

/** DlsFlsValveImpl.isApplicable. */
function valveApplies(action: string): boolean {
  if (action.startsWith("cluster:") || action.startsWith("indices:admin/template/") || action.startsWith("indices:admin/index_template/")) return false;
  return !["indices:data/write/bulk", "indices:data/read/msearch", "indices:data/read/search/template/render", "indices:data/write/reindex"].includes(action);
}

/** A request to the Dashboards index granted by a tenant is rewritten and allow-listed: the valve lets it pass. */
function tenantRedirected(ctx: Context, request: AuthorizationRequest): boolean {
  if (!request.tenant || ctx.indices?.length !== 1 || ctx.indices[0] !== ctx.policy.settings.dashboardsIndex) return false;
  return dashboardsInterceptor({ ...ctx, note: () => {} }) === "grant";
}

function refusalOf(ctx: Context): string | undefined {
  const action = ctx.action;
  if (action === "indices:data/write/update") return `Update${NOT_SUPPORTED}`;
  if (ctx.policy.settings.dlsWriteBlocked) {
    if (action === "indices:data/write/index") return `IndexRequest${NOT_SUPPORTED}`;
    if (action === "indices:data/write/delete") return `DeleteRequest${NOT_SUPPORTED}`;
    if (action === "indices:data/write/bulk[s]") return `DocWriteRequest${NOT_SUPPORTED}`;
  }
  if (action === "indices:admin/resize" || action === "indices:admin/shrink") return `Resize${NOT_SUPPORTED}`;
  if (action.includes("plugins/replication")) return `Cross Cluster Replication${NOT_SUPPORTED}`;
  return undefined;
}

function hasRule(permission: Obj, kind: Kind): boolean {
  if (kind === "dls") return permission.dls !== undefined && permission.dls !== null && String(permission.dls).trim() !== "";
  return strings(kind === "fls" ? permission.fls : permission.masked_fields).length > 0;
}

/** An entry without a pattern the plugin can use matches nothing: its rules restrict nothing and do not count. */
function hasUsablePattern(permission: Obj): boolean {
  // A template is read only after rendering (README rule 8), so it always counts.
  return strings(permission.index_patterns).some((pattern) => isTemplate(pattern) || (pattern.trim() !== "" && !isInvalidPattern(pattern)));
}

function isWildcard(permission: Obj): boolean {
  return strings(permission.index_patterns).includes("*");
}

interface Outcome {
  readonly restricted: boolean;
  readonly restrictions: IndexRestrictions | undefined;
}

function indexOutcome(ctx: Context, roleObjects: readonly Obj[], index: string, roles: readonly string[]): Outcome {
  const joins = KINDS.map((kind) => join(ctx, roleObjects, index, kind));
  const dls = dlsValue(ctx, joins[0]!.rules, roles);
  const restricted = joins.some((j) => j.restricted);
  if (dls === undefined) return { restricted, restrictions: undefined };
  return { restricted, restrictions: { dls, fls: flsValue(joins[1]!.rules), masked_fields: maskValue(joins[2]!.rules) } };
}

/** One kind for one index: isUnrestricted (negated) and getRestriction. */
function join(ctx: Context, roleObjects: readonly Obj[], index: string, kind: Kind): { restricted: boolean; rules: Obj[] | undefined } {
  const dfm = ctx.policy.settings.dfmEmptyOverridesAll;
  const entries: Entry[] = roleObjects.flatMap((role, r) => indexPermissions(role).map((permission) => ({ role: r, permission })));
  const wildcardWithoutRule = entries.some((e) => isWildcard(e.permission) && !hasRule(e.permission, kind));
  // Per role the last wildcard entry with a rule.
  const wildcardRules = roleObjects.flatMap((_, r) => entries.filter((e) => e.role === r && isWildcard(e.permission) && hasRule(e.permission, kind)).slice(-1));
  const explicit = entries.filter((e) => !isWildcard(e.permission));
  const matching = explicit.filter((e) => staticMatches(e.permission, index) || templateMatches(ctx, e.permission, index));
  const unrestrictedExplicit = matching.some((e) => !hasRule(e.permission, kind));
  const restrictedExplicit = matching.some((e) => hasRule(e.permission, kind));

  let restricted: boolean;
  if (dfm && wildcardWithoutRule) restricted = false;
  else if (wildcardRules.length > 0) restricted = true;
  else if (matching.length === 0) restricted = false; // policyc's choice: an index no entry matches is unrestricted
  else if (dfm) restricted = !unrestrictedExplicit;
  else restricted = restrictedExplicit || (!wildcardWithoutRule && !unrestrictedExplicit);

  if (dfm && (wildcardWithoutRule || unrestrictedExplicit)) return { restricted, rules: undefined };
  const rules = new Set<Obj>(wildcardRules.map((e) => e.permission));
  roleObjects.forEach((_, r) => {
    const own = explicit.filter((e) => e.role === r && hasRule(e.permission, kind));
    // Plain patterns: the role's last matching entry with a rule.
    const lastStatic = own.filter((e) => staticMatches(e.permission, index)).pop();
    if (lastStatic) rules.add(lastStatic.permission);
    // Templates: by the entry's template list, a later entry replacing an earlier one.
    const byTemplates = new Map<string, Obj>();
    for (const e of own) {
      const templates = strings(e.permission.index_patterns).filter(isTemplate);
      if (templates.length > 0) byTemplates.set(JSON.stringify(templates), e.permission);
    }
    for (const permission of byTemplates.values()) if (templateMatches(ctx, permission, index)) rules.add(permission);
  });
  return { restricted, rules: rules.size === 0 ? undefined : [...rules] };
}

function staticMatches(permission: Obj, index: string): boolean {
  return strings(permission.index_patterns).some((p) => !isTemplate(p) && patternMatches(p, index));
}

function templateMatches(ctx: Context, permission: Obj, index: string): boolean {
  return strings(permission.index_patterns).some((p) => isTemplate(p) && rolePatternMatches(p, index, ctx.user));
}

/** The OR of the rules' queries; undefined when one cannot be evaluated. */
function dlsValue(ctx: Context, rules: Obj[] | undefined, roles: readonly string[]): JsonValue | undefined {
  if (rules === undefined) return null;
  const queries = new Map<string, JsonValue>();
  for (const rule of rules) {
    let text = String(rule.dls);
    if (isTemplate(text)) {
      text = renderAttributes(text, { ...ctx.user, securityRoles: roles });
      if (isTemplate(text)) return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isQuery(value)) return undefined;
    const sorted = sortKeys(value as JsonValue);
    queries.set(JSON.stringify(sorted), sorted);
  }
  const ordered = [...queries.keys()].sort(codeUnitOrder).map((key) => queries.get(key)!);
  return ordered.length === 1 ? ordered[0]! : { bool: { minimum_should_match: 1, should: ordered } };
}

/** `{"<name>": {…}}`: one member whose value is an object. */
function isQuery(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const members = Object.values(value);
  return members.length === 1 && members[0] !== null && typeof members[0] === "object" && !Array.isArray(members[0]);
}

function sortKeys(value: JsonValue): JsonValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value).sort(codeUnitOrder)) out[key] = sortKeys((value as Record<string, JsonValue>)[key]!);
  return out;
}

function flsValue(rules: Obj[] | undefined): IndexRestrictions["fls"] {
  if (rules === undefined) return null;
  const fields = rules.flatMap((rule) => strings(rule.fls));
  const excluded = fields.filter((f) => f.startsWith("~") || f.startsWith("!")).map((f) => f.slice(1));
  if (excluded.length > 0) return { exclude: distinctSorted(excluded) };
  return fields.includes("*") ? null : { include: distinctSorted(fields) };
}

function maskValue(rules: Obj[] | undefined): string[] | null {
  return rules === undefined ? null : distinctSorted(rules.flatMap((rule) => strings(rule.masked_fields)));
}

function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(codeUnitOrder);
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
