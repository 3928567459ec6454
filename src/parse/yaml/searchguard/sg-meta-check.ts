/**
 * Search Guard's meta block: FLX skips every top-level key starting with
 * `_sg`, so `_sg_meta` is optional and nothing in it changes how the file is
 * read. OpenSearch's `_meta` is not skipped: the plugin reads it as an entry
 * and rejects its attributes, so it is an error that says what to write.
 */
import type { DiagnosticSink } from "../../../diagnostics/diagnostic.js";
import { code } from "../../../diagnostics/message-text.js";
import type { PolicyConfigKind } from "../config-kinds.js";
import { findEntry, type YamlNode, type YamlTree } from "../yaml-nodes.js";

export function checkSgMeta(tree: YamlTree, kind: PolicyConfigKind, sink: DiagnosticSink): void {
  const { root } = tree;
  if (root?.kind !== "map") return; // the schema check reports the shape
  const meta = findEntry(root, "_meta");
  if (meta) {
    sink.report("PC2006", `Search Guard reads \`_meta\` as ${kind.entryNoun} \`_meta\` and rejects it; its meta block is \`_sg_meta\``, meta.key.span, {
      help: "rename the block to `_sg_meta`, or remove it: Search Guard FLX does not need one",
    });
  }
  checkSgMetaType(findEntry(root, "_sg_meta")?.value, kind, sink);
}

/** A `_sg_meta.type` naming another file type is ignored by FLX, but says the file is not what its name says. */
function checkSgMetaType(meta: YamlNode | undefined, kind: PolicyConfigKind, sink: DiagnosticSink): void {
  if (meta?.kind !== "map") return;
  const type = findEntry(meta, "type")?.value;
  if (type?.kind !== "scalar" || type.type === "null" || type.value.toLowerCase() === kind.type) return;
  sink.report("PC2004", `\`_sg_meta.type\` is ${code(type.value)} but the file is read as ${code(kind.type)} (by its name)`, type.span, {
    severity: "warning",
    help: `write \`type: "${kind.type}"\`, or rename the file`,
  });
}
