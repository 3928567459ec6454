/**
 * Brace depth of tokens. The parser recurses once per nested block, so a file
 * of thousands of `{` would exhaust the stack; a real policy nests two deep
 * (an `index` block inside a role), and the parser reads no deeper than the limit.
 */
import type { IToken } from "chevrotain";
import { LCurly, RCurly } from "./tokens.js";

/** Far above any real policy, far below what the stack holds. */
export const MAX_BLOCK_DEPTH = 64;

/** Calls `visit` with each token and the number of `{` open around it (a `}` counts as outside its block). */
function forEachDepth(tokens: readonly IToken[], visit: (token: IToken, depth: number) => boolean | void): void {
  let depth = 0;
  for (const token of tokens) {
    if (token.tokenType === RCurly) depth = Math.max(0, depth - 1);
    if (visit(token, depth) === false) return;
    if (token.tokenType === LCurly) depth++;
  }
}

/** Every token inside braces. */
export function tokensInsideBraces(tokens: readonly IToken[]): Set<IToken> {
  const inside = new Set<IToken>();
  forEachDepth(tokens, (token, depth) => {
    if (depth > 0) inside.add(token);
  });
  return inside;
}

/** The first `{` that opens a block deeper than the limit, if any. */
export function firstTooDeepBrace(tokens: readonly IToken[]): IToken | undefined {
  let found: IToken | undefined;
  forEachDepth(tokens, (token, depth) => {
    if (token.tokenType !== LCurly || depth < MAX_BLOCK_DEPTH) return true;
    found = token;
    return false;
  });
  return found;
}
