/**
 * PC8004: an allowed action that another entry of the same list already
 * grants (`indices:data/read/search` next to `indices:data/read/*`, `read`
 * next to `crud`), in a role's cluster permissions or one index permission.
 * PC8005: an index pattern that another pattern of the same index permission
 * already matches (`logs-2024*` next to `logs-*`).
 *
 * Tenant permissions are left alone: there the plugin reads the allowed
 * actions literally, not as patterns.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { LocatedString } from "../../model/types.js";
import { coveredEntries } from "./covered-entries.js";
import { isGroup, type LintContext } from "./lint-context.js";

export function checkRedundantGrants(context: LintContext, sink: DiagnosticSink): void {
  for (const role of context.roles) {
    checkActionList(context, role.clusterPermissions, sink);
    for (const entry of role.indexPermissions) {
      checkActionList(context, entry.allowedActions, sink);
      checkPatternList(context, entry.indexPatterns, sink);
    }
  }
}

function checkActionList(context: LintContext, actions: readonly LocatedString[], sink: DiagnosticSink): void {
  for (const { narrow, broad } of coveredEntries(actions, (a, b) => context.grantsAllOf(a.value, b.value))) {
    const action = actions[narrow]!;
    const by = actions[broad]!;
    const subject = isGroup(context, action.value) ? `action group ${code(action.value)}` : code(action.value);
    const message =
      action.value === by.value
        ? `${subject} is listed twice in the same list of allowed actions`
        : `${subject} adds nothing: ${code(by.value)} in the same list already grants ${isGroup(context, action.value) ? "all its actions" : "it"}`;
    sink.report("PC8004", message, action.span, { help: "remove it", related: relatedAt(by, "the broader allowed action") });
  }
}

function checkPatternList(context: LintContext, patterns: readonly LocatedString[], sink: DiagnosticSink): void {
  if (patterns.length < 2) return;
  // Patterns the plugin drops match nothing and are reported elsewhere (PC4001, PC4002).
  const usable = patterns.filter((pattern) => context.coverage.usable(pattern.value));
  for (const { narrow, broad } of coveredEntries(usable, (a, b) => context.coverage.patternCovers(a.value, b.value))) {
    const pattern = usable[narrow]!;
    const by = usable[broad]!;
    const message =
      pattern.value === by.value
        ? `index pattern ${code(pattern.value)} is listed twice in the same permission`
        : `index pattern ${code(pattern.value)} adds nothing: ${code(by.value)} in the same permission already matches every name it matches`;
    sink.report("PC8005", message, pattern.span, { help: "remove it", related: relatedAt(by, "the broader index pattern") });
  }
}

function relatedAt(entry: LocatedString, message: string) {
  return entry.span ? [{ message, span: entry.span }] : [];
}
