/** The examples of grammar/README.md, the language's contract, are valid `.policy` text. */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import { dslDocumentToModel, parseDslDocument } from "../../../src/parse/dsl/index.js";

const readme = readFileSync(new URL("../../../grammar/README.md", import.meta.url), "utf8");
/** The README's fenced code blocks without a language (the DSL's examples); `yaml` blocks and others are not DSL. */
function dslBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let open: { language: string; lines: string[] } | undefined;
  for (const line of markdown.split("\n")) {
    if (open === undefined && line.startsWith("```")) open = { language: line.slice(3).trim(), lines: [] };
    else if (open !== undefined && line === "```") {
      if (open.language === "") blocks.push(open.lines.join("\n") + "\n");
      open = undefined;
    } else open?.lines.push(line);
  }
  return blocks;
}

const blocks = dslBlocks(readme);

test("the README has its examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
});

test.each(blocks.map((block, i) => [i + 1, block.split("\n")[0], block] as const))("example %i (%s) parses and converts cleanly", (_i, _first, block) => {
  const sink = new DiagnosticSink();
  const file = new SourceFile("readme.policy", block);
  const document = parseDslDocument(file, sink);
  dslDocumentToModel([{ file, document }], sink);
  expect(sink.diagnostics).toEqual([]);
  expect(document.items.length).toBeGreaterThan(0);
});
