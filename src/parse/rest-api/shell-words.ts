/**
 * Enough of the POSIX shell's word splitting to read curl commands from a
 * script: commands end at a newline (unless escaped with `\`), `;`, `&&`,
 * `||`, `|` or `&`; words split on blanks; single quotes, double quotes and
 * backslashes are removed as the shell removes them; `#` starts a comment;
 * `<<WORD` here-documents become the command's standard input. Every
 * character of a word keeps its offset in the file. Expansions (`$x`, `$(…)`,
 * backquotes) are not performed: a word that has one says so.
 */
import type { SourceFile } from "../../diagnostics/source-file.js";
import type { JsonText } from "./json-tree.js";

export interface ShellWord extends JsonText {
  /** Whether the word holds an expansion the shell would perform (`$x`, `${x}`, `$(…)`, `` `…` ``). */
  readonly expands: boolean;
}

export interface ShellCommand {
  readonly words: readonly ShellWord[];
  /** From the first word to the last. */
  readonly start: number;
  readonly end: number;
  /** The text of a here-document given to the command (`<<EOF`), if any. */
  readonly stdin?: ShellWord;
}

const OPERATOR_CHARACTERS = ";&|";

export function readShellCommands(file: SourceFile): ShellCommand[] {
  return new ShellReader(file).commands();
}

class ShellReader {
  private position = 0;
  private readonly text: string;
  /** Here-documents announced on the current line, read when the line ends. */
  private pendingHeredocs: { delimiter: string; quoted: boolean; command: number }[] = [];
  private readonly heredocs = new Map<number, ShellWord>();

  constructor(private readonly file: SourceFile) {
    this.text = file.text;
  }

  commands(): ShellCommand[] {
    const commands: { words: ShellWord[]; start: number; end: number }[] = [];
    let words: ShellWord[] = [];
    const finish = (): void => {
      if (words.length > 0) commands.push({ words, start: words[0]!.offsetAt(0), end: words[words.length - 1]!.offsetAt(words[words.length - 1]!.text.length) });
      words = [];
    };
    while (this.position < this.text.length) {
      const character = this.text[this.position]!;
      if (character === "\n") {
        finish();
        this.position++;
        this.readHeredocs();
      } else if (character === " " || character === "\t" || character === "\r") this.position++;
      else if (character === "\\" && this.text[this.position + 1] === "\n") this.position += 2;
      else if (character === "\\" && this.text.startsWith("\r\n", this.position + 1)) this.position += 3;
      else if (character === "#") this.skipComment();
      else if (OPERATOR_CHARACTERS.includes(character)) {
        finish();
        this.position++;
      } else if (character === "<" && this.text[this.position + 1] === "<" && this.text[this.position + 2] !== "<") {
        this.announceHeredoc(commands.length);
      } else words.push(this.word());
    }
    finish();
    return commands.map((command, index) => {
      const stdin = this.heredocs.get(index);
      return stdin ? { ...command, stdin } : command;
    });
  }

  private skipComment(): void {
    while (this.position < this.text.length && this.text[this.position] !== "\n") this.position++;
  }

  private word(): ShellWord {
    const characters: string[] = [];
    const offsets: number[] = [];
    let expands = false;
    const add = (character: string, offset: number): void => {
      characters.push(character);
      offsets.push(offset);
    };
    while (this.position < this.text.length) {
      const character = this.text[this.position]!;
      if (" \t\r\n".includes(character) || OPERATOR_CHARACTERS.includes(character)) break;
      if (character === "'") {
        const close = this.text.indexOf("'", this.position + 1);
        const end = close < 0 ? this.text.length : close;
        for (let i = this.position + 1; i < end; i++) add(this.text[i]!, i);
        this.position = end + 1;
      } else if (character === '"') {
        expands = this.doubleQuoted(add) || expands;
      } else if (character === "\\") {
        const next = this.text[this.position + 1];
        if (next === "\n") this.position += 2;
        else if (next !== undefined) {
          add(next, this.position + 1);
          this.position += 2;
        } else this.position++;
      } else {
        if (character === "$" || character === "`") expands = true;
        add(character, this.position);
        this.position++;
      }
    }
    const end = this.position;
    return { file: this.file, text: characters.join(""), offsetAt: (i) => (i < offsets.length ? offsets[i]! : end), expands };
  }

  /** A double-quoted part; returns whether it holds an expansion. */
  private doubleQuoted(add: (character: string, offset: number) => void): boolean {
    let expands = false;
    this.position++;
    while (this.position < this.text.length && this.text[this.position] !== '"') {
      const character = this.text[this.position]!;
      const next = this.text[this.position + 1];
      if (character === "\\" && next !== undefined && '$`"\\\n'.includes(next)) {
        if (next !== "\n") add(next, this.position + 1);
        this.position += 2;
        continue;
      }
      if (character === "$" || character === "`") expands = true;
      add(character, this.position);
      this.position++;
    }
    this.position++;
    return expands;
  }

  private announceHeredoc(command: number): void {
    this.position += 2;
    if (this.text[this.position] === "-") this.position++;
    while (this.text[this.position] === " " || this.text[this.position] === "\t") this.position++;
    const word = this.word();
    const quoted = word.text !== this.text.slice(word.offsetAt(0), word.offsetAt(word.text.length));
    this.pendingHeredocs.push({ delimiter: word.text, quoted, command });
  }

  /** The bodies of the here-documents announced on the line just ended, in order. */
  private readHeredocs(): void {
    for (const { delimiter, quoted, command } of this.pendingHeredocs) {
      const start = this.position;
      let lineStart = start;
      let bodyEnd = this.text.length;
      let after = this.text.length;
      while (lineStart < this.text.length) {
        const lineEnd = this.text.indexOf("\n", lineStart);
        const end = lineEnd < 0 ? this.text.length : lineEnd;
        if (this.text.slice(lineStart, end).replace(/^\t+/, "").replace(/\r$/, "") === delimiter) {
          bodyEnd = lineStart;
          after = lineEnd < 0 ? end : end + 1;
          break;
        }
        lineStart = end + 1;
      }
      const body = this.text.slice(start, bodyEnd);
      this.heredocs.set(command, { file: this.file, text: body, offsetAt: (i) => start + i, expands: !quoted && /[$`]/.test(body) });
      this.position = after;
    }
    this.pendingHeredocs = [];
  }
}
