/**
 * What every lint rule reads: the policy's own roles (the built-in ones are
 * the plugin's, not the author's to fix), the flattened action groups, the
 * defined tenants and the settings, and what an allowed action grants once
 * its action groups are expanded.
 */
import { code } from "../../diagnostics/message-text.js";
import type { LocatedString, PolicyModel, Role } from "../../model/types.js";
import type { Settings } from "../../model/settings.js";
import type { ResolvedPolicy } from "../../resolve/index.js";
import { PatternCoverage } from "./pattern-cover.js";

export interface LintContext {
  /** The roles the author wrote and the plugin keeps (a role named like a built-in one is dropped). */
  readonly roles: readonly Role[];
  readonly settings: Settings;
  /** Flattened members of every action group, built-in and custom. */
  readonly groupMembers: ReadonlyMap<string, readonly string[]>;
  /**
   * Built-in action groups the plugin's own static roles list as cluster
   * permissions, and as index permissions: the plugin does so on purpose
   * (`manage_point_in_time` in `kibana_server`), so lint follows it.
   */
  readonly builtinClusterUses: ReadonlySet<string>;
  readonly builtinIndexUses: ReadonlySet<string>;
  /** Defined tenant names, the built-in `global_tenant` included. */
  readonly tenants: ReadonlySet<string>;
  /** Action names policyc knows, to judge what a wildcard can match. */
  readonly knownActions: ReadonlySet<string>;
  /** What an allowed action grants (see {@link grantedPatterns}), computed once per name. */
  readonly granted: (action: string) => readonly string[];
  /** Which patterns cover which, each pair computed once: rules compare the same patterns often. */
  readonly coverage: PatternCoverage;
  /** Whether the allowed action `broad` grants all that `narrow` grants (groups expanded), once per pair of names. */
  readonly grantsAllOf: (broad: string, narrow: string) => boolean;
}

export function buildLintContext(policy: PolicyModel, resolved: ResolvedPolicy, builtins: PolicyModel, knownActions: ReadonlySet<string>): LintContext {
  const builtinRoles = new Set(builtins.roles.map((role) => role.name.value));
  const builtinGroups = new Set(builtins.actionGroups.map((group) => group.name.value));
  const isBuiltinGroup = (action: LocatedString) => builtinGroups.has(action.value);
  const coverage = new PatternCoverage();
  const granted = memoized((action) => grantedPatterns(resolved.groups.flattened, coverage, action));
  const pairs = new Map<string, Map<string, boolean>>();
  return {
    roles: policy.roles.filter((role) => !builtinRoles.has(role.name.value)),
    settings: resolved.settings,
    groupMembers: resolved.groups.flattened,
    builtinClusterUses: new Set(builtins.roles.flatMap((role) => role.clusterPermissions.filter(isBuiltinGroup).map((a) => a.value))),
    builtinIndexUses: new Set(
      builtins.roles.flatMap((role) => role.indexPermissions.flatMap((entry) => entry.allowedActions.filter(isBuiltinGroup).map((a) => a.value))),
    ),
    tenants: new Set(resolved.tenants),
    knownActions,
    granted,
    coverage,
    grantsAllOf: (broad, narrow) => {
      let byNarrow = pairs.get(broad);
      if (byNarrow === undefined) pairs.set(broad, (byNarrow = new Map()));
      let value = byNarrow.get(narrow);
      if (value === undefined) byNarrow.set(narrow, (value = patternsCovered(coverage, granted(broad), granted(narrow))));
      return value;
    },
  };
}

/**
 * Whether every pattern of `narrow` is covered by one of `broad`; a pattern
 * `broad` lists as such (a nested group shared by both) is found without comparing.
 */
function patternsCovered(coverage: PatternCoverage, broad: readonly string[], narrow: readonly string[]): boolean {
  if (narrow.length === 0) return false;
  const listed = new Set(broad);
  return narrow.every((pattern) => listed.has(pattern) || broad.some((wide) => coverage.actionCovers(wide, pattern)));
}

function memoized<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** Whether an allowed action names an action group. */
export function isGroup(context: LintContext, action: string): boolean {
  return context.groupMembers.has(action);
}

/**
 * The action patterns an allowed action grants: a group's flattened members
 * (the names of nested groups left out: as patterns they match no action),
 * or the action itself. Blank patterns grant nothing and are left out too.
 */
function grantedPatterns(groupMembers: ReadonlyMap<string, readonly string[]>, coverage: PatternCoverage, action: string): string[] {
  const members = groupMembers.get(action) ?? [action];
  return members.filter((member) => !groupMembers.has(member) && coverage.usable(member));
}

/** `index permission 2 of role `x``, the way messages name an entry. */
export function entryName(roleName: string, index: number): string {
  return `index permission ${index + 1} of role ${code(roleName)}`;
}
