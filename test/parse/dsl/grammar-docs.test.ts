import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { policyGrammarEbnf } from "../../../src/parse/dsl/grammar-docs.js";
import { ALL_KEYWORDS } from "../../../src/parse/dsl/tokens.js";

const committed = readFileSync(new URL("../../../grammar/policy.ebnf", import.meta.url), "utf8");

test("grammar/policy.ebnf is what the parser's grammar generates (run `npm run grammar` after changing it)", () => {
  expect(committed).toBe(policyGrammarEbnf());
});

test("the EBNF has a rule for every definition and names every keyword", () => {
  const ebnf = policyGrammarEbnf();
  for (const rule of ["policyFile", "roleDefinition", "indexClause", "valueList"]) expect(ebnf).toContain(`\n${rule} ::= `);
  for (const keyword of ALL_KEYWORDS) expect(ebnf).toContain(`"${keyword}"`);
});

test("grammar/diagrams.html exists beside the EBNF", () => {
  expect(readFileSync(new URL("../../../grammar/diagrams.html", import.meta.url), "utf8")).toContain("roleDefinition");
});
