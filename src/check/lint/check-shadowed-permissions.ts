/**
 * PC8003: an index permission that another index permission of the same
 * role already grants in full: every index it names is matched by the
 * other's patterns, every action it allows is allowed there too.
 *
 * Entries with DLS, FLS or field masking are never compared: a restricted
 * entry limits what the role returns, so it is not redundant even where a
 * broader entry grants the same actions, and an unrestricted entry next to a
 * restricted one changes which documents come back.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { IndexPermission, Role } from "../../model/types.js";
import { coveredEntries } from "./covered-entries.js";
import { entryName, type LintContext } from "./lint-context.js";
import { covers, type ParsedPattern } from "./pattern-cover.js";

interface EntryGrants {
  readonly position: number;
  readonly source: IndexPermission;
  readonly patterns: readonly ParsedPattern[];
  /** The granted action patterns, computed only for an entry whose indices another entry covers (most entries' are not). */
  actions: ActionGrants | undefined;
}

interface ActionGrants {
  readonly list: readonly string[];
  readonly set: ReadonlySet<string>;
}

export function checkShadowedPermissions(context: LintContext, sink: DiagnosticSink): void {
  for (const role of context.roles) checkRole(context, role, sink);
}

function checkRole(context: LintContext, role: Role, sink: DiagnosticSink): void {
  if (role.indexPermissions.length < 2) return;
  const entries = role.indexPermissions
    .map((source, position) => grantsOf(context, source, position))
    .filter((entry): entry is EntryGrants => entry !== undefined);
  for (const { narrow, broad } of coveredEntries(entries, (a, b) => grantsAll(context, a, b))) {
    const shadowed = entries[narrow]!;
    const by = entries[broad]!;
    const message = `${entryName(role.name.value, shadowed.position)} grants nothing that index permission ${by.position + 1} does not: that one allows all its actions on all its indices`;
    sink.report("PC8003", message, shadowed.source.span, {
      help: `remove it, or merge what it adds into index permission ${by.position + 1}`,
      related: by.source.span ? [{ message: `index permission ${by.position + 1} of role ${code(role.name.value)}`, span: by.source.span }] : [],
    });
  }
}

/** An unrestricted entry with usable patterns; undefined for an entry with restrictions or one that names no index. */
function grantsOf(context: LintContext, source: IndexPermission, position: number): EntryGrants | undefined {
  if (source.dls !== undefined || source.fls.length > 0 || source.maskedFields.length > 0) return undefined;
  const patterns = source.indexPatterns.map((p) => context.coverage.parse(p.value)).filter((p) => p.shape !== "blank");
  return patterns.length === 0 ? undefined : { position, source, patterns, actions: undefined };
}

function actionsOf(context: LintContext, entry: EntryGrants): ActionGrants {
  if (entry.actions === undefined) {
    const set = new Set(entry.source.allowedActions.flatMap((action) => context.granted(action.value)));
    entry.actions = { list: [...set], set };
  }
  return entry.actions;
}

/** Indices first: they differ between most entries, and comparing them is cheap. */
function grantsAll(context: LintContext, broad: EntryGrants, narrow: EntryGrants): boolean {
  if (!narrow.patterns.every((pattern) => broad.patterns.some((wide) => covers(wide, pattern)))) return false;
  const wide = actionsOf(context, broad);
  const { list } = actionsOf(context, narrow);
  return list.length > 0 && list.every((action) => wide.set.has(action) || wide.list.some((pattern) => context.coverage.actionCovers(pattern, action)));
}
