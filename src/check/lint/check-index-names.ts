/**
 * PC8006: an index pattern that no valid index name can match (see
 * index-name-rules.ts). The plugin accepts it; it just never grants
 * anything, which hides typos such as `Logs-*` or `logs-*, metrics-*`.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { LocatedString } from "../../model/types.js";
import { indexNameProblem } from "./index-name-rules.js";
import type { LintContext } from "./lint-context.js";

export function checkIndexNames(context: LintContext, sink: DiagnosticSink): void {
  for (const role of context.roles) {
    for (const entry of role.indexPermissions) entry.indexPatterns.forEach((pattern) => checkPattern(pattern, sink));
  }
}

function checkPattern(pattern: LocatedString, sink: DiagnosticSink): void {
  const problem = indexNameProblem(pattern.value);
  if (problem === undefined) return;
  const what = problem.aliasOnly ? "an index or data stream" : "an index, alias or data stream";
  const tail = problem.aliasOnly ? ", so it can match only an alias" : "";
  const hint = problem.suggestion === undefined ? "" : `; did you mean ${code(problem.suggestion)}?`;
  const help = problem.help ?? (problem.aliasOnly ? "write index patterns in lowercase, unless the pattern is meant for an alias" : undefined);
  sink.report("PC8006", `index pattern ${code(pattern.value)} can never match ${what}: ${problem.reason}${tail}${hint}`, pattern.span, {
    ...(help !== undefined ? { help } : {}),
    ...(problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {}),
  });
}
