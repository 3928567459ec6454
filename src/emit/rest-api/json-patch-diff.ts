/**
 * The JSON Patch (RFC 6902) that turns one collection of API documents into
 * another: an entry that is gone is removed, a new one added whole, and a
 * changed one patched field by field, which is the fewest operations that
 * leave untouched fields alone. A changed field is written with `add`, which
 * on an object member replaces it (RFC 6902, 4.1) and, unlike `replace`, also
 * works when the cluster's copy lacks the field (a tenant's empty
 * description, which the API's answers leave out). A placeholder `password`
 * is never removed: the API keeps no password, only its hash.
 */
import type { ApiDocument, JsonDocument } from "./api-documents.js";

export interface JsonPatchOperation {
  readonly op: "add" | "remove";
  readonly path: string;
  readonly value?: unknown;
}

/** A JSON pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function diffDocuments(before: readonly ApiDocument[], after: readonly ApiDocument[]): JsonPatchOperation[] {
  const old = new Map(before.map((document) => [document.name, document.body]));
  const now = new Map(after.map((document) => [document.name, document.body]));
  const operations: JsonPatchOperation[] = [];
  for (const { name } of before) if (!now.has(name)) operations.push({ op: "remove", path: `/${pointerSegment(name)}` });
  for (const { name, body } of after) {
    const previous = old.get(name);
    if (!previous) operations.push({ op: "add", path: `/${pointerSegment(name)}`, value: body });
    else operations.push(...diffFields(`/${pointerSegment(name)}`, previous, body));
  }
  return operations;
}

function diffFields(prefix: string, before: JsonDocument, after: JsonDocument): JsonPatchOperation[] {
  const operations: JsonPatchOperation[] = [];
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key) && key !== "password") operations.push({ op: "remove", path: `${prefix}/${pointerSegment(key)}` });
  }
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key) || !sameJson(before[key], after[key])) operations.push({ op: "add", path: `${prefix}/${pointerSegment(key)}`, value: after[key] });
  }
  return operations;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
}
