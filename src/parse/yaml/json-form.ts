/**
 * The JSON form of a YAML tree, for schema validation, and the way back from
 * a JSON pointer (ajv's `instancePath`) to the node it names.
 */
import { scalarJsonValue } from "./scalar-type.js";
import { findEntry, type YamlNode, type YamlScalar } from "./yaml-nodes.js";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The tree as JSON; recursion is bounded by the reader's depth limit. */
export function toJson(node: YamlNode): JsonValue {
  switch (node.kind) {
    case "scalar":
      return scalarJsonValue(node.type, node.value);
    case "seq":
      return node.items.map(toJson);
    case "map": {
      // A null prototype, so that keys such as `__proto__` are plain data.
      const object = Object.create(null) as { [key: string]: JsonValue };
      for (const entry of node.entries) object[entry.key.value] = toJson(entry.value);
      return object;
    }
  }
}

/** A node found by a JSON pointer, with the key it sits under when its parent is a map. */
export interface PointerTarget {
  readonly node: YamlNode;
  readonly key?: YamlScalar;
}

/** The segments of a JSON pointer (`/a~1b/0` → `["a/b", "0"]`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The node a JSON pointer names; undefined if the tree has no such node. */
export function resolvePointer(root: YamlNode, segments: readonly string[]): PointerTarget | undefined {
  let target: PointerTarget = { node: root };
  for (const segment of segments) {
    const next = step(target.node, segment);
    if (!next) return undefined;
    target = next;
  }
  return target;
}

function step(node: YamlNode, segment: string): PointerTarget | undefined {
  if (node.kind === "seq") {
    const item = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
    return item ? { node: item } : undefined;
  }
  if (node.kind === "map") {
    const entry = findEntry(node, segment);
    return entry ? { node: entry.value, key: entry.key } : undefined;
  }
  return undefined;
}
