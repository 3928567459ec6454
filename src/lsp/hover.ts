/** `textDocument/hover`: the description of the role, action group, action or tenant under the cursor. */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver/node.js";
import { describeSymbol } from "./hover-text.js";
import type { AnalysedDocument, PolicyWorkspace } from "./workspace.js";

export function hoverAt(workspace: PolicyWorkspace, target: AnalysedDocument, position: Position): Hover | null {
  const occurrence = target.analysis.symbols.at(target.path, workspace.offsetAt(target, position));
  if (!occurrence) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: describeSymbol(occurrence, target.analysis.resolved) },
    range: workspace.rangeOf(occurrence.span),
  };
}
