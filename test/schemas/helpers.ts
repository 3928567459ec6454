/** Reading the schemas as an editor does: the JSON files under `schemas/`, compiled by a plain draft-07 ajv. */
import { readFileSync } from "node:fs";
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from "ajv";

export type Schema = { readonly [key: string]: unknown };

export const SCHEMAS_DIRECTORY = new URL("../../schemas/", import.meta.url);

export function readSchema(name: string): Schema {
  return JSON.parse(readFileSync(new URL(name, SCHEMAS_DIRECTORY), "utf8")) as Schema;
}

/** A schema's `definitions/<name>` (throws when it has none of that name). */
export function definition(schema: Schema, name: string): Schema {
  const found = (schema["definitions"] as Record<string, Schema> | undefined)?.[name];
  if (!found) throw new Error(`no definition \`${name}\``);
  return found;
}

// Not policyc's own ajv (src/parse/yaml/schemas.ts): a separate instance, as an editor or CI tool would have.
// Strict mode stays off for the same reason as there: it rejects union types such as ["string", "null"].
const editorAjv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

/** The validator of a schema file, compiled once. */
export function validatorFor(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = editorAjv.compile(readSchema(name) as AnySchemaObject);
    validators.set(name, validate);
  }
  return validate;
}

/**
 * The errors of a JSON value against a schema file, as `instancePath keyword` (with the key for an unknown
 * key), sorted; empty when it is valid.
 */
export function schemaErrors(name: string, value: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map(describeError))].sort();
}

function describeError(error: ErrorObject): string {
  const key = (error.params as { additionalProperty?: unknown }).additionalProperty;
  return `${error.instancePath} ${error.keyword}${key === undefined ? "" : ` ${String(key)}`}`;
}
