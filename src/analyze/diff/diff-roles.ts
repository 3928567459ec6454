/**
 * The access one role gains and loses between two versions. An action on an
 * index pattern counts as gained only when no pattern pair of the old
 * version already covered it, and as lost only when none of the new version
 * still covers it; restrictions are compared per index pattern.
 */
import { combineEffects, effectOf, type Effect, type IndexPatternDiff, type PatternChange, type RoleDiff, type TenantAccess, type TenantPatternDiff } from "./model.js";
import { coveredBy, covers } from "./pattern-cover.js";
import { diffRestrictions } from "./diff-restrictions.js";
import { grantsAnything, NO_ACCESS, RESTRICTION_KINDS, type IndexAccess, type RoleAccess, type TenantGrant } from "./role-access.js";
import type { TableLocation } from "../../table/provenance.js";

/** The role's changes, or undefined when its access is the same. */
export function diffRole(role: string, before: RoleAccess | undefined, after: RoleAccess | undefined, at: TableLocation | undefined): RoleDiff | undefined {
  const change = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  const old = before ?? NO_ACCESS;
  const now = after ?? NO_ACCESS;
  // A role that appears or goes brings or takes its restrictions with its grants: they tighten or loosen nothing.
  const restrictionsCount = change === "changed";
  const cluster = patternChange(old.cluster, now.cluster);
  const index = diffIndex(old.index, now.index, restrictionsCount);
  const tenants = diffTenants(old.tenants, now.tenants);
  const restApi = patternChange(old.restApi, now.restApi);
  const excludeCluster = patternChange(old.excludeCluster, now.excludeCluster);
  const effects: Effect[] = [
    effectOf(cluster.gained.length > 0, cluster.lost.length > 0),
    ...index.map((d) => d.effect),
    ...tenants.map((d) => d.effect),
    effectOf(restApi.gained.length > 0, restApi.lost.length > 0),
    // Gaining an exclusion takes access away.
    effectOf(excludeCluster.lost.length > 0, excludeCluster.gained.length > 0),
  ];
  const unchanged = effects.every((e) => e === "none") && index.length === 0 && tenants.length === 0;
  if (change === "changed" && unchanged) return undefined;
  const effect = change === "added" && !grantsAnything(now) ? "none" : change === "removed" && !grantsAnything(old) ? "none" : combineEffects(effects);
  return { role, change, effect, ...(at !== undefined ? { at } : {}), cluster, index, tenants, restApi, excludeCluster };
}

/** Patterns gained (not covered by the old ones) and lost (not covered by the new ones), sorted. */
export function patternChange(before: ReadonlySet<string>, after: ReadonlySet<string>): PatternChange {
  const gained = [...after].filter((p) => !before.has(p) && !coveredBy(before, p));
  const lost = [...before].filter((p) => !after.has(p) && !coveredBy(after, p));
  return { gained: gained.sort(compare), lost: lost.sort(compare) };
}

function diffIndex(before: ReadonlyMap<string, IndexAccess>, after: ReadonlyMap<string, IndexAccess>, restrictionsCount: boolean): IndexPatternDiff[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compare);
  return keys.flatMap((pattern): IndexPatternDiff[] => {
    const old = before.get(pattern);
    const now = after.get(pattern);
    const gained = [...(now?.actions ?? [])].filter((action) => !old?.actions.has(action) && !pairCovered(before, pattern, action));
    const lost = [...(old?.actions ?? [])].filter((action) => !now?.actions.has(action) && !pairCovered(after, pattern, action));
    const systemIndex = systemIndexChange(before, after, pattern);
    const restrictions = RESTRICTION_KINDS.flatMap((kind) => diffRestrictions(kind, old?.rules[kind] ?? new Set(), now?.rules[kind] ?? new Set(), restrictionsCount) ?? []);
    if (gained.length === 0 && lost.length === 0 && systemIndex === undefined && restrictions.length === 0) return [];
    const effect = combineEffects([
      effectOf(gained.length > 0 || systemIndex === "gained", lost.length > 0 || systemIndex === "lost"),
      ...restrictions.map((r) => r.effect),
    ]);
    return [{ pattern, effect, actions: { gained: gained.sort(compare), lost: lost.sort(compare) }, ...(systemIndex ? { systemIndex } : {}), restrictions }];
  });
}

/** Whether some pattern of the version covers the index pattern with an action pattern that covers the action. */
function pairCovered(version: ReadonlyMap<string, IndexAccess>, pattern: string, action: string): boolean {
  for (const [other, access] of version) if (covers(other, pattern) && coveredBy(access.actions, action)) return true;
  return false;
}

function systemIndexChange(before: ReadonlyMap<string, IndexAccess>, after: ReadonlyMap<string, IndexAccess>, pattern: string): "gained" | "lost" | undefined {
  const grantedIn = (version: ReadonlyMap<string, IndexAccess>) => [...version].some(([other, access]) => access.systemIndex && covers(other, pattern));
  const was = before.get(pattern)?.systemIndex === true;
  const is = after.get(pattern)?.systemIndex === true;
  if (is && !was && !grantedIn(before)) return "gained";
  if (was && !is && !grantedIn(after)) return "lost";
  return undefined;
}

const RANK: Readonly<Record<TenantAccess, number>> = { none: 0, read: 1, "read-write": 2 };

function diffTenants(before: ReadonlyMap<string, TenantGrant>, after: ReadonlyMap<string, TenantGrant>): TenantPatternDiff[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compare);
  return keys.flatMap((pattern): TenantPatternDiff[] => {
    const was = before.get(pattern)?.access ?? "none";
    const is = after.get(pattern)?.access ?? "none";
    const up = RANK[is] > RANK[was] && !tenantCovered(before, pattern, is);
    const down = RANK[is] < RANK[was] && !tenantCovered(after, pattern, was);
    const actions = patternChange(before.get(pattern)?.actions ?? new Set(), after.get(pattern)?.actions ?? new Set());
    const actionsChanged = actions.gained.length > 0 || actions.lost.length > 0;
    if (!up && !down && !actionsChanged) return [];
    const effect = combineEffects([effectOf(up, down), effectOf(actions.gained.length > 0, actions.lost.length > 0)]);
    return [{ pattern, effect, before: was, after: is, ...(actionsChanged ? { actions } : {}) }];
  });
}

/** Whether a pattern of the version covers the tenant pattern with at least this access. */
function tenantCovered(version: ReadonlyMap<string, TenantGrant>, pattern: string, access: TenantAccess): boolean {
  for (const [other, grant] of version) if (other !== pattern && RANK[grant.access] >= RANK[access] && covers(other, pattern)) return true;
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
