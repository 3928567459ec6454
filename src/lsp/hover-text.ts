/**
 * What hovering a name shows, as Markdown: an action group's full expansion
 * and its nested groups, what a role grants, whether an action is checked as
 * a cluster or an index action (README rule 6), a tenant's definition.
 */
import { readKnownActions } from "../check/known-actions.js";
import type { SymbolOccurrence } from "../check/symbol-index.js";
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { ActionGroup } from "../model/types.js";
import { BUILTIN_PREFIX } from "../parse/yaml/builtin-policy.js";
import { compilePattern, isRegexPattern } from "../patterns/pattern.js";
import type { ResolvedPolicy, ResolvedRole } from "../resolve/index.js";
import { isClusterAction } from "../rules/actions.js";

/** How many names a list shows before "and N more". */
const SHOWN_NAMES = 12;
/** How deep the tree of nested action groups goes. */
const GROUP_TREE_DEPTH = 8;

export function describeSymbol(occurrence: SymbolOccurrence, policy: ResolvedPolicy): string {
  switch (occurrence.kind) {
    case "action_group":
      return describeActionGroup(occurrence.name, policy);
    case "role":
      return describeRole(occurrence.name, policy);
    case "action":
      return describeAction(occurrence.name);
    case "tenant":
      return describeTenant(occurrence.name, policy);
  }
}

export function describeActionGroup(name: string, policy: ResolvedPolicy): string {
  const group = policy.groups.groups.get(name);
  if (!group) return `action group ${code(name)} is not defined`;
  const flattened = policy.groups.flattened.get(name) ?? [];
  const actions = flattened.filter((action) => !policy.groups.groups.has(action));
  const lines = [heading("action group", name, group.span, group.type === undefined ? [] : [`type ${code(group.type)}`])];
  if (group.description) lines.push("", group.description);
  lines.push("", `**expands to** ${count(actions.length, "action")}${actions.length ? ": " : ""}${nameList(actions)}`);
  const tree = groupTree(group, policy.groups.groups, [name], 0);
  if (tree.length) lines.push("", "**nested groups**", "", ...tree);
  return lines.join("\n");
}

/** The groups a group includes, as a nested Markdown list; a cycle is marked where it closes. */
function groupTree(group: ActionGroup, groups: ReadonlyMap<string, ActionGroup>, path: readonly string[], depth: number): string[] {
  const indent = "  ".repeat(depth);
  const members = [...new Set(group.allowedActions.map((action) => action.value))].filter((member) => groups.has(member));
  return members.flatMap((member) => {
    if (path.includes(member)) return [`${indent}- ${code(member)} (cycle)`];
    if (depth + 1 >= GROUP_TREE_DEPTH) return [`${indent}- ${code(member)} …`];
    return [`${indent}- ${code(member)}`, ...groupTree(groups.get(member)!, groups, [...path, member], depth + 1)];
  });
}

export function describeRole(name: string, policy: ResolvedPolicy): string {
  const role = policy.roles.get(name);
  if (!role) return `role ${code(name)} is not defined, so it grants nothing`;
  const lines = [heading("role", name, role.source.span, [])];
  if (role.source.description) lines.push("", role.source.description);
  const grants = [...clusterGrant(role, policy), ...role.index.map((entry) => indexGrant(entry, policy)), ...role.tenants.map(tenantGrant)];
  lines.push("", ...(grants.length ? grants : ["grants nothing"]));
  return lines.join("\n");
}

function clusterGrant(role: ResolvedRole, policy: ResolvedPolicy): string[] {
  const written = role.source.clusterPermissions.map((action) => action.value);
  if (written.length === 0) return [];
  return [`- **cluster** ${nameList(written)}${expansion(written, role.cluster, policy)}`];
}

function indexGrant(entry: ResolvedRole["index"][number], policy: ResolvedPolicy): string {
  const written = entry.source.allowedActions.map((action) => action.value);
  const restrictions = [
    ...(entry.source.dls ? ["DLS query"] : []),
    ...(entry.source.fls.length ? [`FLS ${nameList(entry.source.fls.map((field) => field.value))}`] : []),
    ...(entry.source.maskedFields.length ? [`masked ${nameList(entry.source.maskedFields.map((field) => field.value))}`] : []),
  ];
  const patterns = entry.source.indexPatterns.map((pattern) => pattern.value);
  const actions = written.length ? `${nameList(written)}${expansion(written, entry.actions, policy)}` : "no actions";
  const restricted = restrictions.length ? `; ${restrictions.join("; ")}` : "";
  return `- **index** ${patterns.length ? nameList(patterns) : "(no pattern)"}: ${actions}${restricted}`;
}

function tenantGrant(entry: ResolvedRole["tenants"][number]): string {
  const patterns = entry.source.tenantPatterns.map((pattern) => pattern.value);
  return `- **tenant** ${patterns.length ? nameList(patterns) : "(no pattern)"}: ${entry.write ? "read-write" : "read-only"}`;
}

/** ` → N actions: …` when the written names expand to more than themselves. */
function expansion(written: readonly string[], expanded: readonly string[], policy: ResolvedPolicy): string {
  const actions = expanded.filter((action) => !policy.groups.groups.has(action));
  const same = actions.length === written.length && actions.every((action) => written.includes(action));
  return same ? "" : ` → ${count(actions.length, "action")}: ${nameList(actions)}`;
}

export function describeAction(name: string): string {
  const known = readKnownActions();
  if (/[*?]/.test(name) || isRegexPattern(name)) {
    const matches = [...known].filter(compilePattern(name)).sort();
    return `${code(name)} is an action pattern; it matches ${count(matches.length, "known action")}${matches.length ? ": " : ""}${nameList(matches)}`;
  }
  const kind = isClusterAction(name)
    ? "a **cluster** action: a role grants it in `cluster_permissions`"
    : "an **index** action: a role grants it in the `allowed_actions` of an index permission";
  const unknown = known.has(name) ? "" : " (not an action policyc knows)";
  return `${code(name)} is ${kind}${unknown}`;
}

export function describeTenant(name: string, policy: ResolvedPolicy): string {
  const tenant = policy.model.tenants.find((candidate) => candidate.name.value === name);
  if (!tenant) return `tenant ${code(name)} is not defined`;
  const lines = [heading("tenant", name, tenant.span, [])];
  if (tenant.description) lines.push("", tenant.description);
  return lines.join("\n");
}

function heading(kind: string, name: string, span: SourceSpan | undefined, extra: readonly string[]): string {
  const builtin = span?.file.path.startsWith(BUILTIN_PREFIX) ? ["built-in"] : [];
  return [`**${kind}** ${code(name)}`, ...builtin, ...extra].join(" · ");
}

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN_NAMES).map(code).join(", ");
  return names.length > SHOWN_NAMES ? `${shown} and ${names.length - SHOWN_NAMES} more` : shown;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Inline code that survives any text: a backtick inside gets a longer fence. */
function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
