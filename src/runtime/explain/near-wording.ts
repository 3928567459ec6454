/**
 * Words shared by the near misses and the suggestions: names in backticks,
 * short lists, and where a role's permissions are written.
 */
import type { TableLocation } from "../../table/provenance.js";
import type { DecisionTable } from "../../table/types.js";

/** A name in backticks. */
export function nearTick(name: string): string {
  return `\`${name}\``;
}

/** `a`, `b` and `c`; the first `limit` names, then how many more. */
export function nearTickList(names: readonly string[], limit = 3): string {
  const shown = names.slice(0, limit).map(nearTick);
  if (names.length > limit) return `${shown.join(", ")} and ${names.length - limit} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]!}`;
}

/** `no other known action`, `1 other known action`, `3 other known actions`. */
export function nearOtherActions(count: number): string {
  if (count === 0) return "no other known action";
  return `${count} other known action${count === 1 ? "" : "s"}`;
}

/** An index permission's allowed actions as written (with provenance), else its expanded action patterns. */
export function nearEntryActions(table: DecisionTable, roleId: number, entry: number): string[] {
  const written = table.provenance?.roles[roleId]?.index[entry]?.allowedActions;
  if (written !== undefined) return written.map((name) => name.value);
  return table.roles[roleId]!.index[entry]!.actions.map((id) => table.actionPatterns[id]!);
}

/** An index permission's patterns, as the table holds them. */
export function nearEntryPatterns(table: DecisionTable, roleId: number, entry: number): string[] {
  return table.roles[roleId]!.index[entry]!.patterns.map((id) => table.indexPatterns[id]!);
}

/** Where the index permission's pattern (id) is written, else where the permission is, else the role. */
export function nearEntryAt(table: DecisionTable, roleId: number, entry: number, patternId?: number): TableLocation | undefined {
  const role = table.provenance?.roles[roleId];
  const provenance = role?.index[entry];
  if (provenance === undefined) return role?.at;
  const position = patternId === undefined ? -1 : table.roles[roleId]!.index[entry]!.patterns.indexOf(patternId);
  return (position >= 0 ? provenance.patterns[position] : undefined) ?? provenance.at ?? role?.at;
}

/** Where the role is written. */
export function nearRoleAt(table: DecisionTable, roleId: number): TableLocation | undefined {
  return table.provenance?.roles[roleId]?.at;
}

/** Whether the table's provenance marks the role built-in (a static role, which a policy cannot change). */
export function nearBuiltinRole(table: DecisionTable, roleId: number): boolean {
  return table.provenance?.roles[roleId]?.builtin === true;
}

/** The object with `at` only when there is a location (optional properties are never `undefined`). */
export function nearWithAt<T extends object>(value: T, at: TableLocation | undefined): T & { at?: TableLocation } {
  return at === undefined ? value : { ...value, at };
}

/** Code-unit order of two names, as every sorted list of the explanation uses. */
export function nearOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
