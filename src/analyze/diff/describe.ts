/**
 * A diff in sentences, shared by the text and Markdown renderers: per role,
 * per principal and per setting a title and a list of changes, each with
 * its effect. Names from the policy are written in backticks.
 */
import { effectOf, type Effect, type IndexPatternDiff, type PatternChange, type PolicyDiff, type PrincipalDiff, type PrincipalKind, type RestrictionChange, type RoleDiff, type SettingChange, type SettingValue, type TenantPatternDiff } from "./model.js";
import { SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";
import type { TableLocation } from "../../table/provenance.js";

export interface DescribedChange {
  readonly effect: Effect;
  readonly text: string;
}

export interface DescribedSection {
  readonly title: string;
  readonly effect: Effect;
  readonly at?: TableLocation;
  readonly changes: readonly DescribedChange[];
}

const EFFECT_WORDS: Readonly<Record<Effect, string>> = {
  broadening: "broadening",
  narrowing: "narrowing",
  both: "broadening and narrowing",
  none: "no access change",
};

export function effectWords(effect: Effect): string {
  return EFFECT_WORDS[effect];
}

/** `2 roles, 1 principal, no setting` — what the diff holds. */
/** Each changed role's effect, for the principals that hold it. */
export function roleEffects(diff: PolicyDiff): ReadonlyMap<string, Effect> {
  return new Map(diff.roles.map((role) => [role.role, role.effect]));
}

export function summaryCounts(diff: PolicyDiff): string {
  const count = (n: number, one: string, many: string) => `${n === 0 ? "no" : n} ${n === 1 ? one : many}`;
  return [count(diff.roles.length, "role", "roles"), count(diff.principals.length, "principal", "principals"), count(diff.settings.length, "setting", "settings")].join(", ");
}

export function describeRole(diff: RoleDiff): DescribedSection {
  const changes: DescribedChange[] = [];
  pushPatterns(changes, "cluster", diff.cluster);
  for (const index of diff.index) changes.push(...describeIndex(index));
  for (const tenant of diff.tenants) changes.push(describeTenant(tenant));
  pushPatterns(changes, "security REST API", diff.restApi);
  if (diff.excludeCluster.gained.length + diff.excludeCluster.lost.length > 0) {
    const gained = diff.excludeCluster.gained.length > 0 ? `excludes ${names(diff.excludeCluster.gained)}` : "";
    const lost = diff.excludeCluster.lost.length > 0 ? `no longer excludes ${names(diff.excludeCluster.lost)}` : "";
    changes.push({ effect: effectOfChange(diff.excludeCluster.lost, diff.excludeCluster.gained), text: `cluster exclusions: ${[gained, lost].filter(Boolean).join("; ")}` });
  }
  return { title: `role \`${diff.role}\` ${diff.change}`, effect: diff.effect, ...(diff.at !== undefined ? { at: diff.at } : {}), changes };
}

function pushPatterns(changes: DescribedChange[], label: string, change: PatternChange): void {
  if (change.gained.length + change.lost.length === 0) return;
  changes.push({ effect: effectOfChange(change.gained, change.lost), text: `${label}: ${gainsAndLosses(change)}` });
}

function describeIndex(diff: IndexPatternDiff): DescribedChange[] {
  const changes: DescribedChange[] = [];
  const label = `index \`${diff.pattern}\``;
  const parts = [
    ...(diff.actions.gained.length + diff.actions.lost.length > 0 ? [gainsAndLosses(diff.actions)] : []),
    ...systemIndexPart(diff),
  ];
  if (parts.length > 0) {
    const effect = effectOf(diff.actions.gained.length > 0 || diff.systemIndex === "gained", diff.actions.lost.length > 0 || diff.systemIndex === "lost");
    changes.push({ effect, text: `${label}: ${parts.join("; ")}` });
  }
  for (const restriction of diff.restrictions) changes.push({ effect: restriction.effect, text: `${label}: ${describeRestriction(restriction)}` });
  return changes;
}

/** Explicit system index access gained or lost, unless the permission itself is among the actions named already. */
function systemIndexPart(diff: IndexPatternDiff): string[] {
  const named = (list: readonly string[]) => list.includes(SYSTEM_INDEX_PERMISSION);
  if (diff.systemIndex === "gained" && !named(diff.actions.gained)) return [`gains explicit \`${SYSTEM_INDEX_PERMISSION}\``];
  if (diff.systemIndex === "lost" && !named(diff.actions.lost)) return [`loses explicit \`${SYSTEM_INDEX_PERMISSION}\``];
  return [];
}

const RESTRICTION_NAMES = { dls: "DLS", fls: "FLS", masked_fields: "masked fields" } as const;

function describeRestriction(change: RestrictionChange): string {
  const name = RESTRICTION_NAMES[change.kind];
  const rules = (values: readonly string[]) => values.map((value) => `\`${value}\``).join(", ");
  // A role that appears or goes brings or takes its rules with it: they are part of what it grants.
  if (change.effect === "none") return change.change === "added" ? `with ${name} ${rules(change.after)}` : `had ${name} ${rules(change.before)}`;
  if (change.change === "added") return `${name} added: ${rules(change.after)}`;
  if (change.change === "removed") return `${name} removed (was ${rules(change.before)})`;
  return `${name} changed: ${rules(change.before)} → ${rules(change.after)}`;
}

function describeTenant(diff: TenantPatternDiff): DescribedChange {
  const access = diff.before === diff.after ? "" : `${diff.before} → ${diff.after}`;
  const actions = diff.actions === undefined ? "" : gainsAndLosses(diff.actions);
  return { effect: diff.effect, text: `tenant \`${diff.pattern}\`: ${[access, actions].filter(Boolean).join("; ")}` };
}

const PRINCIPAL_NAMES: Readonly<Record<PrincipalKind, string>> = {
  internal_user: "internal user",
  users: "user pattern",
  backend_roles: "backend role",
  and_backend_roles: "all of backend roles",
  hosts: "host",
  ips: "IP range",
};

/** A principal's changes; `roleEffects` gives the effect of each changed role (the diff's `roles`). */
export function describePrincipal(diff: PrincipalDiff, roleEffects: ReadonlyMap<string, Effect>): DescribedSection {
  const undefinedRole = (role: string) => (diff.undefinedRoles.includes(role) ? " (not defined: grants nothing)" : "");
  const changes: DescribedChange[] = [
    ...diff.gainedRoles.map((role) => ({ effect: undefinedRole(role) ? ("none" as const) : ("broadening" as const), text: `gains role \`${role}\`${undefinedRole(role)}` })),
    ...diff.lostRoles.map((role) => ({ effect: undefinedRole(role) ? ("none" as const) : ("narrowing" as const), text: `loses role \`${role}\`${undefinedRole(role)}` })),
    ...diff.changedRoles.map((role) => ({ effect: roleEffects.get(role) ?? "none", text: `holds role \`${role}\`, whose access changes` })),
  ];
  const name = diff.kind === "and_backend_roles" ? diff.name.split(" + ").map((p) => `\`${p}\``).join(" + ") : `\`${diff.name}\``;
  return { title: `${PRINCIPAL_NAMES[diff.kind]} ${name}`, effect: diff.effect, changes };
}

export function describeSetting(change: SettingChange): DescribedChange {
  return { effect: change.effect, text: `\`${change.setting}\`: ${settingValue(change.before)} → ${settingValue(change.after)}` };
}

export function settingValue(value: SettingValue): string {
  if (typeof value !== "object") return `\`${String(value)}\``;
  return value.length === 0 ? "none" : names(value);
}

function gainsAndLosses(change: PatternChange): string {
  return [change.gained.length > 0 ? `gains ${names(change.gained)}` : "", change.lost.length > 0 ? `loses ${names(change.lost)}` : ""].filter(Boolean).join("; ");
}

function effectOfChange(gained: readonly unknown[], lost: readonly unknown[]): Effect {
  return effectOf(gained.length > 0, lost.length > 0);
}

function names(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(", ");
}
