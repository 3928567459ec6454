/** Parsing and printing `.policy` texts for the printer's tests. */
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import { printDslDocument } from "../../../src/emit/dsl/print-document.js";
import { parseDslDocument, type DslDocument } from "../../../src/parse/dsl/index.js";

/** The tree of a text that must parse without errors. */
export function parseClean(text: string, path = "test.policy"): DslDocument {
  const sink = new DiagnosticSink();
  const document = parseDslDocument(new SourceFile(path, text), sink);
  const errors = sink.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(`${path} does not parse:\n${errors.map((e) => e.message).join("\n")}\n----\n${text}`);
  return document;
}

/** `text` in the canonical layout. */
export function format(text: string): string {
  return printDslDocument(parseClean(text));
}
