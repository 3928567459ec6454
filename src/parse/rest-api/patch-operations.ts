/**
 * A PATCH body as the API reads it (AbstractApiAction.withPatchRequestContent):
 * a non-empty JSON array of operations, each `add`, `replace` or `remove`
 * with a `path`, and a `value` for the first two.
 */
import { findEntry } from "../yaml/yaml-nodes.js";
import type { EntityRequest } from "./entity-requests.js";
import type { PatchOperation, PatchOperationName } from "./json-patch.js";
import type { Refusal } from "./refusal.js";

const SUPPORTED: readonly PatchOperationName[] = ["add", "replace", "remove"];

export function readPatchOperations(entity: EntityRequest): { readonly list: PatchOperation[] } | { readonly refusal: Refusal } {
  const { body, request } = entity;
  if (!body) return { refusal: { code: "PC2107", status: 400, reason: "Wrong request body", span: request.span, help: "a PATCH body is a JSON array of JSON Patch operations" } };
  if (body.kind !== "seq" || body.items.length === 0) {
    return { refusal: { code: "PC2107", status: 400, reason: "Wrong request body", span: body.span, help: "a PATCH body is a non-empty JSON array of JSON Patch operations" } };
  }
  const list: PatchOperation[] = [];
  for (const item of body.items) {
    if (item.kind !== "map") return { refusal: { code: "PC2107", status: 400, reason: "Wrong request body", span: item.span, help: "each operation is an object `{\"op\": …, \"path\": …}`" } };
    const op = findEntry(item, "op")?.value;
    const path = findEntry(item, "path")?.value;
    const value = findEntry(item, "value")?.value;
    if (op?.kind !== "scalar" || !SUPPORTED.includes(op.value as PatchOperationName)) {
      const shown = op?.kind === "scalar" ? op.value : "";
      return { refusal: { code: "PC2107", status: 400, reason: `Unsupported patch operation: ${shown}. Supported are: add,replace,remove`, span: op?.span ?? item.span } };
    }
    if (path?.kind !== "scalar" || (path.value !== "" && !path.value.startsWith("/"))) {
      return { refusal: { code: "PC2107", status: 400, reason: "a JSON Patch operation needs a `path` that is a JSON pointer (`/name/field`)", span: path?.span ?? item.span } };
    }
    if (op.value !== "remove" && value === undefined) {
      return { refusal: { code: "PC2107", status: 400, reason: `a JSON Patch \`${op.value}\` operation needs a \`value\``, span: item.span } };
    }
    list.push({ op: op.value as PatchOperationName, path: path.value, pathSpan: path.span, ...(value ? { value } : {}), span: item.span });
  }
  return { list };
}
