/**
 * `textDocument/completion`: the names that belong where the cursor is
 * (actions and action groups, roles, tenants, settings) from the policy and
 * policyc's catalogs, and the DSL keywords or YAML keys that can start there.
 */
import { CompletionItemKind, type CompletionItem, type Position, type Range } from "vscode-languageserver/node.js";
import { readKnownActions } from "../check/known-actions.js";
import type { SourceSpan } from "../diagnostics/source-file.js";
import { formatName } from "../emit/dsl/index.js";
import { allSettingNames } from "../model/settings.js";
import { BUILTIN_PREFIX } from "../parse/yaml/builtin-policy.js";
import { classifyFile } from "../parse/yaml/index.js";
import type { ResolvedPolicy } from "../resolve/index.js";
import { isClusterAction } from "../rules/actions.js";
import type { CompletionContext, NameKind } from "./completion-context.js";
import { dslCompletionContext } from "./dsl-completion-context.js";
import { lineMapOf } from "./positions.js";
import type { AnalysedDocument } from "./workspace.js";
import { yamlCompletionContext } from "./yaml-completion-context.js";

/** A name to offer, before it is placed in the text. */
interface Candidate {
  readonly name: string;
  readonly kind: CompletionItemKind;
  readonly detail: string;
  /** Sorts the policy's own names first, then the built-in ones, then the catalog's. */
  readonly rank: number;
}

/** The private tenant's name in tenant patterns (README rule 10). */
const PRIVATE_TENANT = "__user__";

export function completionsAt(target: AnalysedDocument, position: Position): CompletionItem[] {
  const text = target.document.getText();
  const lines = lineMapOf(text);
  const offset = lines.offset(position);
  const context = contextAt(target, text, offset);
  if (!context) return [];
  const range: Range = { start: lines.position(context.start), end: lines.position(offset) };
  const words: Candidate[] = context.words.map((word) => ({
    name: word,
    kind: target.language === "dsl" ? CompletionItemKind.Keyword : CompletionItemKind.Property,
    detail: target.language === "dsl" ? "keyword" : "key",
    rank: 0,
  }));
  const names = context.names.flatMap((kind) => candidatesOf(kind, target.analysis.resolved));
  return [...words, ...names].map((candidate) => toItem(candidate, range, insertedText(target, context, candidate)));
}

function contextAt(target: AnalysedDocument, text: string, offset: number): CompletionContext | undefined {
  if (target.language === "dsl") return dslCompletionContext(text, offset);
  const file = classifyFile(target.path);
  return file.kind === "policy" ? yamlCompletionContext(text, offset, file.config.type) : undefined;
}

function insertedText(target: AnalysedDocument, context: CompletionContext, candidate: Candidate): string {
  if (candidate.kind === CompletionItemKind.Property && target.language === "yaml") return `${candidate.name}:`;
  if (target.language === "dsl" && !context.quoted && candidate.kind !== CompletionItemKind.Keyword) return formatName(candidate.name);
  return candidate.name;
}

function toItem(candidate: Candidate, range: Range, newText: string): CompletionItem {
  return {
    label: candidate.name,
    kind: candidate.kind,
    detail: candidate.detail,
    sortText: `${candidate.rank}${candidate.name}`,
    filterText: candidate.name,
    textEdit: { range, newText },
  };
}

function candidatesOf(kind: NameKind, policy: ResolvedPolicy): Candidate[] {
  switch (kind) {
    case "action_groups":
      return [...policy.groups.groups.values()].map((group) => {
        const actions = (policy.groups.flattened.get(group.name.value) ?? []).filter((action) => !policy.groups.groups.has(action)).length;
        return definedName(group.name.value, CompletionItemKind.Module, `action group · ${actions} action${actions === 1 ? "" : "s"}`, group.span);
      });
    case "actions":
      return [...readKnownActions()].map((action) => ({
        name: action,
        kind: CompletionItemKind.Value,
        detail: isClusterAction(action) ? "cluster action" : "index action",
        rank: 3,
      }));
    case "roles":
      return [...policy.roles.values()].map((role) => definedName(role.name, CompletionItemKind.Class, "role", role.source.span));
    case "tenants":
      return [
        ...policy.model.tenants.map((tenant) => definedName(tenant.name.value, CompletionItemKind.Folder, "tenant", tenant.span)),
        { name: PRIVATE_TENANT, kind: CompletionItemKind.Folder, detail: "the user's private tenant", rank: 2 },
      ];
    case "settings":
      return allSettingNames().map((name) => ({ name, kind: CompletionItemKind.Property, detail: "setting", rank: 0 }));
  }
}

function definedName(name: string, kind: CompletionItemKind, noun: string, span: SourceSpan | undefined): Candidate {
  const builtin = span?.file.path.startsWith(BUILTIN_PREFIX) === true;
  return { name, kind, detail: builtin ? `built-in ${noun}` : noun, rank: builtin ? 2 : 1 };
}
