/**
 * A `.policy` syntax tree as text in the canonical layout (grammar/README.md,
 * "Canonical layout"): what `policyc fmt` writes and `convert --to dsl`
 * prints. Definitions and clauses keep their order; comments keep their place.
 */
import type { DslComment, DslDocument } from "../../parse/dsl/ast.js";
import { layoutItem } from "./layout-definitions.js";
import type { CommentProbe } from "./layout-line.js";
import { renderWithComments } from "./place-comments.js";

/** The document's text, ending with a line break (empty for a document with nothing in it). */
export function printDslDocument(document: DslDocument): string {
  const hasCommentInside = commentProbe(document.comments);
  return renderWithComments(
    document.items.map((item) => layoutItem(item, hasCommentInside)),
    document.comments,
  );
}

function commentProbe(comments: readonly DslComment[]): CommentProbe {
  const starts = comments.flatMap((comment) => (comment.span ? [comment.span.start] : []));
  return (start, end) => starts.some((offset) => offset > start && offset < end);
}
