/**
 * config.yml: only `config.dynamic.kibana` matters for decisions
 * (multi-tenancy, the private tenant, the Dashboards server user and index);
 * another key there gets a warning unless it is one of the plugin's other
 * Dashboards options. The rest (authentication and authorization backends)
 * is accepted as it is.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { allSettingNames, settingDefinitionByName, type SettingKey, type Settings } from "../../model/settings.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { code } from "../../diagnostics/message-text.js";
import { checkMeta } from "./meta-check.js";
import { readSettingValue, type SettingsPatch } from "./settings-values.js";
import { findEntry, type YamlMap, type YamlTree } from "./yaml-nodes.js";

const KIBANA_PATH = ["config", "dynamic", "kibana"];
/** The plugin's other Dashboards options (ConfigV7.Kibana), which do not change decisions. */
const OTHER_KIBANA_OPTIONS = new Set(["default_tenant", "opendistro_role", "sign_in_options"]);
const KIBANA_SETTING_NAMES = allSettingNames().filter((name) => name.startsWith(`${KIBANA_PATH.join(".")}.`));

export function readConfigFile(tree: YamlTree, sink: DiagnosticSink): SettingsPatch {
  const values = new Map<SettingKey, Settings[SettingKey]>();
  const origins = new Map<SettingKey, SourceSpan>();
  checkMeta(tree, "config", sink);
  const { root } = tree;
  if (root && root.kind !== "map") {
    sink.report("PC2007", "the file must be a mapping with `_meta` and `config`", root.span);
    return { values, origins };
  }
  checkTopLevel(root, sink);
  const kibana = mapAt(root, KIBANA_PATH, sink);
  for (const entry of kibana?.entries ?? []) {
    const name = `${KIBANA_PATH.join(".")}.${entry.key.value}`;
    const definition = settingDefinitionByName(name);
    if (!definition) {
      if (!OTHER_KIBANA_OPTIONS.has(entry.key.value)) {
        sink.report("PC2012", `policyc does not read setting ${code(name)}${didYouMean(name, KIBANA_SETTING_NAMES)}`, entry.key.span);
      }
      continue;
    }
    const value = readSettingValue(definition, entry.value, { name, sink, reader: "jackson" });
    if (value === undefined) continue;
    values.set(definition.key, value);
    origins.set(definition.key, { file: tree.file, start: entry.key.span.start, end: entry.value.span.end });
  }
  return { values, origins };
}

/** The plugin wants exactly one top-level key besides `_meta`: `config`. */
function checkTopLevel(root: YamlMap | undefined, sink: DiagnosticSink): void {
  for (const { key } of root?.entries ?? []) {
    if (key.value === "_meta" || key.value === "config") continue;
    sink.report("PC2006", `unknown key ${code(key.value)} in config.yml; the plugin needs a single top-level key \`config\``, key.span);
  }
}

/** The map at a path of keys; a missing or empty step gives undefined, another shape is reported. */
function mapAt(root: YamlMap | undefined, path: readonly string[], sink: DiagnosticSink): YamlMap | undefined {
  let current = root;
  for (let i = 0; i < path.length && current; i++) {
    const entry = findEntry(current, path[i]!);
    if (!entry || (entry.value.kind === "scalar" && entry.value.type === "null")) return undefined;
    if (entry.value.kind !== "map") {
      sink.report("PC2007", `${code(path.slice(0, i + 1).join("."))} must be a mapping`, entry.value.span);
      return undefined;
    }
    current = entry.value;
  }
  return current;
}
