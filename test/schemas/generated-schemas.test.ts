import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { configSchemaFiles, nameCatalog } from "../../scripts/build-schemas.mjs";
import { readKnownActions } from "../../src/check/known-actions.js";
import { readBuiltinPolicy } from "../../src/parse/yaml/index.js";
import * as rules from "../../src/rules/actions.js";

const generated = configSchemaFiles(nameCatalog(readBuiltinPolicy(), readKnownActions(), rules));

describe("the schemas of the five policy files are generated", () => {
  test("one schema per policy file", () => {
    expect(generated.map((file) => file.path).sort()).toEqual([
      "schemas/action_groups.schema.json",
      "schemas/internal_users.schema.json",
      "schemas/roles.schema.json",
      "schemas/roles_mapping.schema.json",
      "schemas/tenants.schema.json",
    ]);
  });

  test.each(generated.map((file) => [file.path, file.text]))(
    "%s is what scripts/build-schemas.mjs generates (run `npm run schemas` after changing the script or the built-in names)",
    (path, text) => {
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")).toBe(text);
    },
  );
});
