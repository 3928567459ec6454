/**
 * Words for schema errors: what a place in a policy file is called ("`users`
 * of role mapping `admin`") and what the schema expects there ("a list of
 * strings"), both derived from the JSON pointer and the schema itself.
 */
import type { AnySchemaObject } from "ajv";
import { code } from "../../diagnostics/message-text.js";

/** How the items of lists of objects are called, for "index permission 2 of role `r`". */
const LIST_ITEM_NOUNS: Readonly<Record<string, string>> = {
  index_permissions: "index permission",
  tenant_permissions: "tenant permission",
};

/** The name of the place a JSON pointer's segments lead to, e.g. "item 2 of `users` of role mapping `admin`". */
export function placeName(segments: readonly string[], entryNoun: string): string {
  const count = segments.length;
  if (count === 0) return "the file";
  const last = segments[count - 1]!;
  if (count === 1) return last === "_meta" ? "`_meta`" : `${entryNoun} ${code(last)}`;
  const parent = segments[count - 2]!;
  const owner = placeName(segments.slice(0, -1), entryNoun);
  if (/^\d+$/.test(last)) {
    const noun = Object.hasOwn(LIST_ITEM_NOUNS, parent) ? LIST_ITEM_NOUNS[parent] : undefined;
    const position = Number(last) + 1;
    return noun ? `${noun} ${position} of ${placeName(segments.slice(0, -2), entryNoun)}` : `item ${position} of ${owner}`;
  }
  if (parent === "attributes" && count === 3) return `attribute ${code(last)} of ${placeName(segments.slice(0, -2), entryNoun)}`;
  return `${code(last)} of ${owner}`;
}

/** The JSON types a schema allows, without `null`. */
export function schemaTypes(schema: AnySchemaObject): string[] {
  const type: unknown = schema["type"];
  const types = Array.isArray(type) ? type : typeof type === "string" ? [type] : [];
  return types.filter((t): t is string => typeof t === "string" && t !== "null");
}

/** What a schema expects, as words: "a list of strings", "a mapping", "`true` or `false`". */
export function describeExpected(schema: AnySchemaObject, root: AnySchemaObject): string {
  const branches: unknown = schema["anyOf"] ?? schema["oneOf"];
  if (Array.isArray(branches)) {
    const described = branches.map((branch) => resolveRef(branch, root)).filter((b) => b !== undefined);
    return [...new Set(described.map((branch) => describeExpected(branch, root)))].join(" or ");
  }
  const [type] = schemaTypes(schema);
  switch (type) {
    case "array":
      return describeList(resolveRef(schema["items"], root));
    case "object":
      return describeMapping(schema);
    case "boolean":
      return "`true` or `false`";
    case "string":
      return "a string";
    case "integer":
    case "number":
      return "a number";
    default:
      return "a different value";
  }
}

function describeList(items: AnySchemaObject | undefined): string {
  if (!items) return "a list";
  if (schemaTypes(items)[0] === "string") return "a list of strings";
  const title: unknown = items["title"];
  return typeof title === "string" ? `a list of ${title}s` : "a list";
}

function describeMapping(schema: AnySchemaObject): string {
  const values: unknown = schema["additionalProperties"];
  if (isSchemaObject(values) && schemaTypes(values)[0] === "string") return "a mapping of names to strings";
  return "a mapping";
}

/** The empty YAML value of what a schema expects, for "write `users: []`". */
export function emptyLiteral(schema: AnySchemaObject): string | undefined {
  const [type] = schemaTypes(schema);
  return type === "array" ? "[]" : type === "object" ? "{}" : undefined;
}

/** A schema, with a local `$ref` (`#/definitions/x`) followed. */
export function resolveRef(schema: unknown, root: AnySchemaObject): AnySchemaObject | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const ref: unknown = schema["$ref"];
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let target: unknown = root;
  for (const segment of ref.slice(2).split("/")) {
    target = isSchemaObject(target) && Object.hasOwn(target, segment) ? target[segment] : undefined;
  }
  return isSchemaObject(target) ? target : undefined;
}

/** The property names a schema declares, the candidates for "did you mean". */
export function declaredProperties(schema: AnySchemaObject): string[] {
  const properties: unknown = schema["properties"];
  return isSchemaObject(properties) ? Object.keys(properties) : [];
}

function isSchemaObject(value: unknown): value is AnySchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
