import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { SETTING_DEFINITIONS } from "../../src/model/settings.js";
import { opensearchSettingsSchema, opensearchSettingsSchemaText, settingFile, settingsReadmeTable, settingsSectionOf, withSettingsSection } from "../../src/model/settings-docs.js";

const committedReadme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const committedSchema = readFileSync(new URL("../../schemas/opensearch-settings.schema.json", import.meta.url), "utf8");

describe("the generated settings documentation", () => {
  it("the README's settings section is what the catalog generates (run `npm run docs` after changing it)", () => {
    expect(settingsSectionOf(committedReadme)).toBe(settingsReadmeTable());
  });

  it("schemas/opensearch-settings.schema.json is what the catalog generates (run `npm run docs` after changing it)", () => {
    expect(committedSchema).toBe(opensearchSettingsSchemaText());
  });

  it("lists every setting in the README under every spelling, with the file it is read from", () => {
    const rows = settingsReadmeTable().split("\n");
    for (const definition of SETTING_DEFINITIONS) {
      const row = rows.find((line) => line.startsWith(`| \`${definition.names[0]}\` |`));
      expect(row, definition.key).toBeDefined();
      for (const name of definition.names) expect(row, name).toContain(`\`${name}\``);
      expect(row, definition.key).toContain(`| ${settingFile(definition)} |`);
    }
  });

  it("reads config.dynamic settings from config.yml and the others from opensearch.yml", () => {
    const files = Object.fromEntries(SETTING_DEFINITIONS.map((definition) => [definition.names[0], settingFile(definition)]));
    expect(files["config.dynamic.kibana.multitenancy_enabled"]).toBe("config.yml");
    expect(files["plugins.security.dls.write_blocked"]).toBe("opensearch.yml");
  });
});

describe("withSettingsSection", () => {
  it("replaces only what is between the markers", () => {
    const readme = "# title\n\n<!-- settings:begin -->\nold table\n<!-- settings:end -->\n\n## next\n";
    expect(withSettingsSection(readme)).toBe(`# title\n\n<!-- settings:begin -->\n${settingsReadmeTable()}<!-- settings:end -->\n\n## next\n`);
  });

  it("gives the same README when run twice", () => {
    expect(withSettingsSection(withSettingsSection(committedReadme))).toBe(withSettingsSection(committedReadme));
  });

  it("refuses a README without the markers", () => {
    expect(() => withSettingsSection("# title\n")).toThrow(/<!-- settings:begin -->/);
    expect(() => withSettingsSection("<!-- settings:end -->\n<!-- settings:begin -->\n")).toThrow(/in this order/);
  });
});

describe("the opensearch.yml schema", () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(opensearchSettingsSchema());

  it("accepts each setting at its default, under every spelling", () => {
    for (const definition of SETTING_DEFINITIONS.filter((d) => settingFile(d) === "opensearch.yml")) {
      for (const name of definition.names) expect(validate({ [name]: definition.defaultValue }), name).toBe(true);
    }
  });

  it("accepts a list setting written as one comma-separated string, and other node settings", () => {
    expect(validate({ "plugins.security.restapi.roles_enabled": "all_access, security_manager", "cluster.name": "x" })).toBe(true);
  });

  it("refuses a value of the wrong type or outside an enum", () => {
    expect(validate({ "plugins.security.dls.write_blocked": "yes" })).toBe(false);
    expect(validate({ "plugins.security.roles_mapping_resolution": "SOMETIMES" })).toBe(false);
  });

  it("holds no config.yml setting", () => {
    expect(Object.keys(opensearchSettingsSchema()["properties"] as object).filter((name) => name.startsWith("config."))).toEqual([]);
  });
});
