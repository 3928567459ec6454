/**
 * `textDocument/definition` and `textDocument/references` for roles, action
 * groups and tenants, across every file of the policy and into the built-in
 * files shipped with policyc.
 */
import type { Location, Position } from "vscode-languageserver/node.js";
import type { AnalysedDocument, PolicyWorkspace } from "./workspace.js";

export function definitionsAt(workspace: PolicyWorkspace, target: AnalysedDocument, position: Position): Location[] {
  const occurrence = target.analysis.symbols.at(target.path, workspace.offsetAt(target, position));
  if (!occurrence || occurrence.kind === "action") return [];
  return target.analysis.symbols.definitions(occurrence.kind, occurrence.name).map((definition) => workspace.locationOf(definition.span));
}

export function referencesAt(workspace: PolicyWorkspace, target: AnalysedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const occurrence = target.analysis.symbols.at(target.path, workspace.offsetAt(target, position));
  if (!occurrence || occurrence.kind === "action") return [];
  return target.analysis.symbols
    .occurrences(occurrence.kind, occurrence.name)
    .filter((found) => includeDeclaration || !found.definition)
    .map((found) => workspace.locationOf(found.span));
}
