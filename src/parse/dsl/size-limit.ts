/**
 * How large a `.policy` file policyc reads. Chevrotain keeps every token as
 * an object of a few hundred bytes and its error recovery rescans the rest of
 * the file, so a file of millions of tokens would take gigabytes and minutes;
 * the tokens are counted before the lexer runs, without allocating anything.
 */

/**
 * About 1 MB of ordinary policy text (some 10,000 roles). A file this large
 * still lexes, parses and compiles in a 256 MiB heap, even when it is all
 * syntax errors.
 */
export const MAX_DSL_TOKENS = 200_000;

const SPACE = 1;
const WORD = 2;
const PUNCTUATION = 3;
const QUOTE = 4;
const COMMENT = 5;
const STRAY = 6;

/** The class of each ASCII character, as the lexer's token patterns (tokens.ts) see it. */
const ASCII_CLASS = (() => {
  const classes = new Uint8Array(128).fill(STRAY);
  for (const ch of " \t\r\n\f\v") classes[ch.charCodeAt(0)] = SPACE;
  for (const ch of "{}[],=") classes[ch.charCodeAt(0)] = PUNCTUATION;
  for (const ch of "_-.*?:/+@%~!^&|0123456789") classes[ch.charCodeAt(0)] = WORD;
  for (let c = 65; c <= 90; c++) classes[c] = classes[c + 32] = WORD;
  classes[34] = classes[39] = QUOTE;
  classes[35] = COMMENT;
  return classes;
})();

function classOf(unit: number): number {
  if (unit < 128) return ASCII_CLASS[unit]!;
  return unit === 0xfeff ? SPACE : STRAY;
}

/**
 * An upper bound of the tokens and lexing errors the lexer makes of `text`
 * (a run of stray characters is one error), counting no further than
 * `limit + 1`.
 */
export function countTokens(text: string, limit = MAX_DSL_TOKENS): number {
  let count = 0;
  let at = 0;
  while (at < text.length && count <= limit) {
    const type = classOf(text.charCodeAt(at));
    if (type === SPACE) {
      at++;
      continue;
    }
    count++;
    if (type === COMMENT) at = lineEnd(text, at);
    else if (type === QUOTE) at = stringEnd(text, at);
    else if (type === PUNCTUATION) at++;
    else at = runEnd(text, at, type);
  }
  return count;
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && !isLineBreak(text[at])) at++;
  return at;
}

/** After the closing quote, or at the end of the line for a string left open. */
function stringEnd(text: string, from: number): number {
  const quote = text[from];
  let at = from + 1;
  while (at < text.length && text[at] !== quote && !isLineBreak(text[at])) at += text[at] === "\\" && !isLineBreak(text[at + 1]) ? 2 : 1;
  return Math.min(text.length, at + 1);
}

function isLineBreak(ch: string | undefined): boolean {
  return ch === "\n" || ch === "\r";
}

/** The end of a run of word characters, or of stray ones. */
function runEnd(text: string, from: number, type: number): number {
  let at = from + 1;
  while (at < text.length && classOf(text.charCodeAt(at)) === type) at++;
  return at;
}
