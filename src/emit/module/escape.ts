/**
 * The one way a string reaches generated code: as a double-quoted string
 * literal. JSON.stringify already escapes quotes, backslashes, control
 * characters and lone surrogates; U+2028 and U+2029 are escaped too, so the
 * text stays valid for every JavaScript parser and reads the same in every
 * editor. A string literal never interpolates (`${…}`) and no comment
 * delimiter inside it counts, so whatever a policy's names contain stays data.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (separator) => (separator === "\u2028" ? "\\u2028" : "\\u2029"));
}
