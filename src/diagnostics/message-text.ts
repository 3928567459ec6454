/**
 * User text inside messages: in backticks, on one line, and short. A key or
 * value from a file may hold line breaks or run to megabytes; a message must
 * do neither.
 */

const MAX_SHOWN = 80;

/** `text` in backticks, with control characters escaped and long text cut. */
export function code(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return `\`${shown.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, escapeCharacter)}\``;
}

function escapeCharacter(character: string): string {
  switch (character) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    default:
      return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
}
