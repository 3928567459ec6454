/**
 * Cedar (@cedar-policy/cedar-wasm, `nodejs` entry) encoding: one `permit`
 * per role, scoped to the role, whose condition is the disjunction of its
 * cluster permissions and index entries (actions: `action in [...]` and
 * `context.action like …`; indices: `context.index == …` / `like …`).
 * Roles are `Role` entities; a request's
 * entities are the user (parents: roles mapped by name and its backend
 * roles) and its backend roles (parents: their mapped roles). The policy set
 * is parsed once (`preparsePolicySet`, in chunks), requests use
 * `statefulIsAuthorized`.
 */
import { preparsePolicySet, statefulIsAuthorized, type EntityJson } from "@cedar-policy/cedar-wasm/nodejs";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { FEATURE_ATTR, FEATURE_QMARK, FEATURE_REGEX } from "../workload/requests.js";
import type { BenchIndexEntry, BenchPolicy, BenchRole } from "../workload/policy.js";
import type { Engine, EngineContext } from "./engine.js";
import { roleDirectory, splitActions, type RoleDirectory } from "./peer-patterns.js";

const POLICY_SET_ID = "policyc-bench";
const CHUNK = 1000;

function literal(text: string): string {
  return JSON.stringify(text);
}

/** `context.<field> == "x"` or `like "x*"`; only `*` wildcards exist in Cedar. */
function matchExpression(field: string, pattern: string): string {
  return pattern.includes("*") ? `context.${field} like ${literal(pattern)}` : `context.${field} == ${literal(pattern)}`;
}

/** Whether the request's action is one of the items: `action in [...]` for names, `like` for wildcards. */
function actionCondition(items: readonly string[], policy: BenchPolicy): string | undefined {
  const { exact, wildcards } = splitActions(items, policy);
  const parts = wildcards.map((pattern) => matchExpression("action", pattern));
  if (exact.length > 0) parts.unshift(`action in [${exact.map((name) => `Action::${literal(name)}`).join(", ")}]`);
  return parts.length > 0 ? parts.join(" || ") : undefined;
}

/** The entry's condition over the index patterns Cedar can express (names and `*`). */
function entryCondition(entry: BenchIndexEntry, policy: BenchPolicy): string | undefined {
  const patterns = entry.patterns.filter((p) => p.kind === "exact" || p.kind === "star" || p.kind === "all");
  const actions = actionCondition(entry.actions, policy);
  if (patterns.length === 0 || !actions) return undefined;
  return `((${actions}) && (${patterns.map((p) => matchExpression("index", p.text)).join(" || ")}))`;
}

/**
 * One `permit` per role: Cedar evaluates every policy on every request, and
 * the role scope (`principal in Role::…`) rejects almost all of them first,
 * so fewer, larger policies are cheaper than one per entry.
 */
function rolePolicy(role: BenchRole, policy: BenchPolicy): string | undefined {
  const cluster = actionCondition(role.cluster, policy);
  const entries = role.index.flatMap((entry) => entryCondition(entry, policy) ?? []);
  const parts: string[] = [];
  if (cluster) parts.push(`(resource is Cluster && (${cluster}))`);
  if (entries.length > 0) parts.push(`(resource is Index && (${entries.join(" || ")}))`);
  if (parts.length === 0) return undefined;
  return `permit (principal in Role::${literal(role.name)}, action, resource) when { ${parts.join(" || ")} };`;
}

/**
 * The policy set in chunks of `CHUNK` policies, one policy per role by id.
 * Preparsing slows down as the set grows (one text of all policies: 3 s at
 * R = 1,000, 20 s at 3,000; by id: 0.6 s and 2.5 s; 60–100 s at 10,000,
 * 40–70 s in chunks). Only permits exist, so the set allows a request when one
 * chunk does.
 */
export function cedarPolicyChunks(policy: BenchPolicy): Record<string, string>[] {
  const chunks: Record<string, string>[] = [];
  policy.roles.forEach((role, r) => {
    const text = rolePolicy(role, policy);
    if (r % CHUNK === 0) chunks.push({});
    if (text) chunks[chunks.length - 1]![role.name] = text;
  });
  return chunks;
}

/** Preparses the chunks; returns their ids. */
function preparseChunks(policy: BenchPolicy): string[] {
  return cedarPolicyChunks(policy).map((staticPolicies, i) => {
    const id = `${POLICY_SET_ID}-${i}`;
    const parsed = preparsePolicySet(id, { staticPolicies });
    if (parsed.type !== "success") throw new Error(`cedar rejected the policy set: ${parsed.errors.map((e) => e.message).join("; ")}`);
    return id;
  });
}

function userEntities(request: AuthorizationRequest, directory: RoleDirectory): EntityJson[] {
  const roles = (names: readonly string[] | undefined) => (names ?? []).map((id) => ({ type: "Role", id }));
  const backendRoles = request.user.backend_roles ?? [];
  const user: EntityJson = {
    uid: { type: "User", id: request.user.name },
    attrs: {},
    parents: [...roles(directory.rolesByUser.get(request.user.name)), ...backendRoles.map((id) => ({ type: "BackendRole", id }))],
  };
  return [user, ...backendRoles.map((id) => ({ uid: { type: "BackendRole", id }, attrs: {}, parents: roles(directory.rolesByBackendRole.get(id)) }))];
}

export function cedarEngine(context: EngineContext): Engine {
  const policy = context.workload.policy;
  const chunks = preparseChunks(policy);
  const directory = roleDirectory(policy);
  const entitiesByUser = new Map<string, EntityJson[]>();
  const decide = (request: AuthorizationRequest, entities: EntityJson[], resource: { type: string; id: string }, index: string): boolean =>
    chunks.some((preparsedPolicySetId) => {
      const answer = statefulIsAuthorized({
        principal: { type: "User", id: request.user.name },
        action: { type: "Action", id: request.action },
        resource,
        context: { action: request.action, index },
        preparsedPolicySetId,
        entities,
      });
      if (answer.type !== "success") throw new Error(`cedar failed: ${answer.errors.map((e) => e.message).join("; ")}`);
      return answer.response.decision === "allow";
    });
  const check = (request: AuthorizationRequest): boolean => {
    const key = `${request.user.name}\u0000${(request.user.backend_roles ?? []).join("\u0000")}`;
    let entities = entitiesByUser.get(key);
    if (!entities) entitiesByUser.set(key, (entities = userEntities(request, directory)));
    if (request.indices === undefined) return decide(request, entities, { type: "Cluster", id: "cluster" }, "");
    return request.indices.every((index) => decide(request, entities, { type: "Index", id: index }, index));
  };
  return {
    name: "cedar",
    check,
    unsupported: FEATURE_QMARK | FEATURE_REGEX | FEATURE_ATTR,
    decides: true,
    notes: [
      "one `permit` per role (`principal in Role::…`; one policy per entry was several times slower, Cedar evaluates every policy), `when` a cluster permission or an index entry matches: actions by `action in [...]` or `context.action like`, indices by `context.index ==` a name or `like` a `*` pattern; users, backend roles and roles as entities; the policy set preparsed once, by id, in chunks of 1,000 policies (preparsing slows down as the set grows: 60–100 s as one set at R = 10,000, 40–70 s in chunks), `statefulIsAuthorized` per chunk until one allows",
      "cannot express `?` wildcards, regex or `${attr.…}` index patterns (`like` has only `*`, no regex, no string building): those patterns are left out of its policy and the requests derived from them out of its streams",
      "a multi-index request is one authorization per index",
    ],
  };
}
