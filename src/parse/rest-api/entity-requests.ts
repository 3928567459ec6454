/**
 * `PUT`, `DELETE` and `PATCH` on the five configuration endpoints, applied
 * to the state as the API applies them: each check in the API's order, and a
 * refused request changes nothing.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { LocatedString } from "../../model/types.js";
import { pointerSegments, toJson } from "../yaml/json-form.js";
import { findEntry, type YamlMap, type YamlNode } from "../yaml/yaml-nodes.js";
import type { ApiEndpoint } from "./api-endpoints.js";
import { spanOfText, type ApiRequest } from "./api-request.js";
import type { ApiState } from "./api-state.js";
import { checkContent } from "./content-checks.js";
import { checkEntityRules, checkExists, checkMutable, type EntityChange } from "./entity-checks.js";
import { applyPatch } from "./json-patch.js";
import { readPatchOperations } from "./patch-operations.js";
import { checkPassword } from "./password-rules.js";
import { reportRefusal, type Refusal } from "./refusal.js";

export interface EntityRequest {
  readonly request: ApiRequest;
  readonly endpoint: ApiEndpoint;
  readonly name?: string;
  readonly nameSpan: SourceSpan;
  /** The body, already read as JSON; undefined when the request has none. */
  readonly body?: YamlNode;
}

/** Applies one request; refusals are reported and leave the state as it was. */
export function applyEntityRequest(state: ApiState, entity: EntityRequest, sink: DiagnosticSink): void {
  const refusal = entityRefusal(state, entity, sink);
  if (refusal) reportRefusal(refusal, sink);
}

function entityRefusal(state: ApiState, entity: EntityRequest, sink: DiagnosticSink): Refusal | undefined {
  const { request, endpoint, name, nameSpan } = entity;
  if (request.method === "POST" || !["PUT", "DELETE", "PATCH"].includes(request.method)) {
    return { code: "PC2112", status: 400, reason: `Method ${request.method} not supported for this action.`, span: request.span, help: "the API changes entries with PUT, PATCH and DELETE" };
  }
  if (request.method === "PATCH") return name === undefined ? patchCollection(state, entity, sink) : patchEntry(state, entity, name, sink);
  if (name === undefined) return { code: "PC2112", status: 400, reason: `No ${endpoint.resourceName} specified.`, span: spanOfText(request.url, 0, request.url.text.length) };
  const change: EntityChange = { endpoint, name, nameSpan, superAdmin: request.superAdmin };
  if (request.method === "DELETE") {
    const refused = checkMutable(state, change) ?? checkExists(state, change);
    if (!refused) state.remove(endpoint.type, name);
    return refused;
  }
  const body = entity.body;
  if (!body) return { code: "PC2104", status: 400, reason: "Request body required for this action.", span: request.span };
  const refused = checkContent(endpoint, { value: name, span: nameSpan }, body, request.superAdmin, sink) ?? checkMutable(state, change);
  if (refused || body.kind !== "map") return refused;
  return store(state, change, body, sink);
}

/** The entry's rules, then the entry itself (an internal user's password becomes its secret, never part of the policy). */
function store(state: ApiState, change: EntityChange, body: YamlMap, sink: DiagnosticSink): Refusal | undefined {
  const refused = checkEntityRules(state, change, body);
  if (!refused) put(state, change, body, sink);
  return refused;
}

function put(state: ApiState, change: EntityChange, body: YamlMap, sink: DiagnosticSink): void {
  const name: LocatedString = { value: change.name, span: change.nameSpan };
  if (change.endpoint.type !== "internalusers") {
    state.set(change.endpoint.type, name, body);
    return;
  }
  checkPassword(change.name, body, sink);
  const existing = state.get("internalusers", change.name);
  const given = (key: string): boolean => {
    const value = findEntry(body, key)?.value;
    return value?.kind === "scalar" && value.value !== "";
  };
  let entries = body.entries.filter((entry) => entry.key.value !== "password" && !(entry.key.value === "hash" && !given("hash")));
  const oldHash = existing ? findEntry(existing.node, "hash") : undefined;
  if (!given("hash") && !given("password") && oldHash) entries = [...entries, oldHash];
  state.set("internalusers", name, { ...body, entries }, given("password") || given("hash") || existing?.hasSecret === true);
}

function patchEntry(state: ApiState, entity: EntityRequest, name: string, sink: DiagnosticSink): Refusal | undefined {
  const operations = readPatchOperations(entity);
  if ("refusal" in operations) return operations.refusal;
  const change: EntityChange = { endpoint: entity.endpoint, name, nameSpan: entity.nameSpan, superAdmin: entity.request.superAdmin };
  const refused = checkMutable(state, change) ?? checkExists(state, change);
  if (refused) return refused;
  const current = state.get(entity.endpoint.type, name)?.node ?? { kind: "map", entries: [], span: entity.nameSpan };
  const patched = applyPatch(current, operations.list);
  if (!patched.ok) return { code: "PC2107", status: 400, reason: patched.reason, span: patched.span };
  const checked = checkContent(entity.endpoint, { value: name, span: entity.nameSpan }, patched.node, entity.request.superAdmin, sink);
  if (checked || patched.node.kind !== "map") return checked;
  return store(state, change, patched.node, sink);
}

/** `PATCH api/<type>`: one patch over the whole collection; every entry it changes is checked as if put on its own. */
function patchCollection(state: ApiState, entity: EntityRequest, sink: DiagnosticSink): Refusal | undefined {
  const operations = readPatchOperations(entity);
  if ("refusal" in operations) return operations.refusal;
  const { type } = entity.endpoint;
  const before = state.collection(type, entity.request.span);
  const patched = applyPatch(before, operations.list);
  if (!patched.ok) return { code: "PC2107", status: 400, reason: patched.reason, span: patched.span };
  if (patched.node.kind !== "map") return { code: "PC2107", status: 400, reason: "the patched configuration is not a JSON object", span: entity.request.span };
  const after = patched.node;
  const firstSpans = new Map<string, SourceSpan>();
  for (const operation of operations.list) {
    const first = pointerSegments(operation.path)[0];
    if (first !== undefined && !firstSpans.has(first)) firstSpans.set(first, operation.pathSpan);
  }
  const changes: { change: EntityChange; node?: YamlMap }[] = [];
  for (const [name, nameSpan] of firstSpans) {
    const old = findEntry(before, name)?.value;
    const now = findEntry(after, name)?.value;
    const change: EntityChange = { endpoint: entity.endpoint, name, nameSpan, superAdmin: entity.request.superAdmin };
    const changed = !old || !now || !sameJson(old, now);
    const refused =
      (old && changed ? checkMutable(state, change) : undefined) ??
      (now && changed ? checkContent(entity.endpoint, { value: name, span: nameSpan }, now, entity.request.superAdmin, sink) : undefined) ??
      (now?.kind === "map" ? checkEntityRules(state, change, now) : undefined);
    if (refused) return refused;
    if (!now) changes.push({ change });
    else if (now.kind === "map") changes.push({ change, node: now });
  }
  for (const { change, node } of changes) {
    if (node) put(state, change, node, sink);
    else state.remove(type, change.name);
  }
  return undefined;
}

function sameJson(a: YamlNode, b: YamlNode): boolean {
  return canonical(toJson(a)) === canonical(toJson(b));
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
}
