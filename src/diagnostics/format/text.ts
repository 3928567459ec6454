import type { Diagnostic } from "../diagnostic.js";
import { formatLocation } from "../source-file.js";

/** `file:line:col: error CODE: message`, the tsc-style line of the CLI. */
export function formatDiagnosticLine(diagnostic: Diagnostic): string {
  const where = diagnostic.span ? `${formatLocation(diagnostic.span)}: ` : "";
  const help = diagnostic.help ? ` (${diagnostic.help})` : "";
  return `${where}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${help}`;
}

/** One line per diagnostic, plus an indented line per related location. */
export function formatDiagnosticsText(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const diagnostic of diagnostics) {
    lines.push(formatDiagnosticLine(diagnostic));
    for (const related of diagnostic.related) {
      lines.push(`  ${formatLocation(related.span)}: ${related.message}`);
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}
