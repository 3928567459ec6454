/**
 * Attributes Search Guard FLX removed: `exclude_index_permissions` (Classic's
 * index exclusions) makes FLX's role parser fail with "This attribute is no
 * longer supported"; FLX excludes indices with a negation `-pattern` inside
 * the `index_patterns` of the entry that grants them.
 */
import type { DiagnosticSink } from "../../../diagnostics/diagnostic.js";
import { code } from "../../../diagnostics/message-text.js";
import { bodyOf } from "../to-model-values.js";
import { findEntry, type YamlTree } from "../yaml-nodes.js";
import { sgConfigEntries } from "./sg-to-model.js";

export function checkRemovedRoleAttributes(tree: YamlTree, sink: DiagnosticSink): void {
  for (const entry of sgConfigEntries(tree.root)) {
    const body = bodyOf(entry);
    const removed = body ? findEntry(body, "exclude_index_permissions") : undefined;
    if (!removed) continue;
    sink.report(
      "PC2016",
      `\`exclude_index_permissions\` (role ${code(entry.key.value)}) is no longer supported in Search Guard FLX; the plugin rejects the role`,
      removed.key.span,
      { help: "exclude indices with an index negation `-pattern` in the `index_patterns` of the entry that grants them, e.g. `[\"logs-*\", \"-logs-secret\"]`" },
    );
  }
}
