/**
 * Properties of the DSL's printer and `convert`:
 * - any model printed as DSL text reads back to the same model;
 * - any random policy taken YAML → DSL → YAML decides every request exactly
 *   as the original YAML does, and so does the DSL text itself.
 *
 * POLICYC_ROUND_TRIP_RUNS (or POLICYC_FUZZ_RUNS) sets the number of random policies of each test (by
 * default 400 models, 100 reprinted texts and 200 YAML policies, about ten
 * seconds); POLICYC_FUZZ_SEED replays a run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { emitDslPolicy, printDslDocument } from "../../src/emit/dsl/index.js";
import { emitYamlPolicy } from "../../src/emit/yaml/index.js";
import { compile } from "../../src/index.js";
import type { PolicyModel } from "../../src/model/types.js";
import { parseDslDocument, parseDslPolicy } from "../../src/parse/dsl/index.js";
import { parseYamlPolicy } from "../../src/parse/yaml/index.js";
import { loadTable } from "../../src/runtime/index.js";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { policyArb, policyFiles, requestArb } from "../helpers/arbitraries.js";
import { modelKey } from "../helpers/model-key.js";
import { COVERAGE_MINIMUM_RUNS } from "./agreement.js";
import { policyModelArb } from "./policy-model-arbitrary.js";

const RUNS_SETTING = process.env.POLICYC_ROUND_TRIP_RUNS ?? process.env.POLICYC_FUZZ_RUNS;
const RUNS = RUNS_SETTING === undefined ? undefined : Number(RUNS_SETTING);
const SEED = process.env.POLICYC_FUZZ_SEED === undefined ? undefined : Number(process.env.POLICYC_FUZZ_SEED);
const settings = (runs: number) => ({ numRuns: RUNS ?? runs, ...(SEED !== undefined ? { seed: SEED } : {}) });

type Files = { path: string; text: string }[];

function errorsOf(sink: DiagnosticSink): string[] {
  return sink.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
}

/**
 * The model as compared after a trip through the DSL: mappings written inside
 * their roles come back in the roles' order, so mappings are compared by role.
 */
function comparableModel(model: PolicyModel): string {
  const roleMappings = [...model.roleMappings].sort((a, b) => (a.role.value < b.role.value ? -1 : a.role.value > b.role.value ? 1 : 0));
  return modelKey({ ...model, roleMappings });
}

function dslText(model: PolicyModel): string {
  const sink = new DiagnosticSink();
  const text = emitDslPolicy(model, sink);
  expect(errorsOf(sink)).toEqual([]);
  return text;
}

function readDsl(text: string): PolicyModel {
  const sink = new DiagnosticSink();
  const model = parseDslPolicy([{ path: "policy.policy", text }], sink);
  expect(errorsOf(sink), text).toEqual([]);
  return model;
}

/** YAML → model → DSL text → model → YAML files, as `convert` does it both ways. */
function throughDsl(files: Files): { dsl: string; yaml: Files } {
  const model = parseYamlPolicy(files, new DiagnosticSink());
  const dsl = dslText(model);
  const sink = new DiagnosticSink();
  const yaml = Object.entries(emitYamlPolicy(readDsl(dsl), sink)).map(([path, text]) => ({ path, text }));
  expect(errorsOf(sink)).toEqual([]);
  return { dsl, yaml };
}

/** Comments `# cN` added to a text's lines: after a line's code, or on a line of their own before it. */
function withComments(text: string, places: readonly (readonly [number, boolean])[]): string {
  const lines = text.split("\n");
  places.forEach(([at, ownLine], n) => {
    const i = at % lines.length;
    const line = lines[i]!;
    lines[i] = ownLine || line.trim() === "" ? `# c${n}\n${line}` : `${line} # c${n}`;
  });
  return lines.join("\n");
}

function format(text: string): string {
  const sink = new DiagnosticSink();
  const document = parseDslDocument(new SourceFile("policy.policy", text), sink);
  expect(errorsOf(sink), text).toEqual([]);
  return printDslDocument(document);
}

function commentsOf(text: string): string[] {
  return text.split("\n").flatMap((line) => line.match(/# c\d+/g) ?? []);
}

function decide(files: Files, requests: readonly AuthorizationRequest[]): unknown[] | undefined {
  const { table } = compile({ files }, { module: false });
  if (!table) return undefined;
  const policy = loadTable(table);
  return requests.map((request) => policy.authorize(request));
}

describe("the DSL printer and convert", () => {
  it("print any model as DSL text that reads back to the same model", () => {
    fc.assert(
      fc.property(policyModelArb(), (model) => {
        const text = dslText(model);
        expect(comparableModel(readDsl(text)), text).toBe(comparableModel(model));
      }),
      settings(400),
    );
  });

  it("print text that formats to itself", () => {
    fc.assert(
      fc.property(policyModelArb(), (model) => {
        const text = dslText(model);
        expect(dslText(readDsl(text))).toBe(text);
      }),
      settings(100),
    );
  });

  it("keep every comment added to printed text, and format that text once and for all", () => {
    fc.assert(
      fc.property(policyModelArb(), fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 8 }), (model, places) => {
        const text = withComments(dslText(model), places);
        const once = format(text);
        expect(format(once), text).toBe(once);
        expect(commentsOf(once).sort(), text).toEqual(commentsOf(text).sort());
      }),
      settings(100),
    );
  });

  it("take a YAML policy through the DSL and back without changing any decision", () => {
    let compared = 0;
    fc.assert(
      fc.property(policyArb(), fc.array(requestArb(), { minLength: 1, maxLength: 20 }), (spec, requests) => {
        const files = Object.entries(policyFiles(spec)).map(([path, text]) => ({ path, text }));
        const original = decide(files, requests);
        if (!original) return;
        const { dsl, yaml } = throughDsl(files);
        expect(decide([{ path: "policy.policy", text: dsl }], requests), dsl).toEqual(original);
        expect(decide(yaml, requests), dsl).toEqual(original);
        compared++;
      }),
      settings(200),
    );
    // Not vacuous: most random policies compile.
    if ((RUNS ?? 200) >= COVERAGE_MINIMUM_RUNS) expect(compared).toBeGreaterThan((RUNS ?? 200) / 2);
    if (process.env.POLICYC_FUZZ_STATS) console.log(JSON.stringify({ policies: RUNS ?? 200, compared }));
  }, Math.max(30_000, (RUNS ?? 200) * 300));
});
