/**
 * Writes generated code line by line: indentation by nesting, documentation
 * comments, and pre-formatted blocks. Lines end in `\n` only, and the text
 * ends with one, so the output is the same on every machine.
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private indentation = "";

  /** One line at the current indentation; an empty line stays empty (no trailing blanks). */
  line(text = ""): this {
    this.lines.push(text === "" ? "" : this.indentation + text);
    return this;
  }

  /** Text that is already laid out, line by line, at the current indentation. */
  text(block: string): this {
    const trimmed = block.replace(/\n+$/, "");
    // At the top level a block (the bundled runtime: thousands of lines) is taken whole.
    if (this.indentation === "") this.lines.push(trimmed);
    else for (const line of trimmed.split("\n")) this.line(line);
    return this;
  }

  /** `open`, then what `body` writes one level deeper, then `close`. */
  block(open: string, body: () => void, close = "}"): this {
    this.line(open);
    const outer = this.indentation;
    this.indentation += "  ";
    try {
      body();
    } finally {
      this.indentation = outer;
    }
    return this.line(close);
  }

  /**
   * A documentation comment. Its text is policyc's own, never a policy's
   * strings: those go into string literals only (escape.ts).
   */
  doc(...paragraph: string[]): this {
    if (paragraph.length === 1) return this.line(`/** ${paragraph[0]} */`);
    this.line("/**");
    for (const text of paragraph) this.line(text === "" ? " *" : ` * ${text}`);
    return this.line(" */");
  }

  toString(): string {
    return this.lines.join("\n") + "\n";
  }
}
