/**
 * PC8007: a role that allows every action (`*`, or a group such as
 * `unlimited` that grants it) on every index (`*`). That is what the
 * built-in `all_access` is for; a custom role doing the same is usually a
 * shortcut taken while testing that outlives the test.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { LintContext } from "./lint-context.js";

const ALL_ACCESS = "all_access";

export function checkUnrestrictedGrants(context: LintContext, sink: DiagnosticSink): void {
  for (const role of context.roles) {
    if (role.name.value === ALL_ACCESS) continue;
    for (const entry of role.indexPermissions) {
      if (!entry.indexPatterns.some((pattern) => pattern.value === "*")) continue;
      const everything = entry.allowedActions.find((action) => context.granted(action.value).includes("*"));
      if (everything === undefined) continue;
      const via = everything.value === "*" ? "" : ` (through ${code(everything.value)})`;
      sink.report("PC8007", `role ${code(role.name.value)} allows every action${via} on every index, as the built-in \`all_access\` does`, everything.span, {
        help: "allow only the actions and indices the role needs; for administrators, map them to `all_access`",
      });
    }
  }
}
