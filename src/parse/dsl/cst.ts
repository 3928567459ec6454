/**
 * Reading the parser's CST. Tokens the parser inserted while recovering
 * (`isInsertedInRecovery`) have no text and no place in the file: every
 * accessor here leaves them out, so the syntax tree holds only what was written.
 */
import { tokenMatcher, type CstElement, type CstNode, type IToken } from "chevrotain";
import { spanOf, type SourceFile, type SourceSpan } from "../../diagnostics/source-file.js";
import type { LocatedString } from "../../model/types.js";
import { tokenSpan } from "./lexer.js";
import { decodeQuoted } from "./strings.js";
import { isUnterminatedString, QuotedString } from "./tokens.js";

function isToken(element: CstElement): element is IToken {
  return "image" in element;
}

function isWritten(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && Number.isFinite(token.startOffset);
}

/** The sub-rule nodes under `key`, in order. */
export function childNodes(node: CstNode | undefined, key: string): CstNode[] {
  return (node?.children[key] ?? []).filter((element): element is CstNode => !isToken(element));
}

export function childNode(node: CstNode | undefined, key: string): CstNode | undefined {
  return childNodes(node, key)[0];
}

/** The written tokens under `key`, in order. */
export function childTokens(node: CstNode | undefined, key: string): IToken[] {
  return (node?.children[key] ?? []).filter((element): element is IToken => isToken(element) && isWritten(element));
}

export function childToken(node: CstNode | undefined, key: string): IToken | undefined {
  return childTokens(node, key)[0];
}

/** Every written token of a node, in text order. */
function writtenTokens(node: CstNode): IToken[] {
  const tokens: IToken[] = [];
  for (const elements of Object.values(node.children)) {
    for (const element of elements) {
      if (isToken(element)) {
        if (isWritten(element)) tokens.push(element);
      } else {
        tokens.push(...writtenTokens(element));
      }
    }
  }
  return tokens;
}

/** From a node's first written token to the end of its last one; undefined when nothing of it was written. */
export function nodeSpan(file: SourceFile, node: CstNode): SourceSpan | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const token of writtenTokens(node)) {
    start = Math.min(start, token.startOffset);
    end = Math.max(end, token.startOffset + token.image.length);
  }
  return start === Infinity ? undefined : spanOf(file, start, end);
}

/** A word, keyword or string as the text it stands for, located at the token (quotes included). */
export function locatedToken(file: SourceFile, token: IToken): LocatedString {
  const value = tokenMatcher(token, QuotedString) ? decodeQuoted(token.image, !isUnterminatedString(token.tokenType)).value : token.image;
  return { value, span: tokenSpan(file, token) };
}

/** The sub-rule a choice between rules took (`definition`, `clause`). */
export function chosenNode(node: CstNode): CstNode | undefined {
  for (const elements of Object.values(node.children)) {
    const found = elements.find((element): element is CstNode => !isToken(element));
    if (found) return found;
  }
  return undefined;
}
