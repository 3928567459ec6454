/** Printing diagnostics the way every command does: sorted, tsc-style text or JSON. */
import { CliError } from "./exit-codes.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { toJsonDiagnostic } from "../diagnostics/format/json.js";
import { formatDiagnosticsText } from "../diagnostics/format/text.js";

export type DiagnosticFormat = "text" | "json";

export function renderDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  const sorted = sortDiagnostics(diagnostics);
  if (format === "json") {
    const errors = sorted.filter((d) => d.severity === "error").length;
    const warnings = sorted.filter((d) => d.severity === "warning").length;
    return JSON.stringify({ diagnostics: sorted.map(toJsonDiagnostic), errors, warnings }, null, 2) + "\n";
  }
  return formatDiagnosticsText(sorted);
}

export function diagnosticFormat(value: string): DiagnosticFormat {
  if (value === "text" || value === "json") return value;
  throw new CliError(`unknown format \`${value}\`; use \`text\` or \`json\``);
}
