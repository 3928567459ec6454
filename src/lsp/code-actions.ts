/**
 * Quick fixes: a "did you mean" of an unknown action or group name (PC3001)
 * or an undefined role (PC3003) offers to replace the name by the suggestion,
 * keeping the quotes it was written with.
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from "vscode-languageserver/node.js";
import { formatName } from "../emit/dsl/index.js";
import { toLspDiagnostic, diagnosticsOfDocument, type PlacedDiagnostic } from "./diagnostics.js";
import type { AnalysedDocument, PolicyWorkspace } from "./workspace.js";

export function quickFixesIn(workspace: PolicyWorkspace, target: AnalysedDocument, range: Range): CodeAction[] {
  return diagnosticsOfDocument(target)
    .filter((diagnostic) => diagnostic.suggestion !== undefined && overlaps(workspace.rangeOf(diagnostic.span), range))
    .map((diagnostic) => quickFix(workspace, target, diagnostic, diagnostic.suggestion!));
}

function quickFix(workspace: PolicyWorkspace, target: AnalysedDocument, diagnostic: PlacedDiagnostic, suggestion: string): CodeAction {
  return {
    title: `Replace with \`${suggestion}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(diagnostic, workspace)],
    isPreferred: true,
    edit: { changes: { [target.document.uri]: [replacement(workspace, target.language, diagnostic, suggestion)] } },
  };
}

/** Inside the quotes when the name was quoted (and the suggestion needs no escape), else the whole name, written as the file's language writes it. */
function replacement(workspace: PolicyWorkspace, language: "dsl" | "yaml", diagnostic: PlacedDiagnostic, suggestion: string): TextEdit {
  const { span } = diagnostic;
  const written = span.file.text.slice(span.start, span.end);
  const quote = written[0];
  const quoted = written.length >= 2 && (quote === '"' || quote === "'") && written.endsWith(quote);
  if (quoted && !/["'\\]/.test(suggestion)) {
    return { range: workspace.rangeOf({ ...span, start: span.start + 1, end: span.end - 1 }), newText: suggestion };
  }
  return { range: workspace.rangeOf(span), newText: language === "dsl" ? formatName(suggestion) : yamlScalar(suggestion) };
}

/** A plain YAML scalar when the text reads back as itself, else a double-quoted one. */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.:/*?@+-]*$/.test(text) && !text.endsWith(":") ? text : JSON.stringify(text);
}

function overlaps(a: Range, b: Range): boolean {
  return !isBefore(a.end, b.start) && !isBefore(b.end, a.start);
}

function isBefore(a: Range["start"], b: Range["start"]): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
