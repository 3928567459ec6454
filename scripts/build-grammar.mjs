#!/usr/bin/env node
// Regenerates grammar/policy.ebnf and grammar/diagrams.html from the built parser (run `npm run build`
// first; `npm run grammar` does both). A test fails when the committed EBNF differs from the parser.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../dist/cli/write-atomic.js";
import { policyGrammarDiagramsHtml, policyGrammarEbnf } from "../dist/parse/dsl/grammar-docs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const outputs = [
  ["grammar/policy.ebnf", policyGrammarEbnf()],
  ["grammar/diagrams.html", policyGrammarDiagramsHtml()],
];
for (const [path, text] of outputs) {
  writeFileAtomic(join(root, path), text);
  process.stdout.write(`${path}\n`);
}
