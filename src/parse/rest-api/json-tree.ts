/**
 * Strict JSON (RFC 8259, as the plugin's Jackson reader takes request bodies
 * and API dumps) → the located tree the YAML front end works on, so that its
 * schema check and model readers apply unchanged. The text may be a piece of
 * a larger file (a request body inside a console script, a curl argument
 * after shell unquoting): `offsetAt` maps each index of the text to its
 * offset in the file, which keeps every span exact.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceFile, SourceSpan } from "../../diagnostics/source-file.js";
import { code } from "../../diagnostics/message-text.js";
import type { YamlEntry, YamlNode, YamlScalar } from "../yaml/yaml-nodes.js";

/** JSON text and where each of its characters stands in a file. */
export interface JsonText {
  readonly file: SourceFile;
  readonly text: string;
  /** The file offset of index `i` of `text` (`i` may be `text.length`, the end). */
  readonly offsetAt: (i: number) => number;
}

/** A JSON text that is a stretch of a file, character for character. */
export function fileJsonText(file: SourceFile, start: number, end: number): JsonText {
  return { file, text: file.text.slice(start, end), offsetAt: (i) => start + i };
}

/** Nesting beyond this is refused rather than risking the stack. */
const MAX_DEPTH = 200;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly length = 1,
  ) {
    super(message);
  }
}

/**
 * The tree of a JSON text; undefined after a PC2102 diagnostic when it is not
 * one JSON value (with nothing but whitespace around it), or repeats a key.
 */
export function parseJsonTree(source: JsonText, sink: DiagnosticSink): YamlNode | undefined {
  const reader = new JsonReader(source);
  try {
    reader.skipWhitespace();
    const node = reader.value(0);
    reader.skipWhitespace();
    if (!reader.atEnd()) throw new JsonSyntaxError(`text after the JSON value: ${code(reader.rest())}`, reader.position);
    return node;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const start = source.offsetAt(Math.min(error.index, source.text.length));
    const end = source.offsetAt(Math.min(error.index + error.length, source.text.length));
    sink.report("PC2102", `not valid JSON: ${error.message}`, { file: source.file, start, end: Math.max(end, start) });
    return undefined;
  }
}

class JsonReader {
  position = 0;

  constructor(private readonly source: JsonText) {}

  atEnd(): boolean {
    return this.position >= this.source.text.length;
  }

  rest(): string {
    return this.source.text.slice(this.position, this.position + 20);
  }

  skipWhitespace(): void {
    const { text } = this.source;
    while (this.position < text.length && " \t\r\n".includes(text[this.position]!)) this.position++;
  }

  value(depth: number): YamlNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, this.position);
    const character = this.source.text[this.position];
    if (character === "{") return this.object(depth);
    if (character === "[") return this.array(depth);
    if (character === '"') return this.stringScalar();
    if (character === undefined) throw new JsonSyntaxError("the JSON value ends too early", this.position, 0);
    return this.literal();
  }

  private object(depth: number): YamlNode {
    const start = this.position++;
    const entries: YamlEntry[] = [];
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.source.text[this.position] === "}") return { kind: "map", entries, span: this.span(start, ++this.position) };
    for (;;) {
      this.skipWhitespace();
      if (this.source.text[this.position] !== '"') throw this.expected("a key in double quotes");
      const key = this.stringScalar();
      if (seen.has(key.value)) {
        // Jackson's strict duplicate detection: the plugin refuses the whole body.
        throw new JsonSyntaxError(`duplicate key ${code(key.value)}`, this.indexOf(key.span.start), Math.max(1, key.value.length + 2));
      }
      seen.add(key.value);
      this.skipWhitespace();
      if (this.source.text[this.position] !== ":") throw this.expected("`:`");
      this.position++;
      this.skipWhitespace();
      entries.push({ key, value: this.value(depth + 1) });
      this.skipWhitespace();
      const next = this.source.text[this.position];
      this.position++;
      if (next === "}") return { kind: "map", entries, span: this.span(start, this.position) };
      if (next !== ",") {
        this.position--;
        throw this.expected("`,` or `}`");
      }
    }
  }

  private array(depth: number): YamlNode {
    const start = this.position++;
    const items: YamlNode[] = [];
    this.skipWhitespace();
    if (this.source.text[this.position] === "]") return { kind: "seq", items, span: this.span(start, ++this.position) };
    for (;;) {
      this.skipWhitespace();
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const next = this.source.text[this.position];
      this.position++;
      if (next === "]") return { kind: "seq", items, span: this.span(start, this.position) };
      if (next !== ",") {
        this.position--;
        throw this.expected("`,` or `]`");
      }
    }
  }

  private stringScalar(): YamlScalar {
    const { text } = this.source;
    const start = this.position++;
    let value = "";
    for (;;) {
      const character = text[this.position];
      if (character === undefined) throw new JsonSyntaxError("the string is not closed", start, this.position - start);
      if (character === '"') break;
      if (character < " ") throw new JsonSyntaxError("a control character must be escaped inside a string", this.position);
      if (character === "\\") value += this.escape();
      else {
        value += character;
        this.position++;
      }
    }
    this.position++;
    return { kind: "scalar", value, type: "str", alias: false, span: this.span(start, this.position) };
  }

  private escape(): string {
    const { text } = this.source;
    const escaped = text[this.position + 1];
    const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
    if (escaped !== undefined && escaped in simple) {
      this.position += 2;
      return simple[escaped]!;
    }
    if (escaped === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(this.position + 2, this.position + 6))) {
      const unit = String.fromCharCode(parseInt(text.slice(this.position + 2, this.position + 6), 16));
      this.position += 6;
      return unit;
    }
    throw new JsonSyntaxError(`JSON has no escape ${code(`\\${escaped ?? ""}`)}`, this.position, 2);
  }

  private literal(): YamlScalar {
    const { text } = this.source;
    const start = this.position;
    const match = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)/.exec(text.slice(start, start + 400));
    const word = match?.[0] ?? "";
    const after = text[start + word.length];
    if (word === "" || (after !== undefined && /[A-Za-z0-9_.+-]/.test(after))) {
      const token = /^[^\s,:{}[\]"]*/.exec(text.slice(start, start + 80))?.[0] || text[start] || "";
      const hint = token.startsWith("'") ? " (JSON strings take double quotes)" : "";
      throw new JsonSyntaxError(`unexpected ${code(token)}${hint}`, start, Math.max(1, token.length));
    }
    this.position += word.length;
    const type = word === "null" ? "null" : word === "true" || word === "false" ? "bool" : /[.eE]/.test(word) ? "float" : "int";
    return { kind: "scalar", value: word, type, alias: false, span: this.span(start, this.position) };
  }

  private expected(what: string): JsonSyntaxError {
    const found = this.source.text[this.position];
    const hint = found === "'" ? " (JSON strings take double quotes)" : "";
    return new JsonSyntaxError(found === undefined ? `the JSON value ends too early; expected ${what}` : `expected ${what}, found ${code(found)}${hint}`, this.position);
  }

  private span(start: number, end: number): SourceSpan {
    return { file: this.source.file, start: this.source.offsetAt(start), end: this.source.offsetAt(end) };
  }

  /** The text index of a file offset inside this text (for re-reporting at a node). */
  private indexOf(offset: number): number {
    for (let i = 0; i <= this.source.text.length; i++) if (this.source.offsetAt(i) >= offset) return i;
    return this.source.text.length;
  }
}
