/**
 * Broken policy files (test/fixtures/schemas/broken/<case>/) are rejected twice over: by the schema as an
 * editor applies it (the errors' instance paths), and by `policyc validate`, which maps the same schema
 * errors to the YAML's lines and columns (src/parse/yaml/ajv-errors.ts, schema-check.ts).
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";
import { schemaErrors } from "./helpers.js";

interface BrokenCase {
  /** The file under test/fixtures/schemas/broken/. */
  readonly file: string;
  readonly schema: string;
  /** The schema's errors, as `instancePath keyword [key]`. */
  readonly schemaErrors: readonly string[];
  /** `policyc validate`'s YAML and schema diagnostics (PC2xxx), as `line:col CODE`. */
  readonly diagnostics: readonly string[];
}

const CASES: readonly BrokenCase[] = [
  {
    file: "unknown-key/roles.yml",
    schema: "roles.schema.json",
    schemaErrors: ["/reader/index_permissions/0 additionalProperties field_masks", "/reader/index_permissions/0 additionalProperties index_pattern"],
    diagnostics: ["7:7 PC2006", "9:7 PC2006"],
  },
  {
    file: "wrong-types/roles.yml",
    schema: "roles.schema.json",
    schemaErrors: [
      "/empty_role type",
      "/writer/cluster_permissions type",
      "/writer/index_permissions/0/dls type",
      "/writer/index_permissions/0/fls type",
      "/writer/tenant_permissions type",
    ],
    diagnostics: ["6:24 PC2007", "10:12 PC2007", "11:12 PC2007", "12:23 PC2007", "13:1 PC2007"],
  },
  {
    file: "bad-items/roles.yml",
    schema: "roles.schema.json",
    schemaErrors: [
      "/reader/cluster_permissions/1 type",
      "/reader/cluster_permissions/2 type",
      "/reader/cluster_permissions/3 type",
      "/reader/index_permissions/0/allowed_actions/1 type",
      "/reader/index_permissions/0/index_patterns/0 type",
      "/reader/index_permissions/1 type",
    ],
    // The number 404 is only a warning: the plugin reads it as the string "404".
    diagnostics: ["8:7 PC2007", "9:7 PC2009", "10:5 PC2007", "12:24 PC2007", "13:31 PC2007", "14:7 PC2007"],
  },
  {
    file: "wrong-meta/tenants.yml",
    schema: "tenants.schema.json",
    schemaErrors: ["/_meta/config_version const", "/_meta/type enum"],
    diagnostics: ["3:9 PC2004", "4:19 PC2005"],
  },
  {
    file: "tenant-fields/tenants.yml",
    schema: "tenants.schema.json",
    schemaErrors: ["/analysts additionalProperties tenant_patterns", "/analysts/reserved type"],
    diagnostics: ["6:13 PC2007", "7:3 PC2006"],
  },
  {
    file: "mapping-shapes/roles_mapping.yml",
    schema: "roles_mapping.schema.json",
    schemaErrors: ["/all_access additionalProperties static", "/all_access/users type", "/readall/hosts/0 type"],
    diagnostics: ["6:10 PC2007", "9:3 PC2006", "11:11 PC2007"],
  },
  {
    file: "user-fields/internal_users.yml",
    schema: "internal_users.schema.json",
    schemaErrors: ["/elon/hash type", "/elon/opendistro_security_roles type", "/judy additionalProperties password", "/judy/attributes/dept type"],
    diagnostics: ["6:3 PC2006", "9:11 PC2007", "11:9 PC2007", "12:30 PC2007"],
  },
  {
    file: "action-group-shapes/action_groups.yml",
    schema: "action_groups.schema.json",
    schemaErrors: ["/my_read/allowed_actions type", "/my_write type"],
    diagnostics: ["7:5 PC2007", "10:3 PC2007"],
  },
];

const FIXTURES = "test/fixtures/schemas/broken/";

interface JsonOutput {
  readonly diagnostics: readonly { readonly code: string; readonly location: { readonly file: string; readonly line: number; readonly column: number } }[];
}

describe.each(CASES)("$file", (brokenCase) => {
  const path = `${FIXTURES}${brokenCase.file}`;

  test("the schema rejects it at the expected places", () => {
    const value = load(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
    expect(schemaErrors(brokenCase.schema, value)).toEqual(brokenCase.schemaErrors);
  });

  test("`policyc validate` reports each problem at its line and column and exits 1", () => {
    const result = runCli(["validate", path, "--format", "json"]);
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as JsonOutput;
    const fileDiagnostics = output.diagnostics.filter((d) => d.code.startsWith("PC2"));
    expect(fileDiagnostics.every((d) => d.location.file === path)).toBe(true);
    expect(fileDiagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.code}`)).toEqual(brokenCase.diagnostics);
  });
});
