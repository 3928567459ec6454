/**
 * Every YAML file under examples/ points an editor at its schema with a yaml-language-server modeline, and
 * validates against that schema as the editor would check it: the YAML read as JSON, then validated.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { classifyFile } from "../../src/parse/yaml/config-kinds.js";
import { readSchema, schemaErrors, SCHEMAS_DIRECTORY, type Schema } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMAS = fileURLToPath(SCHEMAS_DIRECTORY);
const MODELINE = /^# yaml-language-server: \$schema=(\S+)\s*$/;

function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/i.test(entry.name) ? [path] : [];
  });
}

/** The schema a file's kind calls for, when policyc knows one. */
function expectedSchema(path: string): string | undefined {
  const kind = classifyFile(path);
  if (kind.kind === "policy") return kind.config.schema.replace("schemas/", "");
  if (kind.kind === "settings") return "opensearch-settings.schema.json";
  if (kind.kind === "sg-authz") return "sg_authz.schema.json";
  if (kind.kind === "sg-multi-tenancy") return "sg_frontend_multi_tenancy.schema.json";
  return undefined;
}

const examples = yamlFilesUnder(join(ROOT, "examples")).map((path) => relative(ROOT, path));

test("the examples hold YAML files", () => {
  expect(examples.length).toBeGreaterThan(10);
});

describe.each(examples)("%s", (path) => {
  const text = readFileSync(join(ROOT, path), "utf8");
  const modeline = MODELINE.exec(text.split("\n")[0] ?? "");
  const schemaPath = modeline ? resolve(ROOT, path, "..", modeline[1]!) : undefined;

  test("its first line is a modeline naming an existing schema of schemas/", () => {
    expect(modeline, "first line").not.toBeNull();
    expect(relative(SCHEMAS, schemaPath!)).not.toMatch(/^\.\.|[\\/]/);
    expect(existsSync(schemaPath!), schemaPath).toBe(true);
  });

  test("the modeline names the schema of its kind of file", () => {
    const expected = expectedSchema(path);
    if (expected !== undefined) expect(relative(SCHEMAS, schemaPath!)).toBe(expected);
  });

  test("it validates against that schema", () => {
    expect(schemaErrors(relative(SCHEMAS, schemaPath!), load(text))).toEqual([]);
  });

  test("it has no inline `$schema` key, which the plugin rejects", () => {
    expect(text).not.toMatch(/^\s*["']?\$schema["']?\s*:/m);
  });
});

describe("no schema suggests an inline `$schema` key", () => {
  const names = readdirSync(SCHEMAS).filter((name) => name.endsWith(".schema.json"));

  /** Every key a schema declares as a property or offers in a default or example, anywhere in it. */
  function suggestedKeys(schema: unknown): string[] {
    if (typeof schema !== "object" || schema === null) return [];
    const keys: string[] = [];
    for (const [key, value] of Object.entries(schema as Schema)) {
      if (key === "properties" && typeof value === "object" && value !== null) keys.push(...Object.keys(value));
      if ((key === "default" || key === "examples" || key === "defaultSnippets") && typeof value === "object" && value !== null) {
        keys.push(...JSON.stringify(value).match(/"[^"]*"(?=:)/g) ?? []);
      }
      keys.push(...suggestedKeys(value));
    }
    return keys;
  }

  test.each(names)("%s", (name) => {
    expect(suggestedKeys(readSchema(name)).filter((key) => key.includes("$schema"))).toEqual([]);
  });
});
