/**
 * Setting values from YAML nodes, as the plugin reads them, and the patch of
 * settings one file sets. Shared by opensearch.yml and config.yml.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import {
  booleanSettingValue,
  enumSettingValue,
  settingListFromText,
  type SettingDefinition,
  type SettingKey,
  type Settings,
  type SettingsReader,
} from "../../model/settings.js";
import { code } from "../../diagnostics/message-text.js";
import { isNull, type YamlNode } from "./yaml-nodes.js";

type SettingValue = Settings[SettingKey];

/** The settings one file gives, with where each was written. */
export interface SettingsPatch {
  readonly values: ReadonlyMap<SettingKey, SettingValue>;
  readonly origins: ReadonlyMap<SettingKey, SourceSpan>;
}

/** `base` with the patch applied. */
export function applySettingsPatch(base: Settings, patch: SettingsPatch): Settings {
  const settings: Record<string, unknown> = { ...base, origins: { ...base.origins, ...Object.fromEntries(patch.origins) } };
  for (const [key, value] of patch.values) settings[key] = value;
  return settings as unknown as Settings;
}

export interface ValueContext {
  readonly name: string;
  readonly sink: DiagnosticSink;
  readonly reader: SettingsReader;
}

/** A setting's value from its node; undefined (after a diagnostic) when the plugin would not accept it. */
export function readSettingValue(definition: SettingDefinition, node: YamlNode, context: ValueContext): SettingValue | undefined {
  switch (definition.kind) {
    case "boolean":
      return readBoolean(node, context);
    case "string":
      return readString(node, context);
    case "string-list":
      return readStringList(node, context);
    case "enum":
      return readEnum(definition, node, context);
  }
}

function readBoolean(node: YamlNode, context: ValueContext): boolean | undefined {
  // Jackson reads an empty boolean as false.
  if (context.reader === "jackson" && isNull(node)) return false;
  const value = node.kind === "scalar" ? booleanSettingValue(node.value, context.reader) : undefined;
  if (value !== undefined) return value;
  report(context, node, `${code(context.name)} must be \`true\` or \`false\`${shown(node)}`);
  return undefined;
}

function readString(node: YamlNode, context: ValueContext): string | undefined {
  if (node.kind === "scalar" && node.type !== "null") return node.value;
  report(context, node, `${code(context.name)} must be a string${shown(node)}`);
  return undefined;
}

/** A list, or one string of comma-separated values (OpenSearch's `Settings.getAsList`). */
function readStringList(node: YamlNode, context: ValueContext): string[] | undefined {
  if (node.kind === "scalar" && node.type !== "null") return settingListFromText(node.value);
  if (node.kind === "seq" && node.items.every((item) => item.kind === "scalar" && item.type !== "null")) {
    return node.items.map((item) => (item.kind === "scalar" ? item.value : ""));
  }
  report(context, node, `${code(context.name)} must be a list of strings`);
  return undefined;
}

function readEnum(definition: SettingDefinition, node: YamlNode, context: ValueContext): string | undefined {
  const values = definition.values ?? [];
  const text = node.kind === "scalar" && node.type !== "null" ? node.value : undefined;
  const value = text !== undefined ? enumSettingValue(definition, text) : undefined;
  if (value !== undefined) return value;
  const choices = values.map(code).join(", ");
  const suggestion = text !== undefined ? didYouMean(text.toUpperCase(), values) : "";
  report(context, node, `${code(context.name)} must be one of ${choices}${shown(node)}${suggestion}`, {
    help: `the plugin logs an error and uses ${code(String(definition.defaultValue))}`,
  });
  return undefined;
}

function shown(node: YamlNode): string {
  return node.kind === "scalar" && node.type !== "null" ? `, not ${code(node.value)}` : "";
}

function report(context: ValueContext, node: YamlNode, message: string, options: { help?: string } = {}): void {
  context.sink.report("PC2013", message, node.span, options);
}
