/**
 * Warns about allowed actions that are neither action groups nor plausible
 * action names. The plugin keeps such a name as a literal action pattern that
 * matches nothing, which is almost always a typo (`my_reed` for `my_read`).
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { patternProblem, reportPatternProblem } from "../resolve/resolve-patterns.js";
import type { LocatedString, PolicyModel } from "../model/types.js";

export function checkActionNames(
  model: PolicyModel,
  groupNames: ReadonlySet<string>,
  knownActions: ReadonlySet<string>,
  sink: DiagnosticSink,
): void {
  const candidates = [...groupNames, ...knownActions];
  // One search per distinct name: a typo is often repeated, and a hostile file repeats one 390,000 times.
  const suggestions = new Map<string, string | undefined>();
  const suggest = (name: string) => {
    if (!suggestions.has(name)) suggestions.set(name, closestMatch(name, candidates));
    return suggestions.get(name);
  };
  const check = (action: LocatedString) => checkActionName(action, groupNames, knownActions, suggest, sink);
  for (const group of model.actionGroups) group.allowedActions.forEach(check);
  for (const role of model.roles) {
    role.clusterPermissions.forEach(check);
    for (const permission of role.indexPermissions) permission.allowedActions.forEach(check);
    for (const permission of role.tenantPermissions) permission.allowedActions.forEach(check);
  }
}

function checkActionName(
  action: LocatedString,
  groupNames: ReadonlySet<string>,
  knownActions: ReadonlySet<string>,
  suggest: (name: string) => string | undefined,
  sink: DiagnosticSink,
): void {
  const name = action.value;
  const problem = patternProblem(name);
  if (problem?.unsupported) reportPatternProblem(action, "action pattern", problem, sink);
  if (groupNames.has(name) || knownActions.has(name) || /[*?]/.test(name) || name.startsWith("/")) return;
  const suggestion = suggest(name);
  const hint = suggestion === undefined ? "" : `; did you mean \`${suggestion}\`?`;
  const options = suggestion === undefined ? {} : { suggestion };
  if (!name.includes(":")) {
    sink.report("PC3001", `${code(name)} is neither an action group nor an action, so it grants nothing${hint}`, action.span, options);
  } else if (suggestion !== undefined) {
    // Action names with a colon may belong to plugins we do not know; only a near miss is worth a warning.
    sink.report("PC3001", `unknown action ${code(name)}${hint}`, action.span, options);
  }
}
