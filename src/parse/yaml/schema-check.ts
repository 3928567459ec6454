/**
 * Validates a policy file against its JSON Schema and turns each ajv error
 * into a diagnostic at the YAML node it is about. Where the plugin's Jackson
 * reader is more lenient than the schema (a number where a name belongs, a
 * quoted boolean) the error becomes a warning or disappears.
 */
import type { AnySchemaObject, ErrorObject, ValidateFunction } from "ajv";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { didYouMean } from "../../diagnostics/suggest.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { withoutCascades } from "./ajv-errors.js";
import type { PolicyConfigKind } from "./config-kinds.js";
import { pointerSegments, resolvePointer, toJson, type JsonValue, type PointerTarget } from "./json-form.js";
import { code } from "../../diagnostics/message-text.js";
import { declaredProperties, describeExpected, emptyLiteral, placeName, schemaTypes } from "./schema-messages.js";
import { schemaFor } from "./schemas.js";
import { findEntry, type YamlNode, type YamlTree } from "./yaml-nodes.js";

/** Reports every schema violation of a policy file; `_meta` is checked separately (meta-check). */
export function checkSchema(tree: YamlTree, kind: PolicyConfigKind, sink: DiagnosticSink): void {
  const { root } = tree;
  if (!root) return;
  const { schema, validate } = schemaFor(kind);
  const errors = schemaErrors(validate, toJson(root));
  if (errors.length === 0) return;
  const context: ErrorContext = { tree: root, kind, schema, sink };
  for (const error of withoutCascades(errors)) {
    if (!isMetaError(error)) reportError(error, context);
  }
}

/** Entries validated at once: ajv concatenates the error lists of `$ref`s, which costs the number of errors squared. */
const ENTRIES_PER_VALIDATION = 500;

/**
 * ajv's errors for a file's JSON form. A large mapping is validated in
 * slices of its entries, each with `_meta`; errors that every slice repeats
 * (about `_meta` or the file as a whole) are dropped by `withoutCascades`.
 */
function schemaErrors(validate: ValidateFunction, json: JsonValue): ErrorObject[] {
  const keys = typeof json === "object" && json !== null && !Array.isArray(json) ? Object.keys(json) : [];
  if (keys.length <= ENTRIES_PER_VALIDATION) return validate(json) ? [] : [...(validate.errors ?? [])];
  const object = json as { [key: string]: JsonValue };
  const entries = keys.filter((key) => key !== "_meta");
  const errors: ErrorObject[] = [];
  for (let start = 0; start < entries.length; start += ENTRIES_PER_VALIDATION) {
    // A null prototype, as toJson makes it, so that a key such as `__proto__` stays data.
    const slice = Object.create(null) as { [key: string]: JsonValue };
    if (Object.hasOwn(object, "_meta")) slice["_meta"] = object["_meta"]!;
    for (const key of entries.slice(start, start + ENTRIES_PER_VALIDATION)) slice[key] = object[key]!;
    if (!validate(slice)) for (const error of validate.errors ?? []) errors.push(error);
  }
  return errors;
}

interface ErrorContext {
  /** The root of the file's tree, which the errors' pointers start from. */
  readonly tree: YamlNode;
  readonly kind: PolicyConfigKind;
  /** The file's whole schema, for following `$ref`s. */
  readonly schema: AnySchemaObject;
  readonly sink: DiagnosticSink;
}

/** `_meta` is missing, or its `type` or `config_version` is off: meta-check says it better. */
function isMetaError(error: ErrorObject): boolean {
  if (error.instancePath === "" && error.keyword === "required") return true;
  if (error.instancePath === "/_meta" && error.keyword === "required") return true;
  return error.instancePath.startsWith("/_meta/");
}

function reportError(error: ErrorObject, context: ErrorContext): void {
  const segments = pointerSegments(error.instancePath);
  const target = resolvePointer(context.tree, segments);
  if (!target) return;
  const parentSchema = error.parentSchema ?? {};
  if (error.keyword === "additionalProperties") reportUnknownKey(error, segments, target, parentSchema, context);
  else if (error.keyword === "required") reportMissingKey(error, segments, target, context);
  else if (error.keyword === "type") reportWrongType(segments, target, parentSchema, context);
  else if (error.keyword === "anyOf" || error.keyword === "oneOf") {
    const message = `${placeName(segments, context.kind.entryNoun)} must be ${describeExpected(parentSchema, context.schema)}`;
    context.sink.report("PC2007", message, target.node.span);
  } else {
    const message = `${placeName(segments, context.kind.entryNoun)} ${error.message ?? "is not valid"}`;
    context.sink.report("PC2007", message.toLowerCase(), target.node.span);
  }
}

function reportUnknownKey(
  error: ErrorObject,
  segments: readonly string[],
  target: PointerTarget,
  parentSchema: AnySchemaObject,
  context: ErrorContext,
): void {
  const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
  const keyNode = target.node.kind === "map" ? findEntry(target.node, key)?.key : undefined;
  const owner = placeName(segments, context.kind.entryNoun);
  const suggestion = didYouMean(key, declaredProperties(parentSchema));
  const help = key === "<<" ? "the plugin does not support yaml merge keys; write the keys out" : undefined;
  const span = keyNode?.span ?? target.node.span;
  context.sink.report("PC2006", `unknown key ${code(key)} in ${owner}${suggestion}`, span, help ? { help } : {});
}

/** A key the plugin requires (Search Guard: an action group's `type`), reported at the entry's name. */
function reportMissingKey(error: ErrorObject, segments: readonly string[], target: PointerTarget, context: ErrorContext): void {
  const key = String((error.params as { missingProperty?: unknown }).missingProperty);
  const message = `${placeName(segments, context.kind.entryNoun)} has no ${code(key)}; the plugin requires it`;
  context.sink.report("PC2007", message, target.key?.span ?? target.node.span);
}

function reportWrongType(segments: readonly string[], target: PointerTarget, parentSchema: AnySchemaObject, context: ErrorContext): void {
  const { node } = target;
  const expected = schemaTypes(parentSchema);
  const place = placeName(segments, context.kind.entryNoun);
  if (node.kind === "scalar" && node.type !== "null" && node.type !== "str" && expected.includes("string")) {
    // Jackson turns a number or boolean into its text where a string is expected.
    const message = `${code(node.value)} is read as the string ${code(node.value)}; quote it to make that explicit`;
    context.sink.report("PC2009", message, node.span);
    return;
  }
  if (expected.includes("boolean") && node.kind === "scalar" && (node.type === "int" || /^(true|false)$/i.test(node.value))) {
    return; // Jackson reads the strings "true" and "false", and integers, as booleans.
  }
  if (node.kind === "scalar" && node.type === "null") {
    reportEmpty(segments, target, parentSchema, context);
    return;
  }
  const help = node.kind === "scalar" && node.alias ? "the plugin does not resolve yaml aliases; write the value out" : undefined;
  const message =
    segments.length === 0
      ? `the file must be a mapping with \`_meta\` and one entry per ${context.kind.entryNoun}`
      : `${place} must be ${describeExpected(parentSchema, context.schema)}`;
  context.sink.report("PC2007", message, node.span, help ? { help } : {});
}

/** An empty value (`users:` or a bare `-`): the plugin reads it as null and later fails on it. */
function reportEmpty(segments: readonly string[], target: PointerTarget, parentSchema: AnySchemaObject, context: ErrorContext): void {
  const { node, key } = target;
  // An empty value has an empty span; its key shows better where it is.
  const span: SourceSpan = node.span.end > node.span.start || !key ? node.span : key.span;
  const literal = emptyLiteral(parentSchema);
  const name = segments[segments.length - 1];
  const help =
    key && literal && name !== undefined
      ? `write ${code(`${name}: ${literal}`)} if it is meant to be empty`
      : "remove the empty item or write a value";
  const message = `${placeName(segments, context.kind.entryNoun)} is empty; it must be ${describeExpected(parentSchema, context.schema)}`;
  context.sink.report("PC2007", message, span, { help });
}
