/**
 * opensearch.yml: node settings as flat dotted keys, nested maps or both
 * (OpenSearch flattens them the same way). Only the settings of the catalog
 * matter; other security settings get a warning, as do near misses of the
 * anomaly detection and forecasting settings; any other key is ignored.
 * For Search Guard the file is elasticsearch.yml and the catalog's
 * `searchguard.*` settings are read instead; Search Guard has many other node
 * settings, so only a near miss of one policyc reads gets a warning.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import { SETTING_DEFINITIONS, settingDefinitionByName, type SettingKey, type Settings } from "../../model/settings.js";
import type { Flavor } from "../../model/types.js";
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
/**
 * The node settings of a flavor: the catalog's `config.dynamic.*` entries live in config.yml and
 * Search Guard's `sg_*` ones in their sg_*.yml files, not among the node settings.
 */
function nodeSettingNames(flavor: Flavor): Set<string> {
  const definitions = SETTING_DEFINITIONS.filter((definition) => (definition.flavor ?? "opensearch") === flavor);
  const names = definitions.flatMap((definition) => definition.names);
  return new Set(names.filter((name) => (flavor === "searchguard" ? name.startsWith("searchguard.") : !name.startsWith("config."))));
}

const NODE_SETTING_NAMES: Readonly<Record<Flavor, ReadonlySet<string>>> = {
  opensearch: nodeSettingNames("opensearch"),
  searchguard: nodeSettingNames("searchguard"),
};

/** Search Guard FLX no longer reads the mapping mode from elasticsearch.yml (`AuthorizationConfig.parseLegacySgConfig` is not called). */
const SG_LEGACY_MAPPING_MODE = "searchguard.roles_mapping_resolution";

export function readSettingsFile(tree: YamlTree, sink: DiagnosticSink, flavor: Flavor = "opensearch"): SettingsPatch {
  const values = new Map<SettingKey, Settings[SettingKey]>();
  const origins = new Map<SettingKey, SourceSpan>();
  const given = new Map<SettingKey, FlatSetting>();
  const { root } = tree;
  if (root && root.kind !== "map") {
    sink.report("PC2007", "`opensearch.yml` must be a mapping of setting names to values", root.span);
  }
  const known = NODE_SETTING_NAMES[flavor];
  for (const setting of flattenSettings(root?.kind === "map" ? root : undefined, sink)) {
    const definition = known.has(setting.name) ? settingDefinitionByName(setting.name) : undefined;
    if (!definition) {
      if (flavor === "searchguard") reportUnknownSearchGuard(setting, sink);
      else reportUnknown(setting, sink);
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
  const suggestion = didYouMean(setting.name, NODE_SETTING_NAMES.opensearch);
  if (!security && suggestion === "") return;
  sink.report("PC2012", `policyc does not read setting ${code(setting.name)}${suggestion}`, setting.key.span);
}

function reportUnknownSearchGuard(setting: FlatSetting, sink: DiagnosticSink): void {
  if (setting.name === SG_LEGACY_MAPPING_MODE) {
    sink.report("PC2012", `Search Guard FLX does not read ${code(SG_LEGACY_MAPPING_MODE)} from elasticsearch.yml`, setting.key.span, {
      help: "set `role_mapping.resolution_mode` in sg_authz.yml",
    });
    return;
  }
  const suggestion = didYouMean(setting.name, NODE_SETTING_NAMES.searchguard);
  if (suggestion !== "") sink.report("PC2012", `policyc does not read setting ${code(setting.name)}${suggestion}`, setting.key.span);
}

function reportTwice(setting: FlatSetting, first: FlatSetting, sink: DiagnosticSink): void {
  sink.report("PC2002", `setting ${code(setting.name)} is the same setting as ${code(first.name)}, given before`, setting.key.span, {
    related: [{ message: `${code(first.name)} is given here`, span: first.key.span }],
    help: "give the setting once",
  });
}
