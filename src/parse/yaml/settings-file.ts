/**
 * opensearch.yml: node settings as flat dotted keys, nested maps or both
 * (OpenSearch flattens them the same way). Only the settings of the catalog
 * matter; other security settings get a warning, as do near misses of the
 * anomaly detection and forecasting settings; any other key is ignored.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { allSettingNames, settingDefinitionByName, type SettingDefinition, type SettingKey, type Settings } from "../../model/settings.js";
import { code } from "../../diagnostics/message-text.js";
import { readSettingValue, type SettingsPatch } from "./settings-values.js";
import { isNull, type YamlMap, type YamlNode, type YamlScalar, type YamlTree } from "./yaml-nodes.js";

/** One flattened setting: its dotted name, the key it was written under, and its value. */
interface FlatSetting {
  readonly name: string;
  readonly key: YamlScalar;
  readonly value: YamlNode;
}

const SECURITY_PREFIXES = ["plugins.security.", "opendistro_security."];
/** Plugins with many settings policyc rightly ignores: only a near miss of one it reads is reported. */
const OWNING_PLUGIN_PREFIXES = ["plugins.anomaly_detection.", "opendistro.anomaly_detection.", "plugins.forecast."];
/** The catalog's `config.dynamic.*` entries live in config.yml, not among the node settings. */
const NODE_SETTING_NAMES = new Set(allSettingNames().filter((name) => !name.startsWith("config.")));

function nodeSettingDefinition(name: string): SettingDefinition | undefined {
  return NODE_SETTING_NAMES.has(name) ? settingDefinitionByName(name) : undefined;
}

export function readSettingsFile(tree: YamlTree, sink: DiagnosticSink): SettingsPatch {
  const values = new Map<SettingKey, Settings[SettingKey]>();
  const origins = new Map<SettingKey, SourceSpan>();
  const given = new Map<SettingKey, FlatSetting>();
  const { root } = tree;
  if (root && root.kind !== "map") {
    sink.report("PC2007", "`opensearch.yml` must be a mapping of setting names to values", root.span);
  }
  for (const setting of flattenSettings(root?.kind === "map" ? root : undefined, sink)) {
    const definition = nodeSettingDefinition(setting.name);
    if (!definition) {
      reportUnknown(setting, sink);
      continue;
    }
    if (isNull(setting.value)) continue; // an empty value leaves the default, as in OpenSearch
    const first = given.get(definition.key);
    if (first) {
      reportTwice(setting, first, sink);
      continue;
    }
    given.set(definition.key, setting);
    const value = readSettingValue(definition, setting.value, { name: setting.name, sink, reader: "opensearch" });
    if (value === undefined) continue;
    values.set(definition.key, value);
    origins.set(definition.key, { file: tree.file, start: setting.key.span.start, end: setting.value.span.end });
  }
  return { values, origins };
}

/** Every leaf under its dotted name, in source order; a name reached twice is reported once. */
function flattenSettings(map: YamlMap | undefined, sink: DiagnosticSink): FlatSetting[] {
  const leaves: FlatSetting[] = [];
  const seen = new Map<string, YamlScalar>();
  const visit = (node: YamlMap, prefix: string): void => {
    for (const { key, value } of node.entries) {
      const name = prefix === "" ? key.value : `${prefix}.${key.value}`;
      if (value.kind === "map") {
        visit(value, name); // depth is bounded by the reader's limit
        continue;
      }
      const first = seen.get(name);
      if (first) {
        sink.report("PC2002", `setting ${code(name)} is given twice; opensearch rejects the file`, key.span, {
          related: [{ message: `${code(name)} is first given here`, span: first.span }],
        });
        continue;
      }
      seen.set(name, key);
      leaves.push({ name, key, value });
    }
  };
  if (map) visit(map, "");
  return leaves;
}

function reportUnknown(setting: FlatSetting, sink: DiagnosticSink): void {
  const security = SECURITY_PREFIXES.some((prefix) => setting.name.startsWith(prefix));
  if (!security && !OWNING_PLUGIN_PREFIXES.some((prefix) => setting.name.startsWith(prefix))) return;
  const suggestion = didYouMean(setting.name, NODE_SETTING_NAMES);
  if (!security && suggestion === "") return;
  sink.report("PC2012", `policyc does not read setting ${code(setting.name)}${suggestion}`, setting.key.span);
}

function reportTwice(setting: FlatSetting, first: FlatSetting, sink: DiagnosticSink): void {
  sink.report("PC2002", `setting ${code(setting.name)} is the same setting as ${code(first.name)}, given before`, setting.key.span, {
    related: [{ message: `${code(first.name)} is given here`, span: first.key.span }],
    help: "give the setting once",
  });
}
