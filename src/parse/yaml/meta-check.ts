/**
 * The `_meta` block every configuration file needs: `type` (a configuration
 * type name, compared case-insensitively) and `config_version: 2`. The plugin
 * rejects a file without `_meta`, with an unknown type or another version; it
 * accepts a known but different type, so that is only a warning.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { spanOf, type SourceSpan } from "../../diagnostics/source-file.js";
import { PLUGIN_CONFIG_TYPES } from "./config-kinds.js";
import { code } from "../../diagnostics/message-text.js";
import { findEntry, type YamlEntry, type YamlTree } from "./yaml-nodes.js";

export function checkMeta(tree: YamlTree, expectedType: string, sink: DiagnosticSink): void {
  const { root } = tree;
  if (root && root.kind !== "map") return; // the schema check reports the shape
  const meta = root ? findEntry(root, "_meta") : undefined;
  if (!meta) {
    sink.report("PC2003", `the file has no \`_meta\` block; the plugin rejects it`, spanOf(tree.file, root?.span.start ?? 0), {
      help: `add \`_meta: {type: "${expectedType}", config_version: 2}\` at the top of the file`,
    });
    return;
  }
  if (meta.value.kind !== "map") return; // the schema check reports the shape
  checkType(meta, expectedType, sink);
  checkVersion(meta, sink);
}

function checkType(meta: YamlEntry, expectedType: string, sink: DiagnosticSink): void {
  const entry = meta.value.kind === "map" ? findEntry(meta.value, "type") : undefined;
  const help = `write \`type: "${expectedType}"\``;
  if (!entry) {
    sink.report("PC2004", "`_meta` has no `type`", meta.key.span, { help });
    return;
  }
  const { value } = entry;
  if (value.kind !== "scalar" || value.type === "null") {
    sink.report("PC2004", `\`_meta.type\` must be ${code(expectedType)}`, visibleSpan(entry), { help });
    return;
  }
  const given = value.value.toLowerCase();
  if (given === expectedType) return;
  if (PLUGIN_CONFIG_TYPES.includes(given)) {
    const message = `\`_meta.type\` is ${code(value.value)} but the file is read as ${code(expectedType)}; the plugin accepts this`;
    sink.report("PC2004", message, value.span, { help, severity: "warning" });
  } else {
    const message = `unknown \`_meta.type\` ${code(value.value)}; the plugin rejects the file, expected ${code(expectedType)}`;
    sink.report("PC2004", message, value.span, { help });
  }
}

function checkVersion(meta: YamlEntry, sink: DiagnosticSink): void {
  const entry = meta.value.kind === "map" ? findEntry(meta.value, "config_version") : undefined;
  const help = "write `config_version: 2`";
  if (!entry) {
    sink.report("PC2005", "`_meta` has no `config_version`", meta.key.span, { help });
    return;
  }
  const { value } = entry;
  // Jackson also reads the string "2" as the number 2.
  if (value.kind === "scalar" && (value.type === "int" || value.type === "str") && value.value.trim() === "2") return;
  const shown = value.kind === "scalar" && value.type !== "null" ? `is ${code(value.value)}` : "is not a number";
  sink.report("PC2005", `\`_meta.config_version\` ${shown}; the plugin reads only version 2`, visibleSpan(entry), { help });
}

/** The value's span, or the key's when the value is empty and has no extent to show. */
function visibleSpan(entry: YamlEntry): SourceSpan {
  return entry.value.span.end > entry.value.span.start ? entry.value.span : entry.key.span;
}
