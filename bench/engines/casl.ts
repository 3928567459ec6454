/**
 * CASL (@casl/ability) encoding: one ability per user, built from the rules
 * of the user's roles the way CASL applications define abilities per user
 * (attribute templates rendered for that user), kept in a bounded cache
 * like the runtime's user cache. Rules are indexed by CASL per action:
 * exact action names are rule actions; wildcard action patterns become
 * `manage` rules with a `$regex` condition on the action; index patterns are
 * `$in` (entries of plain names) or one `$regex` conditions.
 */
import { createMongoAbility, type AbilityTuple, type AnyMongoAbility, type MongoQuery, type RawRuleFrom } from "@casl/ability";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { DEPT_ATTRIBUTE, type BenchIndexEntry, type BenchPolicy, type BenchRole } from "../workload/policy.js";
import type { Engine, EngineContext } from "./engine.js";
import { anchoredAlternation, indexPatternSource, roleDirectory, splitActions, wildcardSource, type RoleDirectory } from "./peer-patterns.js";

type Rule = RawRuleFrom<AbilityTuple, MongoQuery>;
interface Target {
  readonly kind: "Index" | "Cluster";
  readonly action: string;
  readonly index?: string;
}

const ABILITY_CACHE_SIZE = 10_000;

/**
 * The index condition of one entry, for a user in department `dept`: `$in`
 * when every pattern is a plain name, else one anchored `$regex` over all of
 * them (`createMongoAbility`'s matcher has no `$or`: such a condition never matches).
 */
function indexCondition(entry: BenchIndexEntry, dept: string): MongoQuery {
  if (entry.patterns.every((p) => p.kind === "exact")) return { index: { $in: entry.patterns.map((p) => p.text) } };
  return { index: { $regex: new RegExp(anchoredAlternation(entry.patterns.map((p) => indexPatternSource(p, dept) ?? ""))) } };
}

function actionRules(subject: Target["kind"], items: readonly string[], policy: BenchPolicy, condition: MongoQuery | undefined): Rule[] {
  const { exact, wildcards } = splitActions(items, policy);
  const rules: Rule[] = [];
  if (exact.length > 0) rules.push(condition ? { action: [...exact], subject, conditions: condition } : { action: [...exact], subject });
  if (wildcards.length > 0) {
    // Conditions on two fields of one object must both hold.
    const onAction: MongoQuery = { action: { $regex: new RegExp(anchoredAlternation(wildcards.map(wildcardSource))) } };
    rules.push({ action: "manage", subject, conditions: { ...onAction, ...condition } });
  }
  return rules;
}

function roleRules(role: BenchRole, policy: BenchPolicy, dept: string): Rule[] {
  const rules = actionRules("Cluster", role.cluster, policy, undefined);
  for (const entry of role.index) rules.push(...actionRules("Index", entry.actions, policy, indexCondition(entry, dept)));
  return rules;
}

function rolesOf(request: AuthorizationRequest, directory: RoleDirectory): Set<string> {
  const roles = new Set(directory.rolesByUser.get(request.user.name) ?? []);
  for (const backendRole of request.user.backend_roles ?? []) for (const role of directory.rolesByBackendRole.get(backendRole) ?? []) roles.add(role);
  return roles;
}

export function caslEngine(context: EngineContext): Engine {
  const policy = context.workload.policy;
  const directory = roleDirectory(policy);
  const rolesByName = new Map(policy.roles.map((role) => [role.name, role]));
  const abilities = new Map<string, AnyMongoAbility>();
  const abilityFor = (request: AuthorizationRequest): AnyMongoAbility => {
    const user = request.user;
    const dept = user.attributes?.[DEPT_ATTRIBUTE] ?? "";
    const key = `${user.name}\u0000${(user.backend_roles ?? []).join("\u0000")}\u0001${dept}`;
    let ability: AnyMongoAbility | undefined = abilities.get(key);
    if (ability === undefined) {
      const rules = [...rolesOf(request, directory)].flatMap((name) => {
        const role = rolesByName.get(name);
        return role ? roleRules(role, policy, dept) : [];
      });
      ability = createMongoAbility(rules, { detectSubjectType: (subject) => (subject as Target).kind });
      if (abilities.size >= ABILITY_CACHE_SIZE) abilities.delete(abilities.keys().next().value as string);
      abilities.set(key, ability);
    }
    return ability;
  };
  return {
    name: "casl",
    check: (request) => {
      const ability = abilityFor(request);
      const action = request.action;
      if (request.indices === undefined) return ability.can(action, { kind: "Cluster", action } satisfies Target);
      return request.indices.every((index) => ability.can(action, { kind: "Index", action, index } satisfies Target));
    },
    unsupported: 0,
    decides: true,
    notes: [
      "one ability per user (createMongoAbility, cached, at most 10,000), from the rules of the user's roles; users mapped to roles with two Maps",
      "exact actions are rule actions (CASL indexes them); wildcard actions are `manage` rules with a `$regex` on the action; an entry of plain index names is one `$in`, any other entry one anchored `$regex` over all its patterns (CASL 7's mongo matcher has no `$or`); `${attr.…}` rendered per user",
      "a multi-index request is one `can` per index",
    ],
  };
}
