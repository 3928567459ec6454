/**
 * What granted a part of a request: every (role, entry) of the user's roles
 * whose actions match the action and whose patterns match the target, with
 * the action pattern, the index or tenant pattern and, when the table has
 * provenance, where they are written and the chain of action groups.
 *
 * The evaluation itself asks only whether something grants (grant-checks.ts
 * walks tries); this asks what, one entry and pattern at a time, with the
 * same matching: the action class's pattern ids (the action-pattern trie's
 * answer), the plugin's pattern language, `${…}` templates rendered for the
 * user by the policy's own renderer.
 */
import { compilePattern, isTemplate, parsePattern } from "../../patterns/pattern.js";
import { GLOBAL_TENANT, TENANT_WRITE_ACTION } from "../../rules/actions.js";
import type { ChainStep, Grant, GrantTarget } from "../../table/explanation.js";
import type { ProvenanceRole, TableLocation, WrittenName } from "../../table/provenance.js";
import type { TableRole } from "../../table/types.js";
import type { TablePolicy } from "../table-policy.js";
import type { UserEntry } from "../user-directory.js";
import { compareCodeUnits } from "../mapping-lookup.js";
import { actionChain, actionGroupsByName, type ActionGroupsByName } from "./action-chains.js";

/** The access to a tenant that reading needs: any tenant permission gives it. */
export const TENANT_READ_ACTION = "kibana:saved_objects/*/read";

/** One user's grants in one policy, with the policy's action groups when it has provenance. */
export class GrantFinder {
  private readonly groups: ActionGroupsByName | undefined;
  private readonly staticMatchers = new Map<string, (name: string) => boolean>();

  constructor(
    private readonly policy: TablePolicy,
    private readonly user: UserEntry,
  ) {
    const provenance = policy.table.provenance;
    this.groups = provenance === undefined ? undefined : actionGroupsByName(provenance);
  }

  /** The roles whose cluster permissions hold one of the action pattern ids. */
  cluster(actionIds: ReadonlySet<number>): Grant[] {
    const target: GrantTarget = { kind: "cluster" };
    return this.eachRole((role, provenance) => {
      const action = this.bestAction(role.cluster, actionIds, provenance?.clusterPermissions);
      if (action === undefined) return [];
      return [{ target, role: role.name, ...action, ...located("entryAt", provenance?.at) }];
    });
  }

  /** The index permissions that grant one of the action pattern ids on the index. */
  index(actionIds: ReadonlySet<number>, index: string): Grant[] {
    return this.indexEntries(actionIds, { kind: "index", index }, (pattern) => this.matcher(pattern)(index));
  }

  /** The index permissions that grant one of the action pattern ids on all indices: through a pattern covering every name. */
  allIndices(actionIds: ReadonlySet<number>): Grant[] {
    return this.indexEntries(actionIds, { kind: "all-indices" }, (pattern) => this.coversEverything(pattern));
  }

  /**
   * The tenant permissions that give the tenant (read-write with `write`),
   * as hasTenantPrivilege (tenants.ts) finds them: only a defined tenant, and
   * `kibana_user`'s implied read-write on `global_tenant` unless one of the
   * user's roles grants it through a pattern without `${…}`.
   */
  tenant(tenant: string, write: boolean): Grant[] {
    if (!this.policy.tenants.has(tenant)) return [];
    const target: GrantTarget = { kind: "tenant", tenant };
    const access = write ? TENANT_WRITE_ACTION : TENANT_READ_ACTION;
    let grantedStatically = false;
    const grants = this.eachRole((role, provenance) =>
      role.tenants.flatMap((entry, i): Grant[] => {
        const matched = entry.patterns.findIndex((pattern) => this.templateMatcher(pattern)(tenant));
        if (matched < 0) return [];
        if (entry.patterns.some((pattern) => !isTemplate(pattern) && this.templateMatcher(pattern)(tenant))) grantedStatically = true;
        if (write && !entry.write) return [];
        const where = provenance?.tenants[i];
        return [
          {
            target,
            role: role.name,
            actionPattern: access,
            chain: this.chain(where?.allowedActions, access),
            pattern: entry.patterns[matched]!,
            ...located("patternAt", where?.patterns[matched]),
            entry: i,
            ...located("entryAt", where?.at),
          },
        ];
      }),
    );
    if (tenant === GLOBAL_TENANT && !grantedStatically && this.user.roleSet.names.includes("kibana_user")) {
      grants.push({ target, role: "kibana_user", actionPattern: TENANT_WRITE_ACTION, chain: [] });
      grants.sort(byRoleAndEntry);
    }
    return grants;
  }

  /** Grants of every role of the user, sorted by role name then entry. */
  private eachRole(grantsOf: (role: TableRole, provenance: ProvenanceRole | undefined) => Grant[]): Grant[] {
    const table = this.policy.table;
    const grants: Grant[] = [];
    for (const id of this.user.roleSet.roleIds) grants.push(...grantsOf(table.roles[id]!, table.provenance?.roles[id]));
    return grants.sort(byRoleAndEntry);
  }

  private indexEntries(actionIds: ReadonlySet<number>, target: GrantTarget, patternMatches: (pattern: string) => boolean): Grant[] {
    const patterns = this.policy.table.indexPatterns;
    return this.eachRole((role, provenance) =>
      role.index.flatMap((entry, i): Grant[] => {
        const where = provenance?.index[i];
        const action = this.bestAction(entry.actions, actionIds, where?.allowedActions);
        if (action === undefined) return [];
        const matched = entry.patterns.findIndex((id) => patternMatches(patterns[id]!));
        if (matched < 0) return [];
        const pattern = patterns[entry.patterns[matched]!]!;
        return [{ target, role: role.name, ...action, pattern, ...located("patternAt", where?.patterns[matched]), entry: i, ...located("entryAt", where?.at) }];
      }),
    );
  }

  /**
   * Of an entry's action patterns, the one matching the action reached by
   * the shortest chain (then by name); without provenance the first by name.
   */
  private bestAction(entryActions: readonly number[], actionIds: ReadonlySet<number>, written: readonly WrittenName[] | undefined) {
    let best: { actionPattern: string; chain: ChainStep[] } | undefined;
    for (const id of entryActions) {
      if (!actionIds.has(id)) continue;
      const actionPattern = this.policy.table.actionPatterns[id]!;
      const candidate = { actionPattern, chain: this.chain(written, actionPattern) };
      if (best === undefined || shorterChain(candidate, best)) best = candidate;
    }
    return best;
  }

  private chain(written: readonly WrittenName[] | undefined, pattern: string): ChainStep[] {
    return this.groups === undefined || written === undefined ? [] : actionChain(this.groups, written, pattern);
  }

  /** An index pattern's test for this user: a template rendered for the user, any other compiled once. */
  private matcher(pattern: string): (name: string) => boolean {
    return isTemplate(pattern) ? this.templateMatcher(pattern) : this.staticMatcher(pattern);
  }

  private templateMatcher(pattern: string): (name: string) => boolean {
    return this.policy.templates.forUser(this.user, pattern).matches;
  }

  private staticMatcher(pattern: string): (name: string) => boolean {
    let matcher = this.staticMatchers.get(pattern);
    if (matcher === undefined) this.staticMatchers.set(pattern, (matcher = compilePattern(pattern)));
    return matcher;
  }

  /** Whether a pattern grants all indices: `*`, or a template rendering to it for the user. */
  private coversEverything(pattern: string): boolean {
    return isTemplate(pattern) ? this.policy.templates.forUser(this.user, pattern).universal : parsePattern(pattern).kind === "all";
  }
}

/** A found chain beats none; a shorter one a longer; then the names along it, then the pattern. */
function shorterChain(a: { actionPattern: string; chain: ChainStep[] }, b: { actionPattern: string; chain: ChainStep[] }): boolean {
  if ((a.chain.length === 0) !== (b.chain.length === 0)) return a.chain.length > 0;
  if (a.chain.length !== b.chain.length) return a.chain.length < b.chain.length;
  const byNames = compareCodeUnits(a.chain.map((step) => step.name).join("\n"), b.chain.map((step) => step.name).join("\n"));
  return byNames !== 0 ? byNames < 0 : compareCodeUnits(a.actionPattern, b.actionPattern) < 0;
}

function byRoleAndEntry(a: Grant, b: Grant): number {
  return compareCodeUnits(a.role, b.role) || (a.entry ?? -1) - (b.entry ?? -1);
}

/** `{ [key]: at }` when there is a location, else nothing (optional fields stay absent). */
function located<K extends "entryAt" | "patternAt">(key: K, at: TableLocation | null | undefined): { [P in K]?: TableLocation } {
  return at === undefined || at === null ? {} : ({ [key]: at } as { [P in K]?: TableLocation });
}
