/**
 * The `.policy` lexer: tokens for the parser, comments for the formatter, and
 * the lexical problems of the file (stray characters, unclosed strings, bad
 * escapes), each at its exact place.
 */
import { Lexer, tokenMatcher, type ILexingError, type IToken } from "chevrotain";
import { spanOf, type SourceFile, type SourceSpan } from "../../diagnostics/source-file.js";
import { code } from "../../diagnostics/message-text.js";
import type { SyntaxProblem } from "./problems.js";
import { decodeQuoted } from "./strings.js";
import { ALL_TOKENS, isUnterminatedString, QuotedString } from "./tokens.js";

const POLICY_LEXER = new Lexer([...ALL_TOKENS], { positionTracking: "full", ensureOptimizations: true });

export interface LexedFile {
  readonly tokens: IToken[];
  readonly comments: readonly IToken[];
  readonly problems: readonly SyntaxProblem[];
}

export function lexPolicyFile(file: SourceFile): LexedFile {
  const result = POLICY_LEXER.tokenize(file.text);
  const comments = result.groups["comments"] ?? [];
  const problems = [...result.errors.map((error) => strayCharacters(file, error)), ...result.tokens.flatMap((token) => stringProblems(file, token))];
  return { tokens: result.tokens, comments, problems };
}

/** The span a token covers (its image, quotes included). */
export function tokenSpan(file: SourceFile, token: IToken): SourceSpan {
  return spanOf(file, token.startOffset, token.startOffset + token.image.length);
}

/** Chevrotain reports a run of characters no token matches as one error. */
function strayCharacters(file: SourceFile, error: ILexingError): SyntaxProblem {
  const text = file.text.slice(error.offset, error.offset + error.length);
  const what = [...text].length === 1 ? "character" : "characters";
  return {
    code: "PC1001",
    message: `unexpected ${what} ${code(text)}`,
    span: spanOf(file, error.offset, error.offset + error.length),
    help: "a name with characters other than letters, digits and `_-.*?:/+@%~!^&|` is written as a string, in quotes",
  };
}

function stringProblems(file: SourceFile, token: IToken): SyntaxProblem[] {
  if (!tokenMatcher(token, QuotedString)) return [];
  if (isUnterminatedString(token.tokenType)) {
    const quote = token.image[0] ?? '"';
    return [
      {
        code: "PC1002",
        message: "unterminated string",
        span: tokenSpan(file, token),
        help: `close the string with ${code(quote)} on the same line; write a line break as \`\\n\``,
      },
    ];
  }
  return decodeQuoted(token.image).badEscapes.map((escape) => ({
    code: "PC1003",
    message: `invalid escape ${code(escape.text)} in a string`,
    span: spanOf(file, token.startOffset + escape.offset, token.startOffset + escape.offset + escape.text.length),
    help: "strings take `\\\"`, `\\'`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`",
  }));
}
