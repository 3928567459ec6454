/**
 * casbin (node-casbin) encoding: the RBAC model. Users are linked to their
 * backend roles and to the roles mapped to them by name, backend roles to
 * their mapped roles (`g` lines; the role manager resolves the chain). One
 * `p` line per role's cluster permissions and per index permission entry,
 * with every pattern of the line folded into one anchored regex (fewer lines
 * is what makes casbin faster: its matcher is re-evaluated per line). The
 * matcher tests the cheap kind first, then the role link, then the regexes.
 */
import { newEnforcer, newModelFromString, StringAdapter, type Enforcer } from "casbin";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { FEATURE_ATTR } from "../workload/requests.js";
import type { BenchPolicy, BenchRole } from "../workload/policy.js";
import type { Engine, EngineContext } from "./engine.js";
import { anchoredAlternation, indexPatternSource, splitActions, wildcardSource } from "./peer-patterns.js";

const MODEL = `
[request_definition]
r = sub, kind, obj, act

[policy_definition]
p = sub, kind, obj, act

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.kind == p.kind && g(r.sub, p.sub) && regexMatch(r.act, p.act) && (r.kind == "cluster" || regexMatch(r.obj, p.obj))
`;

function csvLine(fields: readonly string[]): string {
  return fields.map((field) => `"${field}"`).join(", ");
}

function actionRegex(items: readonly string[], policy: BenchPolicy): string | undefined {
  const { exact, wildcards } = splitActions(items, policy);
  const sources = [...exact, ...wildcards].map(wildcardSource);
  return sources.length > 0 ? anchoredAlternation(sources) : undefined;
}

function roleLines(role: BenchRole, policy: BenchPolicy): string[] {
  const lines: string[] = [];
  const cluster = actionRegex(role.cluster, policy);
  if (cluster) lines.push(csvLine(["p", role.name, "cluster", "-", cluster]));
  for (const entry of role.index) {
    const indexSources = entry.patterns.flatMap((pattern) => indexPatternSource(pattern) ?? []);
    const actions = actionRegex(entry.actions, policy);
    if (indexSources.length > 0 && actions) lines.push(csvLine(["p", role.name, "index", anchoredAlternation(indexSources), actions]));
  }
  return lines;
}

function groupingLines(policy: BenchPolicy): string[] {
  const lines: string[] = [];
  for (const user of policy.users) for (const backendRole of user.backendRoles) lines.push(csvLine(["g", user.name, `backend:${backendRole}`]));
  for (const mapping of policy.mappings) {
    for (const user of mapping.users) lines.push(csvLine(["g", user, mapping.role]));
    for (const backendRole of mapping.backendRoles) lines.push(csvLine(["g", `backend:${backendRole}`, mapping.role]));
  }
  return lines;
}

/** The policy as casbin CSV lines. */
export function casbinPolicyText(policy: BenchPolicy): string {
  return [...policy.roles.flatMap((role) => roleLines(role, policy)), ...groupingLines(policy)].join("\n");
}

export async function casbinEngine(context: EngineContext): Promise<Engine> {
  const policy = context.workload.policy;
  const enforcer: Enforcer = await newEnforcer(newModelFromString(MODEL), new StringAdapter(casbinPolicyText(policy)));
  const check = (request: AuthorizationRequest): boolean => {
    const user = request.user.name;
    if (request.indices === undefined) return enforcer.enforceSync(user, "cluster", "-", request.action);
    return request.indices.every((index) => enforcer.enforceSync(user, "index", index, request.action));
  };
  return {
    name: "casbin",
    check,
    unsupported: FEATURE_ATTR,
    decides: true,
    notes: [
      "RBAC model: `g` links user -> backend role -> role and user -> role (the workload's users always carry the same backend roles, so they are loaded as links); one `p` line per role's cluster permissions and per index entry, each with one anchored regex for its index patterns and one for its actions; matcher `r.kind == p.kind && g(r.sub, p.sub) && regexMatch(act) && regexMatch(obj)`",
      "cannot express `${attr.…}` index patterns (matchers cannot render a template per user): attribute-substituted requests are left out of its streams and those patterns out of its policy",
      "a multi-index request is one enforceSync per index",
    ],
  };
}
