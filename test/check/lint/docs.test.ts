/**
 * docs/lint-rules.md documents every lint rule, and its examples are true:
 * the example that fires prints exactly the output shown, the fix prints
 * nothing at all.
 */
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../../src/diagnostics/codes.js";
import { formatDiagnostics } from "../../../src/index.js";
import { diagnosticsOfExample, readLintDocs, ruleExamples } from "./lint-docs.js";

/** The rules older than lint that lint reports under their own codes. */
const REUSED_RULES = ["PC3001", "PC3003", "PC3006"];
const LINT_CODES = Object.keys(DIAGNOSTIC_CODES).filter((code) => code.startsWith("PC8"));

const docs = readLintDocs();
const examples = ruleExamples(docs);

describe("docs/lint-rules.md", () => {
  it("has a section for every lint code of the catalog and every reused rule, in code order", () => {
    expect(LINT_CODES.length).toBeGreaterThan(0);
    expect(examples.map((example) => example.code)).toEqual([...REUSED_RULES, ...LINT_CODES]);
  });

  it("lists every rule in its table", () => {
    for (const { code } of examples) expect(docs).toContain(`| [${code}](#${code.toLowerCase()}) |`);
  });

  for (const example of examples) {
    describe(example.code, () => {
      it("has an example that fires and prints the output shown", () => {
        const found = diagnosticsOfExample(example.fires).filter((diagnostic) => diagnostic.code === example.code);
        expect(found.length).toBeGreaterThan(0);
        expect(formatDiagnostics(found, "text")).toBe(example.output);
      });

      it("has a fix that leaves nothing to report", () => {
        expect(formatDiagnostics(diagnosticsOfExample(example.fix), "text")).toBe("");
      });
    });
  }
});
