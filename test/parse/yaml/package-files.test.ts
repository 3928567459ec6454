import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { packageFilePath, readPackageJson } from "../../../src/package-files.js";

test("package files resolve relative to the package root", () => {
  expect((readPackageJson("package.json") as { name: string }).name).toBe("policyc");
});

test("the schemas and built-in data are found", () => {
  expect(existsSync(packageFilePath("schemas/roles.schema.json"))).toBe(true);
  expect(existsSync(packageFilePath("data/opensearch/static_roles.yml"))).toBe(true);
});
