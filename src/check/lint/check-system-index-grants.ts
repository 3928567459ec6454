/**
 * PC8009: an index permission that grants `system:admin/system_index`
 * explicitly (by name, by a pattern other than the bare `*`, or through an
 * action group) while `plugins.security.system_indices.permission.enabled`
 * is off. The plugin then never asks for it (SystemIndexAccessEvaluator): it
 * does nothing, and the role does not reach the system indices it was meant for.
 */
import type { DiagnosticSink, RelatedLocation } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { LocatedString } from "../../model/types.js";
import { SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";
import { isGroup, type LintContext } from "./lint-context.js";

const SETTING = "plugins.security.system_indices.permission.enabled";

export function checkSystemIndexGrants(context: LintContext, sink: DiagnosticSink): void {
  if (context.settings.systemIndexPermissionEnabled) return;
  const origin = context.settings.origins.systemIndexPermissionEnabled;
  const related: RelatedLocation[] = origin ? [{ message: `${code(SETTING)} is turned off here`, span: origin }] : [];
  for (const role of context.roles) {
    for (const entry of role.indexPermissions) {
      for (const action of entry.allowedActions) if (grantsSystemIndex(context, action)) report(context, action, origin === undefined, related, sink);
    }
  }
}

/** Whether the action grants the permission explicitly, as the plugin counts it (never the bare `*`). */
function grantsSystemIndex(context: LintContext, action: LocatedString): boolean {
  return context.granted(action.value).some((pattern) => context.coverage.grantsSystemIndex(pattern));
}

function report(context: LintContext, action: LocatedString, byDefault: boolean, related: RelatedLocation[], sink: DiagnosticSink): void {
  const subject = action.value === SYSTEM_INDEX_PERMISSION ? code(action.value) : `${isGroup(context, action.value) ? "action group " : ""}${code(action.value)} grants ${code(SYSTEM_INDEX_PERMISSION)}, which`;
  sink.report("PC8009", `${subject} does nothing while ${code(SETTING)} is off${byDefault ? ", as it is by default" : ""}`, action.span, {
    help: `set ${code(`${SETTING}: true`)} in opensearch.yml to let this role reach system indices through it, or remove it`,
    related,
  });
}
