/** CST → syntax tree for what is inside definitions: clauses, lists and setting values. */
import type { CstNode } from "chevrotain";
import type { SourceFile } from "../../diagnostics/source-file.js";
import type { LocatedString } from "../../model/types.js";
import type {
  DslAttributesClause,
  DslClause,
  DslIndexClause,
  DslListClause,
  DslListKeyword,
  DslSetting,
  DslSettingValue,
  DslTenantClause,
  DslTextClause,
  DslTextKeyword,
} from "./ast.js";
import { childNode, childNodes, childToken, childTokens, chosenNode, locatedToken, nodeSpan } from "./cst.js";
import { Word } from "./tokens.js";

/** The items of a `valueList` node (none when it is missing). */
export function valueListItems(file: SourceFile, node: CstNode | undefined): LocatedString[] {
  return childTokens(node, "Name").map((token) => locatedToken(file, token));
}

/** A block's clauses, leaving out those recovery left without their keyword or value. */
export function blockClauses(file: SourceFile, block: CstNode | undefined): DslClause[] {
  return childNodes(block, "clause").flatMap((clause) => {
    const node = chosenNode(clause);
    const converted = node ? toClause(file, node) : undefined;
    return converted ? [converted] : [];
  });
}

function toClause(file: SourceFile, node: CstNode): DslClause | undefined {
  switch (node.name) {
    case "listClause":
      return toListClause(file, node);
    case "textClause":
      return toTextClause(file, node);
    case "indexClause":
      return toIndexClause(file, node);
    case "tenantClause":
      return toTenantClause(file, node);
    case "attributesClause":
      return toAttributesClause(file, node);
    default:
      return undefined;
  }
}

/** A `listClause` or an `allowClause`; a list whose every item is missing is dropped. */
export function toListClause(file: SourceFile, node: CstNode | undefined): DslListClause | undefined {
  const keyword = childToken(node, "keyword") ?? childToken(node, "allow");
  const items = valueListItems(file, childNode(node, "valueList"));
  if (!node || !keyword || items.length === 0) return undefined;
  return { kind: "list", keyword: keyword.image as DslListKeyword, items, span: nodeSpan(file, node) };
}

function toTextClause(file: SourceFile, node: CstNode): DslTextClause | undefined {
  const keyword = childToken(node, "keyword");
  const value = childToken(node, "Name");
  if (!keyword || !value) return undefined;
  return { kind: "text", keyword: keyword.image as DslTextKeyword, value: locatedToken(file, value), span: nodeSpan(file, node) };
}

function toIndexClause(file: SourceFile, node: CstNode): DslIndexClause {
  const allow = toListClause(file, childNode(node, "allowClause"));
  const block = childNode(node, "block");
  return {
    kind: "index",
    patterns: valueListItems(file, childNode(node, "valueList")),
    ...(allow ? { allow } : {}),
    ...(block ? { body: blockClauses(file, block) } : {}),
    span: nodeSpan(file, node),
  };
}

function toTenantClause(file: SourceFile, node: CstNode): DslTenantClause {
  const allow = toListClause(file, childNode(node, "allowClause"));
  return {
    kind: "tenant",
    patterns: valueListItems(file, childNode(node, "valueList")),
    ...(allow ? { allow } : {}),
    span: nodeSpan(file, node),
  };
}

function toAttributesClause(file: SourceFile, node: CstNode): DslAttributesClause {
  const pairs = childNodes(node, "attribute").flatMap((attribute) => {
    const name = childToken(attribute, "name");
    const value = childToken(attribute, "value");
    return name && value ? [{ name: locatedToken(file, name), value: locatedToken(file, value) }] : [];
  });
  return { kind: "attributes", pairs, span: nodeSpan(file, node) };
}

/** One `name = value` of a `settings` block, if both were written. */
export function toSetting(file: SourceFile, node: CstNode): DslSetting | undefined {
  const name = childToken(node, "Name");
  const value = toSettingValue(file, childNode(node, "settingValue"));
  if (!name || !value) return undefined;
  return { name: locatedToken(file, name), value, span: nodeSpan(file, node) };
}

/** A bare `true` or `false` is a boolean; any other word or string is text. */
function toSettingValue(file: SourceFile, node: CstNode | undefined): DslSettingValue | undefined {
  const token = childToken(node, "Name");
  if (token) {
    const { value, span } = locatedToken(file, token);
    const isBoolean = token.tokenType === Word && (value === "true" || value === "false");
    return isBoolean ? { kind: "boolean", value: value === "true", span } : { kind: "text", value, span };
  }
  const list = childNode(node, "settingList");
  if (!list) return undefined;
  return { kind: "list", items: valueListItems(file, childNode(list, "valueList")), span: nodeSpan(file, list) };
}
