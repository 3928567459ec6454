/**
 * Every schema under schemas/, hand-written or generated, is draft-07 (what yaml-language-server and
 * SchemaStore read everywhere) and describes every property it declares, for editors' hover and completion.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readSchema, SCHEMAS_DIRECTORY, type Schema } from "./helpers.js";

const NAMES = readdirSync(fileURLToPath(SCHEMAS_DIRECTORY)).filter((name) => name.endsWith(".schema.json")).sort();

/** Every property schema, anywhere in a schema, with its JSON pointer. */
function declaredProperties(schema: unknown, pointer = "#"): [string, Schema][] {
  if (typeof schema !== "object" || schema === null) return [];
  const found: [string, Schema][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) found.push([`${pointer}/properties/${name}`, property]);
    }
    found.push(...declaredProperties(value, `${pointer}/${key}`));
  }
  return found;
}

test("schemas/ holds the schemas of the five policy files, the decision table, the request and the decision", () => {
  expect(NAMES).toEqual(
    expect.arrayContaining([
      "action_groups.schema.json",
      "decision-table.schema.json",
      "decision.schema.json",
      "internal_users.schema.json",
      "opensearch-settings.schema.json",
      "request.schema.json",
      "roles.schema.json",
      "roles_mapping.schema.json",
      "tenants.schema.json",
    ]),
  );
});

describe.each(NAMES)("%s", (name) => {
  const schema = readSchema(name);

  test("it is a draft-07 schema with a title and a description", () => {
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(typeof schema["title"]).toBe("string");
    expect(typeof schema["description"]).toBe("string");
  });

  test("every property has a description (a `$ref` brings its own)", () => {
    const undescribed = declaredProperties(schema).filter(([, property]) => typeof property["description"] !== "string" && property["$ref"] === undefined);
    expect(undescribed.map(([pointer]) => pointer)).toEqual([]);
  });
});
