/**
 * `textDocument/formatting` for `.policy` files: the canonical layout of
 * `policyc fmt`, as one edit of the whole document. A document with syntax
 * errors is left as it is, as `fmt` leaves such a file; so is one the
 * printer would change the meaning of (a printer bug, thrown to be logged).
 */
import type { TextEdit } from "vscode-languageserver/node.js";
import { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { printDslDocument, sameDslDocument } from "../emit/dsl/index.js";
import { parseDslDocument } from "../parse/dsl/index.js";
import { LineMap } from "./positions.js";

/** The edit that formats a `.policy` text, or none when it is formatted or cannot be read. */
export function formatPolicyText(path: string, text: string): TextEdit[] {
  const formatted = formattedText(path, text);
  if (formatted === undefined || formatted === text) return [];
  return [{ range: new LineMap(text).fullRange(), newText: formatted }];
}

function formattedText(path: string, text: string): string | undefined {
  const sink = new DiagnosticSink();
  const document = parseDslDocument(new SourceFile(path, text), sink);
  if (sink.hasErrors()) return undefined;
  const formatted = printDslDocument(document);
  // As in `policyc fmt`: the layout may change, never what the file says.
  const reread = new DiagnosticSink();
  const same = sameDslDocument(document, parseDslDocument(new SourceFile(path, formatted), reread));
  if (!same || reread.hasErrors()) throw new Error(`formatting \`${path}\` would change what it says; it is left as it is`);
  return formatted;
}
