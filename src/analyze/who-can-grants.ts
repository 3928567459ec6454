/**
 * The grants of one role for a who-can question, read off the decision
 * table (which decides) and decorated from its provenance (which says where
 * and through which action groups): cluster permissions, index permissions
 * whose actions match and whose patterns match the index, tenant
 * permissions. Patterns are matched with the runtime's pattern semantics
 * (`compilePattern`), so who-can agrees with `authorize`.
 */
import type { ActionGroupsByName } from "../runtime/explain/action-chains.js";
import { actionGrants, ActionMatchers, groupsOf, type ActionGrant } from "./action-chains.js";
import { RoleReachIndex } from "./role-reach.js";
import type { PatternGrant, RoleAnswer, RoleGrant } from "./who-can-types.js";
import { compilePattern, isTemplate, type Matcher } from "../patterns/pattern.js";
import type { TableLocation, WrittenName } from "../table/provenance.js";
import type { DecisionTable, RestrictionKind, TableIndexEntry } from "../table/types.js";

/** A table prepared for who-can questions. */
export class WhoCanContext {
  readonly groups: ActionGroupsByName;
  readonly actions = new ActionMatchers();
  readonly reach: RoleReachIndex;
  private readonly names = new Map<string, Matcher>();

  constructor(readonly table: DecisionTable) {
    this.groups = groupsOf(table.provenance);
    this.reach = new RoleReachIndex(table);
  }

  /** The action patterns (by id) that match the action. */
  granting(ids: readonly number[], action: string): string[] {
    return ids.map((id) => this.table.actionPatterns[id]!).filter((pattern) => this.actions.matches(pattern, action));
  }

  /** Whether a pattern without `${…}` matches a name. */
  nameMatches(pattern: string, name: string): boolean {
    let matcher = this.names.get(pattern);
    if (matcher === undefined) this.names.set(pattern, (matcher = compilePattern(pattern)));
    return matcher(name);
  }

  /** How the action patterns (by id) grant the action, chains from the permissions as written. */
  actionGrants(ids: readonly number[], action: string, written: readonly WrittenName[] | undefined): ActionGrant[] {
    return actionGrants(this.granting(ids, action), written, this.groups);
  }
}

/** The role's cluster permissions that grant the action, if any. */
export function clusterGrant(ctx: WhoCanContext, roleId: number, action: string, ids?: readonly number[]): RoleGrant | undefined {
  const role = ctx.table.roles[roleId]!;
  const actions = ctx.actionGrants(ids ?? role.cluster, action, ctx.table.provenance?.roles[roleId]?.clusterPermissions);
  return actions.length === 0 ? undefined : { kind: "cluster", actions };
}

/**
 * The role's index permissions whose actions grant the action and whose
 * patterns match the index (every pattern when no index is given).
 */
export function indexGrants(ctx: WhoCanContext, roleId: number, action: string, index: string | undefined): RoleGrant[] {
  const role = ctx.table.roles[roleId]!;
  const provenance = ctx.table.provenance?.roles[roleId];
  return role.index.flatMap((entry, i): RoleGrant[] => {
    const written = provenance?.index[i];
    const actions = ctx.actionGrants(entry.actions, action, written?.allowedActions);
    if (actions.length === 0) return [];
    const patterns = entry.patterns.flatMap((id, k) => patternGrant(ctx, ctx.table.indexPatterns[id]!, written?.patterns[k], index) ?? []);
    if (patterns.length === 0) return [];
    return [{ kind: "index", entry: i, ...entryAt(written?.at), actions, patterns, restrictions: restrictionKinds(entry) }];
  });
}

/** The roles whose index permissions grant the action on the index (on some index when none is given). */
export function indexRoles(ctx: WhoCanContext, action: string, index: string | undefined): RoleAnswer[] {
  return ctx.table.roles.flatMap((role, roleId) => {
    const grants = indexGrants(ctx, roleId, action, index);
    return grants.length === 0 ? [] : [roleAnswer(ctx, role.name, grants)];
  });
}

/** The pattern, when it matches the name (or no name is given); a `${…}` template when it may match. */
export function patternGrant(ctx: WhoCanContext, pattern: string, at: TableLocation | null | undefined, name: string | undefined): PatternGrant | undefined {
  const conditional = isTemplate(pattern);
  const matches = name === undefined || (conditional ? templateMayMatch(pattern, name) : ctx.nameMatches(pattern, name));
  if (!matches) return undefined;
  return at === undefined ? { pattern, conditional } : { pattern, at, conditional };
}

/**
 * Whether some rendering of a template may match the name: each `${…}`
 * stands for any text, which a `*` over-approximates, unless the rendered
 * text could be a regex or a lone `*` (a template at both ends) or the
 * template nests braces; then it may match anything.
 */
export function templateMayMatch(template: string, name: string): boolean {
  const openEnded = (template.startsWith("${") || template.startsWith("/")) && (template.endsWith("}") || template.endsWith("/"));
  if (openEnded) return true;
  const glob = template.replace(/\$\{[^}]*\}/g, "*");
  if (glob.includes("${") || glob.includes("}")) return true;
  return compilePattern(glob)(name);
}

function restrictionKinds(entry: TableIndexEntry): RestrictionKind[] {
  const kinds: RestrictionKind[] = [];
  if (entry.dls !== undefined) kinds.push("dls");
  if (entry.fls !== undefined && entry.fls.length > 0) kinds.push("fls");
  if (entry.maskedFields !== undefined && entry.maskedFields.length > 0) kinds.push("masked_fields");
  return kinds;
}

export function entryAt(at: TableLocation | undefined): { entryAt?: TableLocation } {
  return at === undefined ? {} : { entryAt: at };
}

/** A role's answer: where it is defined, who reaches it, and its grants. */
export function roleAnswer(ctx: WhoCanContext, role: string, grants: readonly RoleGrant[]): RoleAnswer {
  const id = ctx.table.roles.findIndex((r) => r.name === role);
  const provenance = id < 0 ? undefined : ctx.table.provenance?.roles[id];
  const reach = ctx.reach.reach(role);
  return {
    role,
    ...(provenance !== undefined ? { builtin: provenance.builtin } : {}),
    ...(provenance?.at !== undefined ? { at: provenance.at } : {}),
    conditional: grants.length > 0 && grants.every(isConditional),
    grants,
    mappedBy: reach.rules,
    backendRoleName: reach.backendRoleName,
    internalUsers: reach.internalUsers,
  };
}

function isConditional(grant: RoleGrant): boolean {
  if (grant.kind === "index" || grant.kind === "tenant") return grant.patterns.every((pattern) => pattern.conditional);
  return grant.kind === "kibana_user_global_tenant";
}
