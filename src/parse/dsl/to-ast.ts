/**
 * CST → the syntax tree of one file (ast.ts), with a span on every element.
 * A definition recovery left without its name is dropped: there is nothing
 * to print or to define.
 */
import type { CstNode, IToken } from "chevrotain";
import type { SourceFile, SourceSpan } from "../../diagnostics/source-file.js";
import type { LocatedString } from "../../model/types.js";
import type { DslDocument, DslFlag, DslFlagName, DslItem } from "./ast.js";
import { childNode, childNodes, childToken, chosenNode, locatedToken, nodeSpan } from "./cst.js";
import { tokenSpan } from "./lexer.js";
import { blockClauses, toListClause, toSetting } from "./to-ast-clauses.js";

/** The tree of a parsed file (empty without a CST); `comments` are the lexer's comment tokens. */
export function cstToDocument(file: SourceFile, cst: CstNode | undefined, comments: readonly IToken[]): DslDocument {
  const items = childNodes(cst, "definition").flatMap((definition) => {
    const node = chosenNode(definition);
    const item = node ? toItem(file, node) : undefined;
    return item ? [item] : [];
  });
  return { items, comments: comments.map((comment) => ({ text: comment.image.slice(1), span: tokenSpan(file, comment) })) };
}

function toItem(file: SourceFile, node: CstNode): DslItem | undefined {
  switch (node.name) {
    case "importDefinition":
      return toImport(file, node);
    case "settingsDefinition":
      return toSettings(file, node);
    case "actionGroupDefinition":
      return toActionGroup(file, node);
    case "roleDefinition":
    case "mappingDefinition":
      return toBlockDefinition(file, node, node.name === "roleDefinition" ? "role" : "mapping");
    case "userDefinition":
    case "tenantDefinition":
      return toOptionalBlockDefinition(file, node, node.name === "userDefinition" ? "user" : "tenant");
    default:
      return undefined;
  }
}

function toImport(file: SourceFile, node: CstNode): DslItem | undefined {
  const path = childToken(node, "Name");
  return path ? { kind: "import", path: locatedToken(file, path), span: nodeSpan(file, node) } : undefined;
}

function toSettings(file: SourceFile, node: CstNode): DslItem {
  const entries = childNodes(node, "setting").flatMap((setting) => {
    const entry = toSetting(file, setting);
    return entry ? [entry] : [];
  });
  return { kind: "settings", entries, span: nodeSpan(file, node) };
}

/** Name, flags and span: what every definition has. */
interface DefinitionHead {
  readonly name: LocatedString;
  readonly flags: DslFlag[];
  readonly span?: SourceSpan;
}

function definitionHead(file: SourceFile, node: CstNode): DefinitionHead | undefined {
  const name = childToken(node, "Name");
  if (!name) return undefined;
  const flags = childNodes(node, "flag").flatMap((flag) => {
    const token = firstToken(flag);
    return token ? [{ name: token.image as DslFlagName, span: tokenSpan(file, token) }] : [];
  });
  return { name: locatedToken(file, name), flags, span: nodeSpan(file, node) };
}

/** The flag's keyword, whichever of the three it is. */
function firstToken(flag: CstNode): IToken | undefined {
  return childToken(flag, "reserved") ?? childToken(flag, "hidden") ?? childToken(flag, "static");
}

function toActionGroup(file: SourceFile, node: CstNode): DslItem | undefined {
  const head = definitionHead(file, node);
  if (!head) return undefined;
  const shorthand = childNode(node, "allowClause");
  if (shorthand) {
    const allow = toListClause(file, shorthand);
    return { kind: "action_group", ...head, shorthand: true, clauses: allow ? [allow] : [] };
  }
  return { kind: "action_group", ...head, shorthand: false, clauses: blockClauses(file, childNode(node, "block")) };
}

function toBlockDefinition(file: SourceFile, node: CstNode, kind: "role" | "mapping"): DslItem | undefined {
  const head = definitionHead(file, node);
  return head ? { kind, ...head, clauses: blockClauses(file, childNode(node, "block")) } : undefined;
}

function toOptionalBlockDefinition(file: SourceFile, node: CstNode, kind: "user" | "tenant"): DslItem | undefined {
  const head = definitionHead(file, node);
  if (!head) return undefined;
  const block = childNode(node, "block");
  return { kind, ...head, hasBlock: block !== undefined, clauses: blockClauses(file, block) };
}
