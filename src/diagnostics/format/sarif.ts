/**
 * Diagnostics as a SARIF 2.1.0 log, for code-scanning upload (GitHub and
 * others): one run of the tool `policyc`, one rule per diagnostic code used,
 * one result per diagnostic.
 *
 * Locations: a file under the base directory (the working directory, for the
 * CLI) is a URI relative to `%SRCROOT%`; a file outside it is an absolute
 * `file:` URI; a built-in file (`policyc:data/opensearch/…`) keeps its
 * `policyc:` URI. Regions are 1-based, the end column exclusive, and columns
 * count UTF-16 code units (`columnKind: utf16CodeUnits`), as in every other
 * output of policyc. A diagnostic that belongs to no file has no location.
 * The output is deterministic: results in the order of `sortDiagnostics`,
 * rules by code, no timestamps or machine paths.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "../codes.js";
import type { Diagnostic, Severity } from "../diagnostic.js";
import type { SourceSpan } from "../source-file.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
/** The base every relative artifact URI is resolved against: the project's root. */
export const SOURCE_ROOT_ID = "%SRCROOT%";
const INFORMATION_URI = "https://policyc.dev/";

export interface SarifOptions {
  /** policyc's version, for `tool.driver.version`. */
  readonly toolVersion: string;
  /** The absolute directory relative paths are relative to, and file URIs are made relative to. */
  readonly baseDirectory: string;
}

/** The SARIF log of a set of diagnostics, already sorted. */
export function toSarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions): Log {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: "policyc", version: options.toolVersion, informationUri: INFORMATION_URI, rules: codes.map(toRule) },
        },
        columnKind: "utf16CodeUnits",
        results: diagnostics.map((d) => toResult(d, ruleIndex.get(d.code) ?? 0, options.baseDirectory)),
      },
    ],
  };
}

function toRule(code: DiagnosticCode): ReportingDescriptor {
  const info = DIAGNOSTIC_CODES[code];
  return { id: code, shortDescription: { text: info.summary }, defaultConfiguration: { level: sarifLevel(info.severity) } };
}

function toResult(diagnostic: Diagnostic, ruleIndex: number, baseDirectory: string): Result {
  const help = diagnostic.help === undefined ? "" : ` (${diagnostic.help})`;
  const related = diagnostic.related.map((r, i) => ({ id: i + 1, ...toLocation(r.span, baseDirectory), message: { text: r.message } }));
  return {
    ruleId: diagnostic.code,
    ruleIndex,
    level: sarifLevel(diagnostic.severity),
    message: { text: `${diagnostic.message}${help}` },
    ...(diagnostic.span ? { locations: [toLocation(diagnostic.span, baseDirectory)] } : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
  };
}

function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "info" ? "note" : severity;
}

function toLocation(span: SourceSpan, baseDirectory: string): Location {
  const start = span.file.lineColumn(span.start);
  const end = span.file.lineColumn(span.end);
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(span.file.path, baseDirectory),
      region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
    },
  };
}

/** A file's URI: relative to `%SRCROOT%` when under the base directory, else absolute. */
export function artifactLocation(path: string, baseDirectory: string): { uri: string; uriBaseId?: string } {
  if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !isAbsolute(path)) return { uri: path }; // `policyc:data/…`, already a URI
  const absolute = resolve(baseDirectory, path);
  const fromBase = relative(baseDirectory, absolute);
  if (fromBase === "" || fromBase === ".." || fromBase.startsWith(`..${sep}`) || isAbsolute(fromBase)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: fromBase.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SOURCE_ROOT_ID };
}
