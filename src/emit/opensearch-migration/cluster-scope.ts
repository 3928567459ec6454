/**
 * The two plugins split actions into cluster and index actions differently:
 * Search Guard registers `indices:monitor/recovery`, SQL, async search and
 * closing a point in time as cluster actions (rule 6); OpenSearch checks them
 * against index permissions. A permission written for one side is not read
 * on the other, so a role that grants such an action loses it (or, the
 * other way round, gains one Search Guard never read). Reported (PC7008)
 * per role; the permissions are carried over unchanged.
 */
import { readKnownActions } from "../../check/known-actions.js";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString, PolicyModel, Role } from "../../model/types.js";
import { isTemplate, matcherOf, parsePattern } from "../../patterns/pattern.js";
import { isClusterAction } from "../../rules/actions.js";
import { searchGuardScope } from "../../rules/searchguard-actions.js";

/**
 * The action names to test the patterns with: the known actions and every
 * name the policies spell out (Search Guard's built-in groups list its SQL
 * and async search actions, which no OpenSearch list knows).
 */
export function candidateActions(policies: readonly PolicyModel[]): ReadonlySet<string> {
  const spelled = policies.flatMap((policy) => [
    ...policy.actionGroups.flatMap((group) => group.allowedActions),
    ...policy.roles.flatMap((role) => [...role.clusterPermissions, ...role.indexPermissions.flatMap((permission) => permission.allowedActions)]),
  ]);
  const literal = spelled.map((action) => action.value).filter((action) => action.startsWith("indices:") && !/[*?]/.test(action));
  return new Set([...readKnownActions(), ...literal]);
}

export function reportClusterScopeChanges(role: Role, resolve: (actions: readonly LocatedString[]) => string[], candidates: ReadonlySet<string>, sink: DiagnosticSink): void {
  const name = role.name.value;
  const granted = (patterns: readonly string[]): string[] => grantedActions(patterns, candidates);
  const byCluster = granted(resolve(role.clusterPermissions));
  const byIndex = granted(resolve(role.indexPermissions.flatMap((permission) => permission.allowedActions)));
  // A cluster grant reaches every index: only an index permission on `*` grants as much.
  const onEveryIndex = granted(resolve(role.indexPermissions.filter((permission) => permission.indexPatterns.some((pattern) => pattern.value === "*")).flatMap((permission) => permission.allowedActions)));
  const clusterOnly = byCluster.filter((action) => !onEveryIndex.includes(action));
  const indexOnly = byIndex.filter((action) => !byCluster.includes(action));
  const span = role.clusterPermissions[0]?.span ?? role.name.span;
  const lost = clusterOnly.filter((action) => searchGuardScope(action) === "cluster" && !isClusterAction(action));
  const gained = clusterOnly.filter((action) => searchGuardScope(action) === "index" && isClusterAction(action));
  const indexLost = indexOnly.filter((action) => searchGuardScope(action) === "index" && isClusterAction(action));
  const indexGained = indexOnly.filter((action) => searchGuardScope(action) === "cluster" && !isClusterAction(action));
  if (lost.length > 0) {
    sink.report("PC7008", `role \`${name}\` grants ${listed(lost)} as cluster permissions, which OpenSearch checks against index permissions: its users lose them on indices the role does not grant them`, span, {
      help: "add these actions to an index permission of the role",
    });
  }
  if (gained.length > 0) sink.report("PC7008", `role \`${name}\` grants ${listed(gained)} as cluster permissions, which Search Guard does not read for these index actions: its users gain them on every index`, span);
  if (indexLost.length > 0) sink.report("PC7008", `role \`${name}\` grants ${listed(indexLost)} as index permissions, which OpenSearch checks against cluster permissions: its users lose them`, role.name.span);
  if (indexGained.length > 0) sink.report("PC7008", `role \`${name}\` grants ${listed(indexGained)} as index permissions, which Search Guard does not read for these cluster actions: its users gain them`, role.name.span);
}

/** The candidate `indices:` actions the granted patterns match. */
function grantedActions(granted: readonly string[], candidates: ReadonlySet<string>): string[] {
  const matchers = granted.filter((pattern) => !isTemplate(pattern)).map((pattern) => matcherOf(parsePattern(pattern)));
  return [...candidates].filter((action) => action.startsWith("indices:") && matchers.some((matches) => matches(action))).sort();
}

function listed(actions: readonly string[]): string {
  return actions.map((action) => `\`${action}\``).join(", ");
}
