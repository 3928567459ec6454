/**
 * Every seed scenario of the README's examples, written as a `.policy` file
 * (fixtures/examples/), parses cleanly and gives the same model as the
 * example's YAML files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkRoleReferences } from "../../../src/check/check-references.js";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import type { PolicyModel, RoleMapping } from "../../../src/model/types.js";
import { parseYamlPolicy } from "../../../src/parse/yaml/index.js";
import { at, fixtureText, parseDocument, parseModel, withoutSpans } from "./helpers.js";

const EXAMPLES = ["bulk-permissions", "cat-shards-denial", "alerting-system-index", "async-search", "async-search-seed-mapping", "default-config"];

function yamlModel(example: string): PolicyModel {
  const directory = new URL(`../../../examples/${example}/`, import.meta.url);
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".yml"))
    .map((name) => ({ path: name, text: readFileSync(new URL(name, directory), "utf8") }));
  return parseYamlPolicy(files, new DiagnosticSink());
}

/**
 * A model's content: no spans or sources, settings with the keys given
 * instead of their places, and mappings by role name (the DSL writes a
 * role's mapping inside the role, so their order follows the roles).
 */
function content(model: PolicyModel): unknown {
  const { sources: _sources, settings, roleMappings, ...rest } = model;
  const { origins, ...settingValues } = settings;
  const byRole = (a: RoleMapping, b: RoleMapping) => (a.role.value < b.role.value ? -1 : a.role.value > b.role.value ? 1 : 0);
  return withoutSpans({ ...rest, roleMappings: [...roleMappings].sort(byRole), settings: settingValues, settingsGiven: Object.keys(origins).sort() });
}

describe.each(EXAMPLES)("%s", (example) => {
  const text = fixtureText(`examples/${example}.policy`);

  test("parses without diagnostics", () => {
    expect(parseDocument(text, `${example}.policy`).diagnostics).toEqual([]);
    expect(parseModel({ [`${example}.policy`]: text }).diagnostics).toEqual([]);
  });

  test("gives the model of the example's YAML files", () => {
    expect(content(parseModel({ [`${example}.policy`]: text }).model)).toEqual(content(yamlModel(example)));
  });
});

test("the seed's undefined role is reported at the `mapped_to` that names it", () => {
  const { model } = parseModel({ "seed.policy": fixtureText("examples/async-search-seed-mapping.policy") });
  const sink = new DiagnosticSink();
  checkRoleReferences(model, sink);
  expect(sink.diagnostics.map((d) => [d.code, at(d.span)])).toEqual([
    ["PC3003", "16:13"],
  ]);
});
