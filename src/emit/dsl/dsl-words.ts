/**
 * How one value is written in a `.policy` file: bare when it is a word,
 * otherwise as a string literal that reads back to exactly the same text
 * (grammar/README.md, "Lexical structure").
 */
import { isDslKeyword, isDslWord } from "../../parse/dsl/index.js";

/** A name, pattern or action: bare when it is a word that is not a keyword (grammar/README.md), else a string. */
export function formatName(text: string): string {
  return isDslWord(text) && !isDslKeyword(text) ? text : formatString(text);
}

/** A value that is never mistaken for a clause (the word after `type`): bare whenever it is a word. */
export function formatWord(text: string): string {
  return isDslWord(text) ? text : formatString(text);
}

/** A setting's text value: also quoted when it is `true` or `false`, which would read as a boolean. */
export function formatSettingText(text: string): string {
  return text === "true" || text === "false" ? formatString(text) : formatName(text);
}

/**
 * A string literal: double quotes unless the text holds a double quote and no
 * single quote (a DLS query's JSON reads better in single quotes). Line
 * breaks, control characters, U+2028/U+2029, the byte order mark and lone
 * surrogates are escaped, so the literal is one line of plain text.
 */
export function formatString(text: string): string {
  const quote = text.includes('"') && !text.includes("'") ? "'" : '"';
  let out = quote;
  for (let i = 0; i < text.length; i++) out += escapeCharacter(text, i, quote);
  return out + quote;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f", "\\": "\\\\" };

function escapeCharacter(text: string, i: number, quote: string): string {
  const character = text[i]!;
  if (character === quote) return `\\${quote}`;
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  const code = text.charCodeAt(i);
  return needsUnicodeEscape(text, i, code) ? `\\u${code.toString(16).toUpperCase().padStart(4, "0")}` : character;
}

function needsUnicodeEscape(text: string, i: number, code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  return isLoneSurrogate(text, i, code);
}

/** A surrogate that is not half of a pair cannot be written as UTF-8. */
function isLoneSurrogate(text: string, i: number, code: number): boolean {
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = i > 0 ? text.charCodeAt(i - 1) : NaN;
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}
