/**
 * `PUT _cluster/settings`: the dynamic settings that change decisions
 * (the anomaly-detection and forecasting plugins' backend-role filters) are
 * applied from `persistent` and `transient`; a `null` resets one to its
 * default. The security plugin's settings are node settings, which the
 * cluster settings API does not change: they belong in opensearch.yml.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { settingDefinitionByName, type SettingKey, type Settings } from "../../model/settings.js";
import { applySettingsPatch, readSettingValue } from "../yaml/settings-values.js";
import type { YamlNode } from "../yaml/yaml-nodes.js";

/** The settings the cluster settings API can change (dynamic cluster settings), by key. */
const DYNAMIC: ReadonlySet<SettingKey> = new Set(["anomalyDetectionFilterByBackendRoles", "forecastFilterByBackendRoles"]);

export function applyClusterSettings(settings: Settings, body: YamlNode, sink: DiagnosticSink): Settings {
  if (body.kind !== "map") {
    sink.report("PC2101", "a cluster settings body is a JSON object with `persistent` and `transient`", body.span);
    return settings;
  }
  const values = new Map<SettingKey, Settings[SettingKey]>();
  const origins = new Map<SettingKey, SourceSpan>();
  for (const group of body.entries) {
    if (group.key.value !== "persistent" && group.key.value !== "transient") {
      sink.report("PC2101", `unknown key ${code(group.key.value)} in a cluster settings body; it takes \`persistent\` and \`transient\``, group.key.span);
      continue;
    }
    for (const [name, node, span] of flatten(group.value, "")) {
      const definition = settingDefinitionByName(name);
      if (!definition || definition.flavor === "searchguard") {
        sink.report("PC2116", `setting ${code(name)} does not change decisions; policyc skips it`, span);
        continue;
      }
      if (!DYNAMIC.has(definition.key)) {
        sink.report("PC2116", `${code(name)} is a node setting, which the cluster settings API cannot change; policyc skips it`, span, {
          help: "set it in opensearch.yml on every node (and give that file to policyc)",
        });
        continue;
      }
      const value = node.kind === "scalar" && node.type === "null" ? definition.defaultValue : readSettingValue(definition, node, { name, sink, reader: "opensearch" });
      if (value === undefined) continue;
      values.set(definition.key, value);
      origins.set(definition.key, { file: span.file, start: span.start, end: node.span.end });
    }
  }
  return applySettingsPatch(settings, { values, origins });
}

/** `{"plugins": {"a": true}}` and `{"plugins.a": true}` alike → `plugins.a`, with the key's span. */
function flatten(node: YamlNode, prefix: string): [string, YamlNode, SourceSpan][] {
  if (node.kind !== "map") return [];
  return node.entries.flatMap(({ key, value }) => {
    const name = prefix === "" ? key.value : `${prefix}.${key.value}`;
    return value.kind === "map" ? flatten(value, name) : [[name, value, key.span] as [string, YamlNode, SourceSpan]];
  });
}
