/**
 * Quoted strings: JSON's escapes plus `\'`, in `"…"` or `'…'`. The lexer
 * takes any backslash pair so that a bad escape is one precise diagnostic
 * here, not a lexing failure that swallows the rest of the line.
 */

/** An escape JSON does not define, at its offset within the token's text. */
export interface BadEscape {
  readonly offset: number;
  readonly text: string;
}

export interface DecodedString {
  readonly value: string;
  readonly badEscapes: readonly BadEscape[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * The text of a string token, with its quotes (without the closing one when
 * `terminated` is false). A bad escape stands for its character without the
 * backslash.
 */
export function decodeQuoted(image: string, terminated = true): DecodedString {
  const body = terminated ? image.slice(1, -1) : image.slice(1);
  // Most strings have no escape: their text is the body (a character at a time, a 1 MB string would take a second).
  if (!body.includes("\\")) return { value: body, badEscapes: [] };
  let value = "";
  const badEscapes: BadEscape[] = [];
  for (let i = 0; i < body.length; i++) {
    const character = body[i]!;
    if (character !== "\\") {
      value += character;
      continue;
    }
    const escape = readEscape(body, i);
    if (escape.value === undefined) badEscapes.push({ offset: i + 1, text: escape.text });
    value += escape.value ?? escape.text.slice(1);
    i += escape.text.length - 1;
  }
  return { value, badEscapes };
}

/** The escape at `body[start]` (a backslash): its text and the character it stands for, if valid. */
function readEscape(body: string, start: number): { text: string; value?: string } {
  const next = body[start + 1];
  if (next === undefined) return { text: "\\" };
  if (next === "u") {
    const digits = body.slice(start + 2, start + 6);
    if (/^[0-9a-fA-F]{4}$/.test(digits)) return { text: `\\u${digits}`, value: String.fromCharCode(parseInt(digits, 16)) };
    return { text: "\\u" };
  }
  const simple = SIMPLE_ESCAPES[next];
  return simple === undefined ? { text: `\\${next}` } : { text: `\\${next}`, value: simple };
}
