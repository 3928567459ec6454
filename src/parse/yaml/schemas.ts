/**
 * The JSON Schemas of the policy files, loaded from the package's `schemas/`
 * directory and compiled once per process.
 */
import { Ajv, type AnySchemaObject, type ValidateFunction } from "ajv";
import { readPackageJson } from "../../package-files.js";
import type { PolicyConfigKind } from "./config-kinds.js";

export interface CompiledSchema {
  readonly schema: AnySchemaObject;
  readonly validate: ValidateFunction;
}

let ajv: Ajv | undefined;
/** By schema path: the two flavors' files of one type have different schemas. */
const compiled = new Map<string, CompiledSchema>();

/** The compiled schema of a kind of policy file. */
export function schemaFor(kind: PolicyConfigKind): CompiledSchema {
  let entry = compiled.get(kind.schema);
  if (!entry) {
    const schema = readPackageJson(kind.schema) as AnySchemaObject;
    // `verbose` puts the failing (sub)schema on each error, which the messages are built from;
    // strict mode stays off because it rejects union types such as `["string", "null"]`.
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false });
    entry = { schema, validate: ajv.compile(schema) };
    compiled.set(kind.schema, entry);
  }
  return entry;
}
