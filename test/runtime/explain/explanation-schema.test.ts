/**
 * What explain returns is what schemas/explanation.schema.json describes,
 * and a table compiled with provenance is what
 * schemas/decision-table.schema.json describes, for every example.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { loadTable } from "../../../src/runtime/index.js";
import { ROOT } from "../../helpers/cli.js";

const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, "schemas", name), "utf8")) as { $id: string };
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema("decision.schema.json"));
const validateExplanation = ajv.compile(schema("explanation.schema.json"));
const validateTable = new Ajv({ allErrors: true }).compile(schema("decision-table.schema.json"));

const examplesDir = join(ROOT, "examples");
const examples = readdirSync(examplesDir).filter((name) => statSync(join(examplesDir, name)).isDirectory()).sort();

function compileExample(name: string, provenance: boolean) {
  const dir = join(examplesDir, name);
  const files = readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => ({ path: join("examples", name, file), text: readFileSync(join(dir, file), "utf8") }));
  return compile({ files }, { provenance, module: false }).table!;
}

const requestsOf = (name: string): unknown[] =>
  readFileSync(join(examplesDir, name, "requests.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

describe.each(examples)("example %s", (name) => {
  it("compiled with provenance, satisfies schemas/decision-table.schema.json", () => {
    const table = compileExample(name, true);
    expect(table.provenance).toBeDefined();
    expect(validateTable(JSON.parse(JSON.stringify(table))), JSON.stringify(validateTable.errors)).toBe(true);
  });

  it.each([true, false])("explains its requests as schemas/explanation.schema.json says (provenance: %s)", (provenance) => {
    const policy = loadTable(compileExample(name, provenance));
    for (const request of [...requestsOf(name), { user: "not a user" }]) {
      const explanation = JSON.parse(JSON.stringify(policy.explain(request))) as unknown;
      expect(validateExplanation(explanation), `${JSON.stringify(request)}: ${JSON.stringify(validateExplanation.errors)}`).toBe(true);
    }
  });
});

describe("schemas/explanation.schema.json", () => {
  it("refuses an explanation with a rule the evaluation does not have", () => {
    const policy = loadTable(compileExample("cat-shards-denial", true));
    const [request] = requestsOf("cat-shards-denial");
    const explanation = { ...(JSON.parse(JSON.stringify(policy.explain(request))) as Record<string, unknown>), rule: "luck" };
    expect(validateExplanation(explanation)).toBe(false);
  });
});
