/**
 * The JSON Schemas of the policy files, loaded from the package's `schemas/`
 * directory and compiled once per process.
 */
import { Ajv, type AnySchemaObject, type ValidateFunction } from "ajv";
import { readPackageJson } from "../../package-files.js";
import { POLICY_CONFIG_KINDS, type PolicyConfigType } from "./config-kinds.js";

export interface CompiledSchema {
  readonly schema: AnySchemaObject;
  readonly validate: ValidateFunction;
}

let ajv: Ajv | undefined;
const compiled = new Map<PolicyConfigType, CompiledSchema>();

/** The compiled schema of a policy file type. */
export function schemaFor(type: PolicyConfigType): CompiledSchema {
  let entry = compiled.get(type);
  if (!entry) {
    const schema = readPackageJson(POLICY_CONFIG_KINDS[type].schema) as AnySchemaObject;
    // `verbose` puts the failing (sub)schema on each error, which the messages are built from;
    // strict mode stays off because it rejects union types such as `["string", "null"]`.
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false });
    entry = { schema, validate: ajv.compile(schema) };
    compiled.set(type, entry);
  }
  return entry;
}
