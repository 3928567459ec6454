/**
 * Compile-time checks of DLS queries, FLS fields and masked fields (PC6xxx),
 * at the value's line and column in YAML and in the DSL, and what the table
 * stores of valid rules.
 */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { withMeta } from "../helpers/policy.js";

const HEAD = "r:\n  index_permissions:\n    - index_patterns: [\"hr-*\"]\n      allowed_actions: [\"read\"]\n";

/** The role `r` with extra lines in its one index permission (line 5 on). */
function yamlRole(lines: string): readonly Diagnostic[] {
  return compile({ files: withMeta({ "roles.yml": HEAD + lines }) }, { module: false }).diagnostics;
}

function dslPolicy(text: string): readonly Diagnostic[] {
  return compile({ files: [{ path: "p.policy", text }] }, { module: false }).diagnostics;
}

/** PC6xxx diagnostics as `CODE line:col` (the YAML's `_meta` block takes three lines before the role). */
function restrictionProblems(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.code.startsWith("PC6"))
    .map((d) => {
      const { line, column } = d.span!.file.lineColumn(d.span!.start);
      return `${d.code} ${line}:${column}`;
    });
}

function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code.startsWith("PC6")).map((d) => d.message);
}

describe("DLS queries in YAML", () => {
  it("that are not JSON are an error at the query, saying where the JSON breaks", () => {
    const diagnostics = yamlRole(`      dls: '{"term": {"dept": "hr"}'\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6001 8:12"]);
    expect(messages(diagnostics)).toEqual(["`dls` of index permission 1 of role `r` is not valid JSON: expected `,` or `}`, found the end of the text (at character 24 of the query)"]);
  });

  it("that are JSON but no object are an error", () => {
    expect(restrictionProblems(yamlRole(`      dls: '["term"]'\n`))).toEqual(["PC6002 8:12"]);
  });

  it("that are not one query object are an error in the query parser's words", () => {
    const diagnostics = yamlRole(`      dls: '{"term": {"a": 1}, "match_all": {}}'\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6003 8:12"]);
    expect(messages(diagnostics)[0]).toContain("[term] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
    expect(restrictionProblems(yamlRole(`      dls: '{}'\n`))).toEqual(["PC6003 8:12"]);
    expect(restrictionProblems(yamlRole(`      dls: '{"term": "x"}'\n`))).toEqual(["PC6003 8:12"]);
  });

  it("with comments pass, as OpenSearch's JSON parser allows them", () => {
    expect(restrictionProblems(yamlRole(`      dls: '{"match_all": {} /* everything */}'\n`))).toEqual([]);
  });

  it("that go on after the query are a warning: the plugin's parser never reads the rest", () => {
    const diagnostics = yamlRole(`      dls: '{"match_all": {}} {"term": {"a": 1}}'\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6009 8:12"]);
    expect(diagnostics.find((d) => d.code === "PC6009")!.severity).toBe("warning");
  });

  it("with a key given twice are an error, as OpenSearch's JSON parser refuses them", () => {
    expect(restrictionProblems(yamlRole(`      dls: '{"term": {"a": 1, "a": 2}}'\n`))).toEqual(["PC6001 8:12"]);
  });

  it("that are blank count as no DLS", () => {
    const result = compile({ files: withMeta({ "roles.yml": HEAD + `      dls: "  "\n` }) }, { module: false });
    expect(restrictionProblems(result.diagnostics)).toEqual([]);
    expect(result.table!.roles.find((role) => role.name === "r")!.index[0]!.dls).toBeUndefined();
  });

  it.each([
    ['{"term": {"owner": "${user.name}"}}', "a variable inside a string"],
    ['{"terms": {"team": [${user.roles}]}}', "a role list inside brackets"],
    ['{"range": {"level": {"lte": ${attr.internal.level:-3}}}}', "a bare value with a default"],
    ['{"terms": {"r": [${user_securityRoles}]}}', "the underscore spelling of a role list"],
  ])("that are templates pass when they are queries with sample values: %s (%s)", (query) => {
    expect(restrictionProblems(yamlRole(`      dls: '${query}'\n`))).toEqual([]);
  });

  it("that are templates with a role list inside a string are an error: the list brings its own quotes", () => {
    const diagnostics = yamlRole(`      dls: '{"term": {"team": "\${user.roles}"}}'\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6001 8:12"]);
    expect(messages(diagnostics)[0]).toContain("with sample values for its user attributes");
  });

  it("that keep a `${` through the `$${` escape are a warning", () => {
    const diagnostics = yamlRole(`      dls: '{"term": {"a": "$\${user.name}"}}'\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6004 8:12"]);
    expect(diagnostics.find((d) => d.code === "PC6004")!.severity).toBe("warning");
  });
});

describe("DLS queries in the DSL", () => {
  it("that are not JSON are an error at the query string", () => {
    const diagnostics = dslPolicy(`role r {\n  index hr-* {\n    allow read\n    dls '{"term": }'\n  }\n}\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6001 4:9"]);
  });

  it("that are no object are an error at the query string", () => {
    expect(restrictionProblems(dslPolicy(`role r {\n  index hr-* { allow read  dls "42" }\n}\n`))).toEqual(["PC6002 2:32"]);
  });
});

describe("FLS fields and masked fields", () => {
  it("an FLS field that is an invalid regex is an error at the field", () => {
    expect(restrictionProblems(yamlRole(`      fls: ["name", "~/(a/"]\n`))).toEqual(["PC6005 8:21"]);
  });

  it("a blank FLS field is a warning", () => {
    expect(restrictionProblems(yamlRole(`      fls: ["~"]\n`))).toEqual(["PC6008 8:13"]);
  });

  it.each(["ssn", "ssn::SHA-512", "ssn::sha-256", "ssn::/[0-9]/::X", "ssn::/a/::b::/c/::d", "a*::MD5"])("the masked field %s is accepted", (mask) => {
    expect(restrictionProblems(yamlRole(`      masked_fields: ["${mask}"]\n`))).toEqual([]);
  });

  it.each([
    ["ssn::/[0-9]/", "a regex without a replacement"],
    ["ssn::[0-9]::X", "a regex not wrapped in slashes"],
    ["ssn::/(/::X", "an invalid regex"],
    ["ssn::/a/::b::c", "an even number of parts after the field"],
    ["/(/::SHA-256", "an invalid field regex"],
  ])("the masked field %s is an error (%s)", (mask) => {
    expect(restrictionProblems(yamlRole(`      masked_fields: ["${mask}"]\n`))).toEqual(["PC6006 8:23"]);
  });

  it("a masked field with an algorithm the JDK lacks is a warning, a security provider may add it", () => {
    const diagnostics = yamlRole(`      masked_fields: ["ssn::BLAKE2B-256"]\n`);
    expect(restrictionProblems(diagnostics)).toEqual(["PC6007 8:23"]);
    expect(diagnostics.find((d) => d.code === "PC6007")!.severity).toBe("warning");
  });

  it("a masked field with a blank field name is a warning", () => {
    expect(restrictionProblems(yamlRole(`      masked_fields: ["::SHA-256"]\n`))).toEqual(["PC6008 8:23"]);
  });
});

describe("the table", () => {
  function entries(lines: string) {
    const result = compile({ files: withMeta({ "roles.yml": `r:\n  index_permissions:\n${lines}` }) }, { module: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return result.table!.roles.find((role) => role.name === "r")!.index;
  }

  it("stores a plain DLS query in canonical form and a template as written", () => {
    const [plain, template] = entries(
      `    - index_patterns: ["a"]\n      dls: '{ "term": {"b": 1, "a": "$"} }'\n    - index_patterns: ["b"]\n      dls: '{"term": {"owner": "\${user.name}"}}'\n`,
    );
    expect(plain!.dls).toBe('{"term":{"a":"$","b":1}}');
    expect(template!.dls).toBe('{"term": {"owner": "${user.name}"}}');
  });

  it("escapes `${` inside a plain query's strings, so that only templates hold it", () => {
    const [entry] = entries(`    - index_patterns: ["a"]\n      dls: '{"term": {"a": "\\u0024{x}"}}'\n`);
    expect(entry!.dls).toBe('{"term":{"a":"\\u0024{x}"}}');
  });

  it("stores FLS fields and masks as written, and leaves out kinds without a rule", () => {
    const [entry] = entries(`    - index_patterns: ["a"]\n      fls: ["~b", "a"]\n      masked_fields: []\n`);
    expect(entry).toMatchObject({ fls: ["~b", "a"] });
    expect(entry).not.toHaveProperty("maskedFields");
    expect(entry).not.toHaveProperty("dls");
  });

  it("satisfies schemas/decision-table.schema.json with every restriction field", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/decision-table.schema.json", import.meta.url), "utf8")) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const files = withMeta({
      "roles.yml": `r:\n  index_permissions:\n    - index_patterns: ["x-\${user.name}"]\n      dls: '{"match_all": {}}'\n      fls: ["a"]\n      masked_fields: ["b::SHA-256"]\n    - index_patterns: ["x-\${user.name}"]\n      fls: ["b"]\n`,
    });
    const table = compile({ files }, { module: false }).table!;
    expect(table.roles.find((role) => role.name === "r")!.index[0]).toMatchObject({ dls: '{"match_all":{}}', replacedTemplateRules: ["fls"] });
    expect(validate(table), JSON.stringify(validate.errors)).toBe(true);
  });

  it("marks the rules a later entry with the same templates replaces", () => {
    const index = entries(
      `    - index_patterns: ["x-\${user.name}"]\n      fls: ["a"]\n      dls: '{"match_all": {}}'\n    - index_patterns: ["x-\${user.name}"]\n      fls: ["b"]\n    - index_patterns: ["*", "x-\${user.name}"]\n      fls: ["c"]\n`,
    );
    expect(index.map((e) => e.replacedTemplateRules)).toEqual([["fls"], undefined, undefined]);
  });
});
