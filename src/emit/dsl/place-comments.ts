/**
 * Puts the source's comments back among the printed lines, where the README's
 * canonical layout says they stay: a comment that had a line of its own goes
 * on its own line before the printed line it preceded (indented like it), and
 * a comment after code goes at the end of the printed line that holds that
 * code. Lines hold their source ranges, so the placement never depends on
 * how the source was laid out, and printing the output again is a no-op.
 */
import type { DslComment } from "../../parse/dsl/ast.js";
import type { LayoutLine } from "./layout-line.js";

const INDENT = "  ";

/** A comment with what placing it needs. */
interface PlacedComment {
  readonly text: string;
  readonly start: number;
  /** It was the only thing on its line (else it followed code). */
  readonly ownLine: boolean;
  /** A blank line followed it in the source (kept at the top level, where it separates a header comment). */
  readonly blankAfter: boolean;
}

/** Where each comment goes: before a line, at the end of a line, or at the end of the document. */
interface Placement {
  readonly before: Map<LayoutLine, PlacedComment[]>;
  readonly after: Map<LayoutLine, PlacedComment[]>;
  readonly atEnd: PlacedComment[];
}

/** The document's text: definitions separated by one blank line, comments in place. */
export function renderWithComments(definitions: readonly (readonly LayoutLine[])[], comments: readonly DslComment[]): string {
  const placement = placeComments(definitions.flat(), comments.flatMap(describeComment));
  const out: string[] = [];
  definitions.forEach((lines, i) => {
    if (i > 0) pushBlank(out);
    for (const line of lines) renderLine(line, placement, out);
  });
  if (placement.atEnd.length > 0 && out.length > 0) pushBlank(out);
  for (const comment of placement.atEnd) pushComment(comment, 0, out);
  while (out[out.length - 1] === "") out.pop();
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

function renderLine(line: LayoutLine, placement: Placement, out: string[]): void {
  const depth = line.closing ? line.depth + 1 : line.depth;
  for (const comment of placement.before.get(line) ?? []) pushComment(comment, depth, out);
  const trailing = (placement.after.get(line) ?? []).map((comment) => ` #${comment.text}`).join("");
  out.push(INDENT.repeat(line.depth) + line.text + trailing);
}

function pushComment(comment: PlacedComment, depth: number, out: string[]): void {
  out.push(`${INDENT.repeat(depth)}#${comment.text}`);
  if (comment.blankAfter && depth === 0) pushBlank(out);
}

function pushBlank(out: string[]): void {
  if (out.length > 0 && out[out.length - 1] !== "") out.push("");
}

function describeComment(comment: DslComment): PlacedComment[] {
  const span = comment.span;
  if (!span) return [];
  const text = span.file.text;
  const lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
  const ownLine = text.slice(lineStart, span.start).trim() === "";
  const blankAfter = /^\r?\n[ \t\r]*\n/.test(text.slice(span.end));
  return [{ text: comment.text.replace(/\s+$/, ""), start: span.start, ownLine, blankAfter }];
}

function placeComments(lines: readonly LayoutLine[], comments: readonly PlacedComment[]): Placement {
  const placement: Placement = { before: new Map(), after: new Map(), atEnd: [] };
  const anchored = lines.filter((line) => line.start !== undefined && line.end !== undefined);
  for (const comment of comments) {
    const host = comment.ownLine ? undefined : lastLineStartingBefore(anchored, comment.start);
    if (host) {
      append(placement.after, host, comment);
      continue;
    }
    const next = anchored.find((line) => line.end! > comment.start);
    if (next) append(placement.before, next, comment);
    else placement.atEnd.push(comment);
  }
  return placement;
}

/** The line that prints the code just before a trailing comment. */
function lastLineStartingBefore(lines: readonly LayoutLine[], offset: number): LayoutLine | undefined {
  let found: LayoutLine | undefined;
  for (const line of lines) if (line.start! <= offset) found = line;
  return found;
}

function append(map: Map<LayoutLine, PlacedComment[]>, line: LayoutLine, comment: PlacedComment): void {
  const list = map.get(line);
  if (list) list.push(comment);
  else map.set(line, [comment]);
}
