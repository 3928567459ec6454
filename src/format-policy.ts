/**
 * Formatting a `.policy` text in the canonical layout: what `policyc fmt`
 * writes and what the language server's formatting returns. It parses, prints
 * and reads the output back, so it spans the DSL's front and back end.
 */
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { DiagnosticSink } from "./diagnostics/diagnostic.js";
import { SourceFile } from "./diagnostics/source-file.js";
import { printDslDocument, sameDslDocument } from "./emit/dsl/index.js";
import { parseDslDocument } from "./parse/dsl/index.js";

/** The formatted text, or the syntax errors that stop formatting it. */
export type FormattedPolicy = { readonly text: string } | { readonly errors: readonly Diagnostic[] };

/** A printer bug caught before it reaches a file: the formatted text would say something else. */
export class FormatChangedMeaningError extends Error {
  override readonly name = "FormatChangedMeaningError";
}

/**
 * Formats one `.policy` text. The formatter must change only the layout:
 * reading its output back is cheap, and it keeps a printer bug from ever
 * damaging a user's file.
 * @throws FormatChangedMeaningError when the formatted text would not say the same.
 */
export function formatPolicyText(path: string, text: string): FormattedPolicy {
  const sink = new DiagnosticSink();
  const document = parseDslDocument(new SourceFile(path, text), sink);
  const errors = sink.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) return { errors };
  const formatted = printDslDocument(document);
  const reread = new DiagnosticSink();
  if (!sameDslDocument(document, parseDslDocument(new SourceFile(path, formatted), reread)) || reread.hasErrors()) {
    throw new FormatChangedMeaningError(`formatting \`${path}\` would change what it says, so it is left as it is`);
  }
  return { text: formatted };
}
