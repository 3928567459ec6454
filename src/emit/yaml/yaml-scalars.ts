/**
 * Strings as YAML scalars that read back to exactly the same text. Values
 * are always double-quoted (so `true`, `123`, `*`, `~`, `${user.name}` or an
 * empty string stay strings); keys are bare only when they are plain
 * identifiers that no YAML reader could take for anything but a string.
 */

/** Plain keys: a letter or `_` first, then letters, digits, `_ . -`. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Words a YAML 1.1 or 1.2 reader takes for a boolean or null. */
const SPECIAL_WORD = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

export function yamlKey(text: string): string {
  return PLAIN_KEY.test(text) && !SPECIAL_WORD.test(text) ? text : yamlString(text);
}

/**
 * A quoted scalar: single quotes for text with a double quote that needs no
 * escape (a DLS query's JSON reads as written), else double quotes. In
 * double quotes, besides `"` and `\`, everything a YAML reader would not
 * keep as it is gets an escape: line breaks and other control characters (a
 * raw one would be folded or rejected), U+2028/U+2029, the byte order mark,
 * non-characters and lone surrogates.
 */
export function yamlString(text: string): string {
  if (text.includes('"') && isAllPrintable(text)) return singleQuoted(text);
  let out = '"';
  for (let i = 0; i < text.length; i++) out += escapeCharacter(text, i);
  return out + '"';
}

function isAllPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isPrintable(text, i, text.charCodeAt(i))) return false;
  return true;
}

/** In single quotes the only escape is `''` for a quote; nothing else is special. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeCharacter(text: string, i: number): string {
  const character = text[i]!;
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  const code = text.charCodeAt(i);
  return isPrintable(text, i, code) ? character : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** YAML's printable set, with surrogates allowed only in pairs. */
function isPrintable(text: string, i: number, code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) return false;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = i > 0 ? text.charCodeAt(i - 1) : NaN;
    return previous >= 0xd800 && previous <= 0xdbff;
  }
  return true;
}
