/**
 * Checks a test file's tree against `schemas/policy-test.schema.json` and
 * reports each violation at the YAML (or JSON) node it is about, with
 * file:line:col. Unlike a policy file, nothing here is lenient: a test file is
 * policyc's own format.
 */
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from "ajv";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { readPackageJson } from "../package-files.js";
import { withoutCascades } from "../parse/yaml/ajv-errors.js";
import { pointerSegments, resolvePointer, toJson, type PointerTarget } from "../parse/yaml/json-form.js";
import { declaredProperties, resolveRef } from "../parse/yaml/schema-messages.js";
import { findEntry, type YamlNode } from "../parse/yaml/yaml-nodes.js";

export const POLICY_TEST_SCHEMA = "schemas/policy-test.schema.json";

let compiled: { readonly schema: AnySchemaObject; readonly validate: ValidateFunction } | undefined;

function testFileSchema(): { readonly schema: AnySchemaObject; readonly validate: ValidateFunction } {
  if (!compiled) {
    const schema = readPackageJson(POLICY_TEST_SCHEMA) as AnySchemaObject;
    // `verbose` puts the failing subschema on each error, which the messages are built from.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    compiled = { schema, validate: ajv.compile(schema) };
  }
  return compiled;
}

/** Reports every schema violation of a test file; true when there is none. */
export function checkTestFileSchema(root: YamlNode, sink: DiagnosticSink): boolean {
  const { schema, validate } = testFileSchema();
  if (validate(toJson(root))) return true;
  for (const error of withoutCascades(validate.errors ?? [])) reportError(error, root, schema, sink);
  return false;
}

function reportError(error: ErrorObject, root: YamlNode, schema: AnySchemaObject, sink: DiagnosticSink): void {
  const segments = pointerSegments(error.instancePath);
  const target = resolvePointer(root, segments);
  if (!target) return;
  const place = placeName(segments, root);
  const parentSchema = error.parentSchema ?? {};
  const params = error.params as { additionalProperty?: unknown; missingProperty?: unknown; i?: unknown; j?: unknown };
  switch (error.keyword) {
    case "additionalProperties":
      return reportUnknownKey(String(params.additionalProperty), place, target, parentSchema, sink);
    case "required":
      return sink.report("PC2007", `${place} has no ${code(String(params.missingProperty))}`, target.key?.span ?? target.node.span);
    case "uniqueItems":
      return reportRepeatedItem(Math.max(Number(params.i), Number(params.j)), place, target, sink);
    case "minLength":
      return sink.report("PC2007", `${place} must not be empty`, target.node.span);
    case "type":
    case "enum":
    case "oneOf":
    case "anyOf":
      return sink.report("PC2007", `${place} must be ${expectedWords(parentSchema, schema)}${given(target.node)}`, target.node.span);
    default:
      return sink.report("PC2007", `${place} ${(error.message ?? "is not valid").toLowerCase()}`, target.node.span);
  }
}

function reportUnknownKey(key: string, place: string, target: PointerTarget, parentSchema: AnySchemaObject, sink: DiagnosticSink): void {
  const keyNode = target.node.kind === "map" ? findEntry(target.node, key)?.key : undefined;
  const suggestion = didYouMean(key, declaredProperties(parentSchema));
  sink.report("PC2007", `unknown key ${code(key)} in ${place}${suggestion}`, keyNode?.span ?? target.node.span);
}

/** Reported at the repeat, the later of ajv's two equal items `i` and `j` (which is which depends on the item type). */
function reportRepeatedItem(later: number, place: string, target: PointerTarget, sink: DiagnosticSink): void {
  const repeat = target.node.kind === "seq" ? target.node.items[later] : undefined;
  const text = repeat?.kind === "scalar" ? ` ${code(repeat.value)}` : " an item";
  sink.report("PC2007", `${place} lists${text} twice`, repeat?.span ?? target.node.span);
}

/** `, not \`maybe\``: what was written instead, when it is a scalar. */
function given(node: YamlNode): string {
  if (node.kind !== "scalar") return node.kind === "map" ? ", not a mapping" : ", not a list";
  return node.type === "null" ? ", not empty" : `, not ${code(node.value)}`;
}

/**
 * The name of the place a JSON pointer's segments lead to:
 * "`roles` of `expect` of test 2 (`reads logs`)".
 */
export function placeName(segments: readonly string[], root: YamlNode): string {
  const count = segments.length;
  if (count === 0) return "the test file";
  const last = segments[count - 1]!;
  if (count === 1) return code(last);
  if (count === 2 && segments[0] === "tests") return testName(Number(last), root);
  const owner = placeName(segments.slice(0, -1), root);
  return /^\d+$/.test(last) ? `item ${Number(last) + 1} of ${owner}` : `${code(last)} of ${owner}`;
}

function testName(index: number, root: YamlNode): string {
  const tests = root.kind === "map" ? findEntry(root, "tests")?.value : undefined;
  const item = tests?.kind === "seq" ? tests.items[index] : undefined;
  const name = item?.kind === "map" ? findEntry(item, "name")?.value : undefined;
  const label = name?.kind === "scalar" && name.type === "str" && name.value !== "" ? ` (${code(name.value)})` : "";
  return `test ${index + 1}${label}`;
}

/** What a schema allows, as words: "`allow` or `deny`", "a string or `null`", "a list of strings". */
function expectedWords(schema: AnySchemaObject, root: AnySchemaObject): string {
  const branches: unknown = schema["oneOf"] ?? schema["anyOf"];
  if (Array.isArray(branches)) {
    const words = branches.map((branch) => resolveRef(branch, root)).filter((branch) => branch !== undefined);
    return [...new Set(words.map((branch) => expectedWords(branch, root)))].join(" or ");
  }
  const values: unknown = schema["enum"];
  if (Array.isArray(values)) return values.map((value) => code(String(value))).join(" or ");
  const type: unknown = schema["type"];
  const types = Array.isArray(type) ? type : [type];
  return types.map((name) => typeWords(String(name), schema, root)).join(" or ");
}

function typeWords(type: string, schema: AnySchemaObject, root: AnySchemaObject): string {
  switch (type) {
    case "array":
      return resolveRef(schema["items"], root)?.["type"] === "string" ? "a list of strings" : "a list";
    case "object":
      return "a mapping";
    case "string":
      return "a string";
    case "boolean":
      return "`true` or `false`";
    case "null":
      return "`null`";
    case "integer":
    case "number":
      return "a number";
    default:
      return "a different value";
  }
}
