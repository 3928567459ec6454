/**
 * The settings catalog (settings.ts) written out for people and editors:
 * the README's table of every setting policyc honours and the JSON Schema of
 * opensearch.yml. scripts/build-settings-docs.mjs (`npm run docs`) writes
 * both; a test fails when the committed ones are not what the catalog gives.
 */
import { SETTING_DEFINITIONS, type SettingDefinition } from "./settings.js";

/** The README lines between which the settings table is generated. */
export const SETTINGS_SECTION_BEGIN = "<!-- settings:begin -->";
export const SETTINGS_SECTION_END = "<!-- settings:end -->";

/**
 * The file a setting is read from: node settings from opensearch.yml, `config.dynamic.*` from config.yml;
 * Search Guard's node settings from elasticsearch.yml, the others from the sg_* file their name starts with.
 */
export function settingFile(definition: SettingDefinition): string {
  const name = definition.names[0]!;
  if (definition.flavor === "searchguard") return name.startsWith("searchguard.") ? "elasticsearch.yml" : `${name.slice(0, name.indexOf("."))}.yml`;
  return name.startsWith("config.") ? "config.yml" : "opensearch.yml";
}

/** How the reader takes a value of this kind, said once for the README and the schema alike. */
function valueNote(definition: SettingDefinition): string {
  switch (definition.kind) {
    case "enum":
      return `One of ${(definition.values ?? []).map((value) => `\`${value}\``).join(", ")}, in any case.`;
    case "string-list":
      return "A list, or one string of comma-separated values.";
    case "boolean":
      return ["opensearch.yml", "elasticsearch.yml"].includes(settingFile(definition)) ? "Exactly `true` or `false`." : "`true` or `false`, in any case.";
    case "string":
      return "";
  }
}

function effect(definition: SettingDefinition): string {
  return [definition.description, valueNote(definition)].filter((part) => part !== "").join(" ");
}

function code(text: string): string {
  return `\`${text}\``;
}

function markdownCell(text: string): string {
  return text.replaceAll("|", "\\|");
}

function defaultText(definition: SettingDefinition): string {
  const value = definition.defaultValue;
  if (Array.isArray(value)) return value.length === 0 ? "`[]`" : code(value.join(", "));
  return code(String(value));
}

/** The README's settings table: one row per setting, in the catalog's order. */
export function settingsReadmeTable(): string {
  const rows = SETTING_DEFINITIONS.map((definition) => {
    const [name, ...others] = definition.names;
    const cells = [code(name!), others.map(code).join("<br>") || "—", defaultText(definition), settingFile(definition), effect(definition)];
    return `| ${cells.map(markdownCell).join(" | ")} |`;
  });
  return ["| setting | also read as | default | read from | effect |", "| --- | --- | --- | --- | --- |", ...rows].join("\n") + "\n";
}

/**
 * The README with the settings table between its markers.
 * @throws Error when the markers are missing or out of order.
 */
export function withSettingsSection(readme: string): string {
  const begin = readme.indexOf(SETTINGS_SECTION_BEGIN);
  const end = readme.indexOf(SETTINGS_SECTION_END);
  if (begin < 0 || end < begin) throw new Error(`the README needs the lines \`${SETTINGS_SECTION_BEGIN}\` and \`${SETTINGS_SECTION_END}\`, in this order`);
  const before = readme.slice(0, begin + SETTINGS_SECTION_BEGIN.length);
  return `${before}\n${settingsReadmeTable()}${readme.slice(end)}`;
}

/** The generated part of the README: the text between the markers. */
export function settingsSectionOf(readme: string): string | undefined {
  const begin = readme.indexOf(SETTINGS_SECTION_BEGIN);
  const end = readme.indexOf(SETTINGS_SECTION_END);
  return begin < 0 || end < begin ? undefined : readme.slice(begin + SETTINGS_SECTION_BEGIN.length + 1, end);
}

/** One property of the opensearch.yml schema: a setting under one of its spellings. */
function schemaProperty(definition: SettingDefinition, name: string): Record<string, unknown> {
  const documented = definition.names[0]!;
  const spelling = name === documented ? "" : ` Another spelling of \`${documented}\`; give only one.`;
  const property: Record<string, unknown> = { description: `${effect(definition)}${spelling}` };
  switch (definition.kind) {
    case "boolean":
      property["type"] = "boolean";
      break;
    case "string":
      property["type"] = "string";
      break;
    case "string-list":
      property["type"] = ["array", "string"];
      property["items"] = { type: "string" };
      break;
    case "enum":
      property["type"] = "string";
      // Any case is read; the schema offers the spelling the plugin documents.
      property["enum"] = [...(definition.values ?? [])];
      break;
  }
  property["default"] = definition.defaultValue;
  return property;
}

/** schemas/opensearch-settings.schema.json: every spelling of every node setting of the catalog. */
export function opensearchSettingsSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const definition of SETTING_DEFINITIONS) {
    if (settingFile(definition) !== "opensearch.yml") continue;
    for (const name of definition.names) properties[name] = schemaProperty(definition, name);
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://policyc.dev/schemas/opensearch-settings.schema.json",
    title: "OpenSearch node settings read by policyc (opensearch.yml)",
    description:
      "The opensearch.yml settings that change authorization decisions, as flat dotted keys (nested maps are read too). Other node settings are allowed and ignored. Generated from policyc's settings catalog (`npm run docs`).",
    type: "object",
    properties,
    additionalProperties: true,
  };
}

/** The schema file's text, as committed. */
export function opensearchSettingsSchemaText(): string {
  return JSON.stringify(opensearchSettingsSchema(), null, 2) + "\n";
}
