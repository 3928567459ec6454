/** Printing diagnostics the way every command does: sorted, tsc-style text, JSON or SARIF. */
import { CliError } from "./exit-codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { DIAGNOSTIC_FORMATS, formatDiagnostics, type DiagnosticFormat } from "../diagnostics/format/format-diagnostics.js";

export type { DiagnosticFormat } from "../diagnostics/format/format-diagnostics.js";

/** SARIF paths are relative to the working directory, where CI uploads from. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  return formatDiagnostics(diagnostics, format, { baseDirectory: process.cwd() });
}

export function diagnosticFormat(value: string): DiagnosticFormat {
  const known = DIAGNOSTIC_FORMATS.find((format) => format === value);
  if (known) return known;
  throw new CliError(`unknown format \`${value}\`; use \`text\`, \`json\` or \`sarif\``);
}
