/** Helpers for the YAML front-end tests: parse texts, and show diagnostics as `code line:col`. */
import { readdirSync, readFileSync } from "node:fs";
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { SourceSpan } from "../../../src/diagnostics/source-file.js";
import type { PolicyModel } from "../../../src/model/types.js";
import { parseYamlPolicy } from "../../../src/parse/yaml/index.js";

export interface Parsed {
  readonly model: PolicyModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses files given as `{ "roles.yml": text }`; diagnostics come sorted, as the CLI shows them. */
export function parse(files: Readonly<Record<string, string>>): Parsed {
  const sink = new DiagnosticSink();
  const model = parseYamlPolicy(
    Object.entries(files).map(([path, text]) => ({ path, text })),
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

/** Each diagnostic as `CODE line:col`, for compact assertions. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${at(d.span)}`);
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export const META = {
  roles: '_meta:\n  type: "roles"\n  config_version: 2\n',
  rolesmapping: '_meta:\n  type: "rolesmapping"\n  config_version: 2\n',
  actiongroups: '_meta:\n  type: "actiongroups"\n  config_version: 2\n',
  internalusers: '_meta:\n  type: "internalusers"\n  config_version: 2\n',
  tenants: '_meta:\n  type: "tenants"\n  config_version: 2\n',
} as const;

/** The files of a fixture directory under `fixtures/`, by base name. */
export function fixture(directory: string): Record<string, string> {
  const url = new URL(`./fixtures/${directory}/`, import.meta.url);
  return Object.fromEntries(readdirSync(url).map((name) => [name, readFileSync(new URL(name, url), "utf8")]));
}
