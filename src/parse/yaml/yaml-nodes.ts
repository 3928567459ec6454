/**
 * The located YAML tree the YAML front end works on: maps, sequences and
 * scalars, each with its span. Aliases are never expanded; they are scalars
 * holding the anchor name, which is how the plugin reads them.
 */
import type { SourceFile, SourceSpan } from "../../diagnostics/source-file.js";
import type { ScalarType } from "./scalar-type.js";

export interface YamlScalar {
  readonly kind: "scalar";
  /** The decoded text (quotes and escapes resolved); for an alias `*x`, `x`. */
  readonly value: string;
  /** The core-schema type; quoted, block and alias scalars are always `str`. */
  readonly type: ScalarType;
  /** Whether the scalar was an alias (`*x`). */
  readonly alias: boolean;
  readonly span: SourceSpan;
}

export interface YamlEntry {
  readonly key: YamlScalar;
  readonly value: YamlNode;
}

export interface YamlMap {
  readonly kind: "map";
  /** In source order, duplicates removed (the first occurrence is kept). */
  readonly entries: readonly YamlEntry[];
  readonly span: SourceSpan;
}

export interface YamlSeq {
  readonly kind: "seq";
  readonly items: readonly YamlNode[];
  readonly span: SourceSpan;
}

export type YamlNode = YamlMap | YamlSeq | YamlScalar;

/** One file's tree; `root` is undefined when the file is empty, holds only comments, or could not be read. */
export interface YamlTree {
  readonly file: SourceFile;
  readonly root: YamlNode | undefined;
  /** The text could not be read as YAML (already reported); nothing else should be said about the file. */
  readonly unreadable: boolean;
}

/** The entry of a map with this key, if any. */
export function findEntry(map: YamlMap, key: string): YamlEntry | undefined {
  if (map.entries.length <= INDEX_FROM) return map.entries.find((entry) => entry.key.value === key);
  // A large map is searched often (once per schema error in it): by an index, or the errors would cost its size squared.
  let index = ENTRY_INDEX.get(map);
  if (!index) ENTRY_INDEX.set(map, (index = new Map(map.entries.map((entry) => [entry.key.value, entry]))));
  return index.get(key);
}

/** Maps with more entries than this get an index on their first search. */
const INDEX_FROM = 16;
const ENTRY_INDEX = new WeakMap<YamlMap, ReadonlyMap<string, YamlEntry>>();

/** The span from an entry's key to the end of its value. */
export function entrySpan(entry: YamlEntry): SourceSpan {
  const { key, value } = entry;
  return { file: key.span.file, start: key.span.start, end: Math.max(key.span.end, value.span.end) };
}

/** Whether a node is a YAML null (`~`, `null` or nothing at all). */
export function isNull(node: YamlNode): node is YamlScalar {
  return node.kind === "scalar" && node.type === "null";
}
