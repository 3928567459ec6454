/**
 * `settings { … }` blocks → the model's settings: the catalog of
 * src/model/settings.ts, every spelling the plugin reads, values checked as
 * the plugin reads them (settings-values.ts does the same for YAML).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import {
  allSettingNames,
  booleanSettingValue,
  defaultSettings,
  enumSettingValue,
  settingDefinitionByName,
  settingListFromText,
  type SettingDefinition,
  type SettingKey,
  type Settings,
} from "../../model/settings.js";
import type { LocatedString } from "../../model/types.js";
import { code } from "../../diagnostics/message-text.js";
import { applySettingsPatch } from "../yaml/settings-values.js";
import type { DslSetting, DslSettingValue, DslSettings } from "./ast.js";

type SettingValue = Settings[SettingKey];

/** The defaults, changed by every setting the blocks give (with where each was given). */
export function settingsFromBlocks(blocks: readonly DslSettings[], sink: DiagnosticSink): Settings {
  const values = new Map<SettingKey, SettingValue>();
  const origins = new Map<SettingKey, SourceSpan>();
  const given = new Map<SettingKey, LocatedString>();
  for (const setting of blocks.flatMap((block) => block.entries)) {
    const definition = settingDefinitionByName(setting.name.value);
    if (!definition) {
      const suggestion = didYouMean(setting.name.value, allSettingNames());
      sink.report("PC1007", `unknown setting ${code(setting.name.value)}${suggestion}`, setting.name.span);
      continue;
    }
    const first = given.get(definition.key);
    if (first) {
      reportGivenTwice(setting.name, first, sink);
      continue;
    }
    given.set(definition.key, setting.name);
    const value = readSettingValue(definition, setting, sink);
    if (value === undefined) continue;
    values.set(definition.key, value);
    if (setting.span) origins.set(definition.key, setting.span);
  }
  return applySettingsPatch(defaultSettings(), { values, origins });
}

function reportGivenTwice(name: LocatedString, first: LocatedString, sink: DiagnosticSink): void {
  const message =
    name.value === first.value
      ? `setting ${code(name.value)} is given twice`
      : `setting ${code(name.value)} is the same setting as ${code(first.value)}, given before`;
  sink.report("PC3005", message, name.span, {
    ...(first.span ? { related: [{ message: `${code(first.value)} is first given here`, span: first.span }] } : {}),
  });
}

/** The value as the plugin would read it; undefined (after a diagnostic) when it would not accept it. */
function readSettingValue(definition: SettingDefinition, setting: DslSetting, sink: DiagnosticSink): SettingValue | undefined {
  const name = setting.name.value;
  const value = setting.value;
  const report = (message: string, help?: string): undefined => {
    sink.report("PC1008", message, value.span, help !== undefined ? { help } : {});
    return undefined;
  };
  const text = scalarText(value);
  switch (definition.kind) {
    case "boolean":
      return readBoolean(name, value) ?? report(`${code(name)} must be \`true\` or \`false\`${shown(value)}`);
    case "string":
      return text ?? report(`${code(name)} must be a string, not a list`);
    case "string-list":
      return value.kind === "list" ? value.items.map((item) => item.value) : settingListFromText(text ?? "");
    case "enum": {
      const choices = definition.values ?? [];
      const known = text !== undefined ? enumSettingValue(definition, text) : undefined;
      if (known !== undefined) return known;
      const suggestion = text !== undefined ? didYouMean(text.toUpperCase(), choices) : "";
      const message = `${code(name)} must be one of ${choices.map(code).join(", ")}${shown(value)}${suggestion}`;
      return report(message, `the plugin logs an error and uses ${code(String(definition.defaultValue))}`);
    }
  }
}

/** A bare `true`/`false` is a boolean; a text is read as the setting's reader reads it (`config.*` ones by Jackson). */
function readBoolean(name: string, value: DslSettingValue): boolean | undefined {
  if (value.kind === "boolean") return value.value;
  if (value.kind === "list") return undefined;
  return booleanSettingValue(value.value, name.startsWith("config.") ? "jackson" : "opensearch");
}

function scalarText(value: DslSettingValue): string | undefined {
  if (value.kind === "list") return undefined;
  return value.kind === "boolean" ? String(value.value) : value.value;
}

function shown(value: DslSettingValue): string {
  const text = scalarText(value);
  return text === undefined ? ", not a list" : `, not ${code(text)}`;
}
