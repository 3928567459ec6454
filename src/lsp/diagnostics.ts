/**
 * policyc diagnostics → LSP diagnostics of one document: only those in the
 * document's own file (each open document publishes its own), at exact
 * ranges, with the help text and related locations kept.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { AnalysedDocument, PolicyWorkspace } from "./workspace.js";

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A diagnostic that has a place in a file. */
export type PlacedDiagnostic = Diagnostic & { readonly span: SourceSpan };

/** The diagnostics of the document's own file, in the order `policyc validate` prints them. */
export function diagnosticsOfDocument(target: AnalysedDocument): PlacedDiagnostic[] {
  return target.analysis.diagnostics.filter((diagnostic): diagnostic is PlacedDiagnostic => diagnostic.span?.file.path === target.path);
}

export function toLspDiagnostic(diagnostic: PlacedDiagnostic, workspace: PolicyWorkspace): LspDiagnostic {
  return {
    range: workspace.rangeOf(diagnostic.span),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: "policyc",
    message: diagnostic.help === undefined ? diagnostic.message : `${diagnostic.message}\n${diagnostic.help}`,
    relatedInformation: diagnostic.related.map((related) => ({ location: workspace.locationOf(related.span), message: related.message })),
    ...(diagnostic.suggestion === undefined ? {} : { data: { suggestion: diagnostic.suggestion } }),
  };
}
