/** Helpers for the DSL front-end tests: parse texts, and show spans and diagnostics compactly. */
import { readFileSync } from "node:fs";
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { formatDiagnosticsText } from "../../../src/diagnostics/format/text.js";
import { SourceFile, type SourceSpan } from "../../../src/diagnostics/source-file.js";
import type { PolicyModel } from "../../../src/model/types.js";
import { parseDslDocument, parseDslPolicy, type DslDocument } from "../../../src/parse/dsl/index.js";

export interface ParsedDocument {
  readonly document: DslDocument;
  readonly diagnostics: readonly Diagnostic[];
}

/** One file's tree; diagnostics in the order reported. */
export function parseDocument(text: string, path = "test.policy"): ParsedDocument {
  const sink = new DiagnosticSink();
  const document = parseDslDocument(new SourceFile(path, text), sink);
  return { document, diagnostics: sink.diagnostics };
}

export interface ParsedModel {
  readonly model: PolicyModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** A policy from one text or from files given as `{ "a.policy": text }`; diagnostics sorted, as the CLI shows them. */
export function parseModel(files: string | Readonly<Record<string, string>>): ParsedModel {
  const sink = new DiagnosticSink();
  const inputs = typeof files === "string" ? { "test.policy": files } : files;
  const model = parseDslPolicy(
    Object.entries(inputs).map(([path, text]) => ({ path, text })),
    sink,
  );
  return { model, diagnostics: sortDiagnostics(sink.diagnostics) };
}

/** `line:column` (1-based) of a span's start. */
export function at(span: SourceSpan | undefined): string {
  if (!span) return "nowhere";
  const { line, column } = span.file.lineColumn(span.start);
  return `${line}:${column}`;
}

/** The text a span covers. */
export function textOf(span: SourceSpan | undefined): string {
  return span ? span.file.text.slice(span.start, span.end) : "";
}

/** Each diagnostic as `CODE line:col`. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${at(d.span)}`);
}

/** The values of located strings. */
export function values(strings: readonly { value: string }[]): string[] {
  return strings.map((s) => s.value);
}

/** Diagnostics as the CLI prints them (`file:line:col: error CODE: message`). */
export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return formatDiagnosticsText(diagnostics);
}

/** A fixture's text, from `fixtures/`. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** A deep copy without `span` fields, to compare trees and models by content. */
export function withoutSpans<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === "span" ? undefined : inner)));
}
