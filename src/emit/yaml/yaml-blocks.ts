/**
 * Block-style YAML built as lines: fields, lists of strings, lists of maps,
 * and a configuration file (`_meta` first, one blank line between entries).
 * Every value goes through yaml-scalars.ts, so no text is ever left to
 * YAML's typing rules.
 */
import type { LocatedString } from "../../model/types.js";
import { yamlKey, yamlString } from "./yaml-scalars.js";

/** Lines of YAML at indentation zero; nesting indents them. */
export type YamlLines = readonly string[];

export function indent(lines: YamlLines, width: number): string[] {
  const pad = " ".repeat(width);
  return lines.map((line) => pad + line);
}

export function stringField(key: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`${key}: ${yamlString(value)}`];
}

/** A flag is written only when set: an absent flag reads as false. */
export function flagField(key: string, value: boolean | undefined): string[] {
  return value ? [`${key}: true`] : [];
}

/** A list of strings; an empty one is written as `[]` when `always`, else left out (absent reads as empty). */
export function listField(key: string, items: readonly LocatedString[], always = false): string[] {
  if (items.length === 0) return always ? [`${key}: []`] : [];
  return [`${key}:`, ...items.map((item) => `  - ${yamlString(item.value)}`)];
}

/** A list of maps, each map's first line after its `- `. */
export function mapListField(key: string, maps: readonly YamlLines[]): string[] {
  if (maps.length === 0) return [];
  const items = maps.flatMap((lines) => (lines.length === 0 ? ["- {}"] : lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))));
  return [`${key}:`, ...indent(items, 2)];
}

/** A map of string keys to string values (a user's `attributes`). */
export function stringMapField(key: string, pairs: readonly { name: LocatedString; value: LocatedString }[]): string[] {
  if (pairs.length === 0) return [];
  return [`${key}:`, ...pairs.map(({ name, value }) => `  ${yamlKey(name.value)}: ${yamlString(value.value)}`)];
}

/** One top-level entry: `name:` and its fields, or `name: {}` when it has none. */
export function entry(name: string, fields: YamlLines): string[] {
  return fields.length === 0 ? [`${yamlKey(name)}: {}`] : [`${yamlKey(name)}:`, ...indent(fields, 2)];
}

/** A configuration file: its `_meta` block, then each entry, separated by blank lines. */
export function configFile(type: string, entries: readonly YamlLines[]): string {
  const meta = ["_meta:", `  type: ${yamlString(type)}`, "  config_version: 2"];
  return [meta, ...entries].map((lines) => lines.join("\n")).join("\n\n") + "\n";
}
