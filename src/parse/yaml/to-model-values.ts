/**
 * Reading values out of a (possibly invalid) YAML tree for the model. Every
 * reader salvages what fits and skips what does not, silently: the schema
 * check has already reported each misfit.
 */
import type { EntityFlags, LocatedString } from "../../model/types.js";
import { findEntry, type YamlEntry, type YamlMap, type YamlNode, type YamlScalar } from "./yaml-nodes.js";

/** The top-level entries of a file, without `_meta`. */
export function configEntries(root: YamlNode | undefined): YamlEntry[] {
  if (root?.kind !== "map") return [];
  return root.entries.filter((entry) => entry.key.value !== "_meta");
}

/** An entry's value as a map; an empty or misshapen entry reads as an empty one. */
export function bodyOf(entry: YamlEntry): YamlMap | undefined {
  return entry.value.kind === "map" ? entry.value : undefined;
}

/** A field of a map. */
export function field(map: YamlMap | undefined, key: string): YamlNode | undefined {
  return map ? findEntry(map, key)?.value : undefined;
}

export function located(node: YamlScalar): LocatedString {
  return { value: node.value, span: node.span };
}

/** A scalar as a string (numbers and booleans as their text, as Jackson reads them); null or a collection gives undefined. */
export function locatedText(node: YamlNode | undefined): LocatedString | undefined {
  return node?.kind === "scalar" && node.type !== "null" ? located(node) : undefined;
}

/** The plain text of a scalar field, for values that carry no location in the model. */
export function text(node: YamlNode | undefined): string | undefined {
  return locatedText(node)?.value;
}

/** A list of strings; empty items and nested collections are left out. */
export function stringList(node: YamlNode | undefined): LocatedString[] {
  if (node?.kind !== "seq") return [];
  const strings: LocatedString[] = [];
  for (const item of node.items) {
    const value = locatedText(item);
    if (value) strings.push(value);
  }
  return strings;
}

/** The maps of a list of objects; other items are left out. */
export function mapItems(node: YamlNode | undefined): YamlMap[] {
  if (node?.kind !== "seq") return [];
  return node.items.filter((item): item is YamlMap => item.kind === "map");
}

/** A boolean flag as Jackson reads it: `true`, the string "true", or a non-zero integer; anything else is false. */
export function flag(node: YamlNode | undefined): boolean {
  if (node?.kind !== "scalar") return false;
  if (node.type === "int") return Number(node.value) !== 0;
  return (node.type === "bool" || node.type === "str") && node.value.toLowerCase() === "true";
}

/** `reserved`, `hidden`, `static` and `description` of an entry. */
export function entityFlags(body: YamlMap | undefined): EntityFlags {
  const description = text(field(body, "description"));
  return {
    reserved: flag(field(body, "reserved")),
    hidden: flag(field(body, "hidden")),
    static: flag(field(body, "static")),
    ...(description !== undefined ? { description } : {}),
  };
}
