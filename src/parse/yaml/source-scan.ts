/**
 * Small scans over YAML source text, for the few places where js-yaml's
 * events carry no offset: the end of a flow collection and the position of an
 * empty sequence item.
 */

/** The first offset at or after `from` that is not whitespace, a comment, or one of `extra`. */
export function skipTrivia(text: string, from: number, extra = ""): number {
  let at = from;
  while (at < text.length) {
    const ch = text[at]!;
    if (ch === "#") {
      const newline = text.indexOf("\n", at);
      at = newline < 0 ? text.length : newline + 1;
    } else if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n" || extra.includes(ch)) {
      at++;
    } else {
      break;
    }
  }
  return at;
}

/** The offset of `expected` if it is the next significant character after `from` (commas skipped), else -1. */
export function nextSignificant(text: string, from: number, expected: string): number {
  const at = skipTrivia(text, from, ",");
  return text[at] === expected ? at : -1;
}

/**
 * A rough upper bound of the YAML nodes a text can produce: every node needs
 * at least one of these characters near it. Used only to refuse hostile input
 * before js-yaml builds millions of events.
 */
export function structureCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 10: // \n
      case 44: // ,
      case 45: // -
      case 58: // :
      case 91: // [
      case 123: // {
        count++;
    }
  }
  return count;
}

/** The number of Unicode code points of a text (a surrogate pair counts once). */
export function codePointCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
