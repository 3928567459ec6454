/**
 * JSON for DLS queries: a strict reader that says where a text stops being
 * JSON, and the canonical form policyc stores and reports (object keys in
 * code-unit order, no whitespace). Shared by the compiler, which checks the
 * queries of a policy, and the runtime, which reads queries after user
 * attributes were substituted into them; both must accept the same texts.
 *
 * The reader follows RFC 8259 with the settings of OpenSearch's JSON parser
 * (JsonXContent: Jackson with comments allowed and strict duplicate
 * detection): block and line comments count as blanks, and a key
 * given twice in one object is refused. A query parser reads one value and
 * leaves whatever follows it unread, so the reader can stop there too
 * (`trailing`). Numbers become JavaScript numbers: an integer beyond 2^53
 * loses precision, which the plugin would keep.
 */
import type { JsonValue } from "../table/request.js";

/** A JSON text read: its value, or why and where (offset into the text) it is not JSON. */
export type JsonReading =
  | { readonly ok: true; readonly value: JsonValue; /** Where text other than blanks follows the value, or -1. */ readonly trailing: number }
  | { readonly ok: false; readonly message: string; readonly offset: number };

/** Deeper nesting is refused: user attributes substituted into a query must not exhaust the stack. */
const MAX_JSON_DEPTH = 256;

/** A JSON object as read: own keys in the order written, any key allowed (`__proto__` too). */
type JsonObject = { [key: string]: JsonValue };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Reads the JSON value at the start of the text (after blanks). With
 * `allowTrailing` the text may go on after the value (`trailing` says where);
 * otherwise only blanks may follow.
 */
export function readJson(text: string, allowTrailing = false): JsonReading {
  const reader = new JsonReader(text);
  try {
    const value = reader.value(0);
    const trailing = reader.rest();
    if (trailing >= 0 && !allowTrailing) return { ok: false, message: `unexpected ${describeCharacter(text[trailing])} after the end of the JSON value`, offset: trailing };
    return { ok: true, value, trailing };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** The canonical text of a value: keys sorted by code units, no blanks, `${` written `\u0024{`. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") return typeof value === "string" ? jsonString(value) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(canonicalJson).join(",")}]`;
  const object = value as Readonly<JsonObject>;
  const keys = Object.keys(object).sort(compareKeys);
  return `{${keys.map((key) => `${jsonString(key)}:${canonicalJson(object[key]!)}`).join(",")}}`;
}

/**
 * A deep copy with every object's keys in code-unit order, frozen: the form a
 * decision reports, shared between decisions.
 */
export function canonicalValue(value: JsonValue): JsonValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Object.freeze((value as readonly JsonValue[]).map(canonicalValue));
  const object = value as Readonly<JsonObject>;
  const copy: JsonObject = {};
  for (const key of Object.keys(object).sort(compareKeys)) defineMember(copy, key, canonicalValue(object[key]!));
  return Object.freeze(copy);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A JSON string; `$` before `{` is escaped so that a canonical text holds
 * `${` only when the query is a template (the runtime renders exactly those).
 */
function jsonString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "\\u0024{");
}

/** Sets a member as own data, also for the key `__proto__` (an assignment would set the prototype). */
function defineMember(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A recursive-descent reader over the text's code units. */
class JsonReader {
  private at = 0;

  constructor(private readonly text: string) {}

  /** After a value: where non-blank text follows, or -1. */
  rest(): number {
    this.skipBlanks();
    return this.at < this.text.length ? this.at : -1;
  }

  value(depth: number): JsonValue {
    if (depth > MAX_JSON_DEPTH) this.fail(`the JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
    this.skipBlanks();
    const c = this.text[this.at];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(`expected a JSON value, found ${this.describeHere()}`);
  }

  private object(depth: number): JsonValue {
    const object: JsonObject = {};
    const seen = new Set<string>();
    this.at++;
    this.skipBlanks();
    if (this.text[this.at] === "}") {
      this.at++;
      return object;
    }
    for (;;) {
      this.skipBlanks();
      if (this.text[this.at] !== '"') this.fail(`expected a quoted key, found ${this.describeHere()}`);
      const keyAt = this.at;
      const key = this.string();
      if (seen.has(key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      this.expect(":");
      defineMember(object, key, this.value(depth + 1));
      if (this.closes("}")) return object;
    }
  }

  private array(depth: number): JsonValue {
    const items: JsonValue[] = [];
    this.at++;
    this.skipBlanks();
    if (this.text[this.at] === "]") {
      this.at++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      if (this.closes("]")) return items;
    }
  }

  /** After a member or item: `,` (another follows) or the closing bracket. */
  private closes(bracket: "}" | "]"): boolean {
    this.skipBlanks();
    const c = this.text[this.at];
    if (c === ",") {
      this.at++;
      return false;
    }
    if (c === bracket) {
      this.at++;
      return true;
    }
    return this.fail(`expected \`,\` or \`${bracket}\`, found ${this.describeHere()}`);
  }

  private string(): string {
    const start = this.at;
    this.at++;
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (Number.isNaN(code)) this.fail("a string is not closed", start);
      if (code < 0x20) this.fail("a control character stands unescaped in a string");
      if (code === 0x22) break;
      if (code === 0x5c) this.escape();
      else this.at++;
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private escape(): void {
    const next = this.text[this.at + 1];
    if (next !== undefined && '"\\/bfnrt'.includes(next)) this.at += 2;
    else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.at += 6;
    else this.fail("a string holds an escape JSON does not define");
  }

  private number(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (match === null) return this.fail(`expected a number, found ${this.describeHere()}`);
    this.at += match[0].length;
    return Number(match[0]);
  }

  private expect(c: string): void {
    this.skipBlanks();
    if (this.text[this.at] !== c) this.fail(`expected \`${c}\`, found ${this.describeHere()}`);
    this.at++;
  }

  /** Skips blanks and comments (Jackson's ALLOW_COMMENTS: block comments, and `//` to the end of the line). */
  private skipBlanks(): void {
    for (;;) {
      while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at]!)) this.at++;
      if (this.text.startsWith("/*", this.at)) {
        const end = this.text.indexOf("*/", this.at + 2);
        if (end < 0) this.fail("a comment is not closed");
        this.at = end + 2;
      } else if (this.text.startsWith("//", this.at)) {
        while (this.at < this.text.length && this.text[this.at] !== "\n" && this.text[this.at] !== "\r") this.at++;
      } else {
        return;
      }
    }
  }

  private describeHere(): string {
    return describeCharacter(this.text[this.at]);
  }

  private fail(message: string, offset = this.at): never {
    throw new JsonSyntaxError(message, offset);
  }
}

function describeCharacter(c: string | undefined): string {
  return c === undefined ? "the end of the text" : `\`${c}\``;
}

const LITERALS: readonly (readonly [string, JsonValue])[] = [
  ["true", true],
  ["false", false],
  ["null", null],
];
