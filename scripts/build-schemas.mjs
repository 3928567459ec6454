#!/usr/bin/env node
// Regenerates the JSON Schemas of the five policy files (schemas/roles.schema.json & co.) from
// scripts/schemas/ and the names policyc knows: the built-in action groups, roles and tenants (data/opensearch)
// and the known actions (data/opensearch/known_actions.txt), read through the built compiler (run
// `npm run build` first; `npm run schemas` does both). A test fails when the committed schemas are not current.
// The other schemas (decision table, request, decision, opensearch settings) are written by hand.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { actionGroupsSchema, internalUsersSchema, rolesMappingSchema, rolesSchema, tenantsSchema } from "./schemas/config-files.mjs";
import { nameCatalog } from "./schemas/name-lists.mjs";

export { nameCatalog };

/** Each generated schema file, by path relative to the repository root, with its text. */
export function configSchemaFiles(catalog) {
  const schemas = [rolesSchema(catalog), rolesMappingSchema(catalog), actionGroupsSchema(catalog), internalUsersSchema(), tenantsSchema()];
  return schemas.map((schema) => ({ path: `schemas/${schema.$id.split("/").pop()}`, text: JSON.stringify(schema, null, 2) + "\n" }));
}

async function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
  const [{ readBuiltinPolicy }, { readKnownActions }, rules, { writeFileAtomic }] = await Promise.all([
    dist("parse/yaml/index.js"),
    dist("check/known-actions.js"),
    dist("rules/actions.js"),
    dist("cli/write-atomic.js"),
  ]);
  const catalog = nameCatalog(readBuiltinPolicy(), readKnownActions(), rules);
  for (const { path, text } of configSchemaFiles(catalog)) {
    writeFileAtomic(join(root, path), text);
    process.stdout.write(`${path}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`build-schemas: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
