/**
 * JSON Patch (RFC 6902) `add`, `replace` and `remove` on located trees, the
 * three operations the plugin's API takes (AbstractApiAction: "Supported
 * are: add,replace,remove"). Values keep where the patch wrote them.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { pointerSegments } from "../yaml/json-form.js";
import { findEntry, type YamlMap, type YamlNode, type YamlScalar } from "../yaml/yaml-nodes.js";

export type PatchOperationName = "add" | "replace" | "remove";

export interface PatchOperation {
  readonly op: PatchOperationName;
  readonly path: string;
  readonly pathSpan: SourceSpan;
  readonly value?: YamlNode;
  readonly span: SourceSpan;
}

export type PatchResult = { readonly ok: true; readonly node: YamlNode } | { readonly ok: false; readonly reason: string; readonly span: SourceSpan };

export function applyPatch(root: YamlNode, operations: readonly PatchOperation[]): PatchResult {
  let node = root;
  for (const operation of operations) {
    const result = applyOperation(node, pointerSegments(operation.path), operation);
    if (!result.ok) return result;
    node = result.node;
  }
  return { ok: true, node };
}

function applyOperation(node: YamlNode, segments: readonly string[], operation: PatchOperation): PatchResult {
  if (segments.length === 0) {
    if (operation.op === "remove") return refuse(operation, "the whole document cannot be removed");
    return { ok: true, node: operation.value! };
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (node.kind === "map") return inMap(node, head, rest, operation);
  if (node.kind === "seq") return inSeq(node, head, rest, operation);
  return refuse(operation, `no value at \`${operation.path}\`: \`${head}\` is inside a value that is neither an object nor an array`);
}

function inMap(node: YamlMap, key: string, rest: readonly string[], operation: PatchOperation): PatchResult {
  const existing = findEntry(node, key);
  if (rest.length > 0) {
    if (!existing) return refuse(operation, `no value at \`${operation.path}\``);
    const inner = applyOperation(existing.value, rest, operation);
    return inner.ok ? { ok: true, node: replaceEntry(node, key, inner.node) } : inner;
  }
  if (operation.op === "remove") {
    if (!existing) return refuse(operation, `no value at \`${operation.path}\` to remove`);
    return { ok: true, node: { ...node, entries: node.entries.filter((entry) => entry.key.value !== key) } };
  }
  if (operation.op === "replace" && !existing) return refuse(operation, `no value at \`${operation.path}\` to replace`);
  if (existing) return { ok: true, node: replaceEntry(node, key, operation.value!) };
  const keyNode: YamlScalar = { kind: "scalar", value: key, type: "str", alias: false, span: operation.pathSpan };
  return { ok: true, node: { ...node, entries: [...node.entries, { key: keyNode, value: operation.value! }] } };
}

function inSeq(node: Extract<YamlNode, { kind: "seq" }>, segment: string, rest: readonly string[], operation: PatchOperation): PatchResult {
  const appending = segment === "-" && rest.length === 0 && operation.op === "add";
  const index = appending ? node.items.length : /^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
  const limit = operation.op === "add" && rest.length === 0 ? node.items.length : node.items.length - 1;
  if (index < 0 || index > limit) return refuse(operation, `no array element at \`${operation.path}\``);
  const items = [...node.items];
  if (rest.length > 0) {
    const inner = applyOperation(items[index]!, rest, operation);
    if (!inner.ok) return inner;
    items[index] = inner.node;
  } else if (operation.op === "add") items.splice(index, 0, operation.value!);
  else if (operation.op === "replace") items[index] = operation.value!;
  else items.splice(index, 1);
  return { ok: true, node: { ...node, items } };
}

function replaceEntry(node: YamlMap, key: string, value: YamlNode): YamlMap {
  return { ...node, entries: node.entries.map((entry) => (entry.key.value === key ? { key: entry.key, value } : entry)) };
}

function refuse(operation: PatchOperation, reason: string): PatchResult {
  return { ok: false, reason, span: operation.span };
}
