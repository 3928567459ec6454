import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { allSettingNames, settingDefinitionByName } from "../../../src/model/settings.js";

type Schema = { [key: string]: unknown };

const readSchema = (name: string): Schema => JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), "utf8")) as Schema;

const POLICY_SCHEMAS = [
  ["roles.schema.json", "roles"],
  ["roles_mapping.schema.json", "rolesmapping"],
  ["action_groups.schema.json", "actiongroups"],
  ["internal_users.schema.json", "internalusers"],
  ["tenants.schema.json", "tenants"],
] as const;

/** Every property schema in a schema, with its path. */
function properties(schema: unknown, path = "#"): [string, Schema][] {
  if (typeof schema !== "object" || schema === null) return [];
  const found: [string, Schema][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      for (const [name, property] of Object.entries(value)) found.push([`${path}/${name}`, property as Schema]);
    }
    found.push(...properties(value, `${path}/${key}`));
  }
  return found;
}

function definition(schema: Schema, name: string): Schema {
  return (schema["definitions"] as Record<string, Schema>)[name]!;
}

describe.each(POLICY_SCHEMAS)("%s", (file, type) => {
  const schema = readSchema(file);

  test("it is a draft-07 schema with an id and a title", () => {
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema["$id"]).toBe(`https://policyc.dev/schemas/${file}`);
    expect(typeof schema["title"]).toBe("string");
  });

  test("every property has a description", () => {
    const missing = properties(schema).filter(([, property]) => typeof property["description"] !== "string" && property["$ref"] === undefined);
    expect(missing.map(([path]) => path)).toEqual([]);
  });

  test("it requires _meta with its type and version 2", () => {
    expect(schema["required"]).toEqual(["_meta"]);
    const meta = definition(schema, "meta")["properties"] as Record<string, Schema>;
    expect(meta["type"]!["enum"]).toEqual([type]);
    expect(meta["config_version"]!["const"]).toBe(2);
  });

  test("its objects are closed", () => {
    for (const [name, def] of Object.entries(schema["definitions"] as Record<string, Schema>)) {
      if (def["type"] === "object") expect(def["additionalProperties"], name).toBe(false);
    }
  });
});

// The names the action lists offer are tested in test/schemas/action-names.test.ts.

describe("opensearch-settings.schema.json", () => {
  const schema = readSchema("opensearch-settings.schema.json");
  const listed = schema["properties"] as Record<string, Schema>;

  test("it lists exactly the catalog's node settings", () => {
    // Search Guard's settings are read from its own files (elasticsearch.yml, sg_*.yml), not opensearch.yml.
    const nodeSettings = allSettingNames().filter((name) => !name.startsWith("config.") && settingDefinitionByName(name)?.flavor === undefined);
    expect(Object.keys(listed).sort()).toEqual(nodeSettings.sort());
  });

  test("each setting's type and default follow the catalog", () => {
    const expectedType = { boolean: "boolean", string: "string", "string-list": ["array", "string"], enum: "string" } as const;
    for (const [name, property] of Object.entries(listed)) {
      const definition = settingDefinitionByName(name)!;
      expect(property["type"], name).toEqual(expectedType[definition.kind]);
      expect(property["default"], name).toEqual(definition.defaultValue);
      if (definition.values) expect(property["enum"], name).toEqual(definition.values);
      expect(typeof property["description"], name).toBe("string");
    }
  });

  test("other node settings are allowed", () => {
    expect(schema["additionalProperties"]).toBe(true);
  });
});
