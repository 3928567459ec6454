/**
 * Explicitly given settings (those with an origin) as the files the plugin
 * reads them from, under their documented names: node settings in
 * opensearch.yml, the Dashboards settings under `config.dynamic.kibana` in
 * config.yml (opensearch.yml does not hold those).
 */
import { SETTING_DEFINITIONS, type SettingDefinition, type Settings } from "../../model/settings.js";
import { configFile, indent } from "./yaml-blocks.js";
import { yamlString } from "./yaml-scalars.js";

const KIBANA_PREFIX = "config.dynamic.kibana.";

/** The settings files to write, by name; none when no setting was given explicitly. */
export function settingsFiles(settings: Settings): Record<string, string> {
  const given = SETTING_DEFINITIONS.filter((definition) => settings.origins[definition.key] !== undefined);
  const node = given.filter((definition) => !documentedName(definition).startsWith(KIBANA_PREFIX));
  const kibana = given.filter((definition) => documentedName(definition).startsWith(KIBANA_PREFIX));
  const files: Record<string, string> = {};
  if (node.length > 0) files["opensearch.yml"] = node.map((definition) => `${documentedName(definition)}: ${settingValue(definition, settings)}`).join("\n") + "\n";
  if (kibana.length > 0) files["config.yml"] = configYml(kibana, settings);
  return files;
}

function configYml(definitions: readonly SettingDefinition[], settings: Settings): string {
  const fields = definitions.map((definition) => `${documentedName(definition).slice(KIBANA_PREFIX.length)}: ${settingValue(definition, settings)}`);
  return configFile("config", [["config:", "  dynamic:", "    kibana:", ...indent(fields, 6)]]);
}

function documentedName(definition: SettingDefinition): string {
  return definition.names[0]!;
}

/** Booleans bare, strings quoted, lists in flow style (`[".a", ".b*"]`). */
function settingValue(definition: SettingDefinition, settings: Settings): string {
  const value = settings[definition.key];
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return yamlString(value);
  return `[${value.map(yamlString).join(", ")}]`;
}
