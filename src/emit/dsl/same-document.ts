/**
 * Whether two `.policy` syntax trees say the same thing: the same items,
 * clauses and values in the same order and the same comments, wherever they
 * were written. `fmt` checks its output with it before touching a file.
 */
import type { DslDocument } from "../../parse/dsl/ast.js";

/**
 * Layout-only fields: where things were written (`span`) and whether a block
 * was written around a lone `allow` or around nothing (`shorthand`,
 * `hasBlock`), which the canonical layout decides by itself.
 */
const LAYOUT_KEYS = new Set(["span", "shorthand", "hasBlock"]);

export function sameDslDocument(a: DslDocument, b: DslDocument): boolean {
  return documentKey(a) === documentKey(b);
}

/** The document as JSON without its layout, comments by their trimmed text. */
function documentKey(document: DslDocument): string {
  const comments = document.comments.map((comment) => comment.text.replace(/\s+$/, ""));
  return JSON.stringify({ items: document.items, comments }, (key, value: unknown) => (LAYOUT_KEYS.has(key) ? undefined : value));
}
