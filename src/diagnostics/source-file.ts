/**
 * Source text and locations. Every stage stores locations as offsets into a
 * {@link SourceFile}; they become 1-based line:column only at the edges (CLI
 * output, JSON diagnostics) and 0-based UTF-16 positions only in the language
 * server, each through one function.
 */

/** A file's text with a lazily built index of line starts. */
export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    /** The path as the user gave it (kept relative when it was relative). */
    readonly path: string,
    readonly text: string,
  ) {}

  /** 1-based line and column (UTF-16 code units) of an offset, clamped to the text. */
  lineColumn(offset: number): { line: number; column: number } {
    const starts = this.getLineStarts();
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column; the inverse of {@link lineColumn}. */
  offsetOf(line: number, column: number): number {
    const starts = this.getLineStarts();
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] ?? 0;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = starts[line - 1] ?? this.text.length;
    const next = starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, "");
  }

  private getLineStarts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      // A line ends at `\n`, `\r\n` or a lone `\r`, as YAML, the DSL's lexer and LSP count lines.
      for (let i = 0; i < this.text.length; i++) {
        const code = this.text.charCodeAt(i);
        if (code === 10 || (code === 13 && this.text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}

/** A range of a source file: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface SourceSpan {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

export function spanOf(file: SourceFile, start: number, end: number = start): SourceSpan {
  return { file, start, end: Math.max(start, end) };
}

/** `file:line:col`, the form editors and terminals turn into links. */
export function formatLocation(span: SourceSpan): string {
  const { line, column } = span.file.lineColumn(span.start);
  return `${span.file.path}:${line}:${column}`;
}
