/**
 * Diagnostics as text in one of the output formats policyc offers, sorted:
 * tsc-style lines, JSON, or a SARIF 2.1.0 log. The CLI and the programmatic
 * API (`formatDiagnostics`) both print through here.
 */
import { readPackageJson } from "../../package-files.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostic.js";
import { limitDiagnostics, SHOWN_PER_FILE_AND_CODE } from "../limit-diagnostics.js";
import { toJsonDiagnostic } from "./json.js";
import { toSarifLog } from "./sarif.js";
import { formatDiagnosticsText } from "./text.js";

/** An output format of diagnostics. */
export type DiagnosticFormat = "text" | "json" | "sarif";

export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ["text", "json", "sarif"];

export interface FormatOptions {
  /**
   * SARIF only: the absolute directory the files' paths are relative to, which
   * becomes `%SRCROOT%` (default: the working directory).
   */
  readonly baseDirectory?: string;
  /**
   * At most this many diagnostics of one code per file are printed, the rest
   * counted in one diagnostic (default 1,000; `Infinity` prints all).
   */
  readonly shownPerFileAndCode?: number;
}

/**
 * Diagnostics as text, sorted by file and position: `"text"` gives one
 * `file:line:col: severity CODE: message` line each (plus a line per related
 * location), `"json"` one JSON document, `"sarif"` a SARIF 2.1.0 log.
 *
 * @example
 * process.stderr.write(formatDiagnostics(compile(input).diagnostics, "text"));
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: FormatOptions = {}): string {
  const sorted = sortDiagnostics(diagnostics);
  const shown = limitDiagnostics(sorted, options.shownPerFileAndCode ?? SHOWN_PER_FILE_AND_CODE);
  switch (format) {
    case "text":
      return formatDiagnosticsText(shown);
    case "json": {
      const errors = sorted.filter((d) => d.severity === "error").length;
      const warnings = sorted.filter((d) => d.severity === "warning").length;
      return JSON.stringify({ diagnostics: shown.map(toJsonDiagnostic), errors, warnings }, null, 2) + "\n";
    }
    case "sarif": {
      const log = toSarifLog(shown, { toolVersion: policycVersion(), baseDirectory: options.baseDirectory ?? process.cwd() });
      return JSON.stringify(log, null, 2) + "\n";
    }
  }
}

let version: string | undefined;

/** policyc's version, from its package.json (read once). */
function policycVersion(): string {
  version ??= String((readPackageJson("package.json") as { version?: unknown }).version);
  return version;
}
