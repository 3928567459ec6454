/**
 * One line of printed DSL before comments are placed: its nesting depth, its
 * text, and the range of the source it prints, which is how a comment finds
 * the line it belongs to. Trees built from a model have no source ranges.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";

export interface LayoutLine {
  readonly depth: number;
  readonly text: string;
  /** First source offset this line prints. */
  readonly start?: number;
  /** Source offset just after the last thing this line prints. */
  readonly end?: number;
  /** A closing brace: comments placed before it belong to the block it closes, one level deeper. */
  readonly closing?: boolean;
}

/** Whether any comment lies strictly between two source offsets (decides whether an empty block stays open). */
export type CommentProbe = (start: number, end: number) => boolean;

export function lineOf(depth: number, text: string, start: number | undefined, end: number | undefined): LayoutLine {
  return { depth, text, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/** A line printing a whole span. */
export function spanLine(depth: number, text: string, span: SourceSpan | undefined): LayoutLine {
  return lineOf(depth, text, span?.start, span?.end);
}

/** The `}` that closes a block whose span ends just after it. */
export function closingLine(depth: number, span: SourceSpan | undefined): LayoutLine {
  const end = span?.end;
  return { ...lineOf(depth, "}", end === undefined ? undefined : Math.max(0, end - 1), end), closing: true };
}
