/**
 * Offsets ↔ LSP positions. policyc locates everything by offset into a
 * {@link SourceFile} (UTF-16 code units, like JavaScript strings and like
 * LSP's default position encoding); LSP wants 0-based lines and characters,
 * with a line ending at `\n`, `\r\n` or a lone `\r`. This is the one place
 * that converts, for every request and every diagnostic.
 */
import type { Position, Range } from "vscode-languageserver/node.js";
import type { SourceSpan } from "../diagnostics/source-file.js";

/** The line structure of one text, as LSP counts lines. */
export class LineMap {
  /** Offset of each line's first character. */
  private readonly starts: number[] = [0];
  /** Offset where each line's content ends (its line break excluded). */
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      this.ends.push(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
  }

  /** The position of an offset, clamped to the text; an offset inside a line break is the end of its line. */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(at);
    const start = this.starts[line] ?? 0;
    const end = this.ends[line] ?? this.text.length;
    return { line, character: Math.min(at, end) - start };
  }

  /** The offset of a position; a line or character past the end is clamped to it, as LSP asks. */
  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line] ?? 0;
    const end = this.ends[position.line] ?? this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The range of the whole text. */
  fullRange(): Range {
    return { start: { line: 0, character: 0 }, end: this.position(this.text.length) };
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/**
 * How far offsets in the editor's text are ahead of the analysed text: the
 * YAML front end drops a byte order mark, which an editor may keep.
 */
export function bomShift(editorText: string, analysedText: string): number {
  return editorText.charCodeAt(0) === 0xfeff && analysedText.charCodeAt(0) !== 0xfeff ? 1 : 0;
}

const recentLineMaps = new Map<string, LineMap>();
const RECENT_LINE_MAPS = 16;

/** The line map of a text; the few texts of the files being edited are mapped once, not per request. */
export function lineMapOf(text: string): LineMap {
  let lines = recentLineMaps.get(text);
  if (lines) return lines;
  lines = new LineMap(text);
  recentLineMaps.set(text, lines);
  if (recentLineMaps.size > RECENT_LINE_MAPS) recentLineMaps.delete(recentLineMaps.keys().next().value!);
  return lines;
}

/** The range of a span, in the editor's text (by default the text the span was read from). */
export function spanRange(span: SourceSpan, editorText: string = span.file.text): Range {
  const lines = lineMapOf(editorText);
  const shift = bomShift(editorText, span.file.text);
  return { start: lines.position(span.start + shift), end: lines.position(span.end + shift) };
}
