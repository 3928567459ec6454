/**
 * The access diff of two compiled versions of a policy. Both tables are
 * fully expanded, so a change to a nested action group shows in every role
 * that uses it, and a reordered file or a renamed action group that expands
 * to the same actions changes nothing.
 */
import { diffPrincipals, type DiffSide } from "./diff-principals.js";
import { diffRole } from "./diff-roles.js";
import { diffSettings } from "./diff-settings.js";
import { combineEffects, type PolicyDiff, type RoleDiff } from "./model.js";
import { roleAccess, type RoleAccess } from "./role-access.js";
import type { DecisionTable } from "../../table/types.js";

export function diffPolicies(before: DecisionTable, after: DecisionTable): PolicyDiff {
  const old = sideOf(before);
  const now = sideOf(after);
  const names = [...new Set([...old.access.keys(), ...now.access.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const roles = names.flatMap((name) => diffRole(name, old.access.get(name), now.access.get(name), roleLocation(now.access.has(name) ? after : before, name)) ?? []);
  const roleDiffs = new Map<string, RoleDiff>(roles.map((diff) => [diff.role, diff]));
  const principals = diffPrincipals(old, now, roleDiffs);
  const settings = diffSettings(before, after);
  const effect = combineEffects([...roles, ...principals, ...settings].map((change) => change.effect));
  return { effect, roles, principals, settings, notes: provenanceNotes(before, after) };
}

/** Internal users are known only from provenance: a table without it leaves them out of the comparison. */
function provenanceNotes(before: DecisionTable, after: DecisionTable): string[] {
  const missing = [before.provenance === undefined ? "old" : "", after.provenance === undefined ? "new" : ""].filter(Boolean);
  if (missing.length === 0) return [];
  return [`the ${missing.join(" and the ")} version ${missing.length === 1 ? "is a table" : "are tables"} without provenance: internal users are not compared`];
}

function sideOf(table: DecisionTable): DiffSide {
  return { table, access: new Map<string, RoleAccess>(table.roles.map((role) => [role.name, roleAccess(table, role)])) };
}

function roleLocation(table: DecisionTable, name: string) {
  const id = table.roles.findIndex((role) => role.name === name);
  return id < 0 ? undefined : table.provenance?.roles[id]?.at;
}
