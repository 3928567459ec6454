/**
 * The tokens of the `.policy` language (grammar/README.md, "Lexical structure").
 *
 * Keywords are reserved only where a clause can start: every keyword token is
 * also in the `Name` category, so the parser accepts it wherever it expects a
 * name (`role users { … }`). The lexer tries the keywords before `Word`, and
 * each keyword gives way to `Word` when a longer word matches (`roles_x`).
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

/** What can stand where a name or a value is expected: a word, a string or a keyword. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "name" });
/** Every keyword, so messages and the grammar reference can tell them apart from names. */
export const Keyword = createToken({ name: "Keyword", pattern: Lexer.NA, label: "keyword" });
/** Both quoted forms, finished or not. */
export const QuotedString = createToken({ name: "QuotedString", pattern: Lexer.NA, label: "string", categories: [Name] });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** Comments go to their own group: the parser never sees them, the formatter keeps them. */
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

// A string ends on its line; a backslash escapes the next character (validated in strings.ts).
export const DoubleQuoted = createToken({
  name: "DoubleQuoted",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  label: "string",
  categories: [QuotedString, Name],
});
export const SingleQuoted = createToken({
  name: "SingleQuoted",
  pattern: /'(?:[^'\\\r\n]|\\[^\r\n])*'/,
  label: "string",
  categories: [QuotedString, Name],
});
/**
 * A string whose line ends before its closing quote. It is a name to the
 * parser, so one missing quote costs one diagnostic (from the lexer stage)
 * instead of a cascade of syntax errors.
 */
export const UnterminatedDoubleQuoted = createToken({
  name: "UnterminatedDoubleQuoted",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  label: "string",
  categories: [QuotedString, Name],
});
export const UnterminatedSingleQuoted = createToken({
  name: "UnterminatedSingleQuoted",
  pattern: /'(?:[^'\\\r\n]|\\[^\r\n])*\\?/,
  label: "string",
  categories: [QuotedString, Name],
});

export const LCurly = createToken({ name: "LCurly", pattern: "{", label: "{" });
export const RCurly = createToken({ name: "RCurly", pattern: "}", label: "}" });
export const LSquare = createToken({ name: "LSquare", pattern: "[", label: "[" });
export const RSquare = createToken({ name: "RSquare", pattern: "]", label: "]" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "," });
export const Equals = createToken({ name: "Equals", pattern: "=", label: "=" });

/** Letters, digits and `_ - . * ? : / + @ % ~ ! ^ & |`: action names, index patterns and most role names. */
export const Word = createToken({ name: "Word", pattern: /[A-Za-z0-9_\-.*?:/+@%~!^&|]+/, label: "word", categories: [Name] });

/** Every keyword of the language, grouped by where it starts something. */
export const DEFINITION_KEYWORDS = ["import", "settings", "action_group", "role", "mapping", "user", "tenant"] as const;
export const FLAG_KEYWORDS = ["reserved", "hidden", "static"] as const;
export const LIST_CLAUSE_KEYWORDS = [
  "allow",
  "cluster",
  "fls",
  "mask",
  "users",
  "backend_roles",
  "and_backend_roles",
  "hosts",
  "roles",
  "mapped_to",
] as const;
export const TEXT_CLAUSE_KEYWORDS = ["description", "type", "hash", "dls"] as const;
/** Every word that starts a clause inside a block. */
export const CLAUSE_KEYWORDS = [...LIST_CLAUSE_KEYWORDS, ...TEXT_CLAUSE_KEYWORDS, "index", "tenant", "attributes"] as const;

export type KeywordText =
  | (typeof DEFINITION_KEYWORDS)[number]
  | (typeof FLAG_KEYWORDS)[number]
  | (typeof CLAUSE_KEYWORDS)[number];

/** Every keyword once: definitions, flags, then clauses. */
export const ALL_KEYWORDS: readonly KeywordText[] = [...new Set<KeywordText>([...DEFINITION_KEYWORDS, ...FLAG_KEYWORDS, ...CLAUSE_KEYWORDS])];

function keywordToken(text: KeywordText): TokenType {
  return createToken({ name: text, pattern: text, label: text, longer_alt: Word, categories: [Keyword, Name] });
}

/** The token of each keyword, named and labelled by its text. */
export const KEYWORD: Readonly<Record<KeywordText, TokenType>> = Object.fromEntries(
  ALL_KEYWORDS.map((text) => [text, keywordToken(text)]),
) as Record<KeywordText, TokenType>;

/** Longest first, so that `roles` is not read as `role` followed by `s`. */
const KEYWORD_TOKENS = [...ALL_KEYWORDS].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((text) => KEYWORD[text]);

/** The lexer's tokens in matching order (the finished string before the unfinished one), then the categories. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  DoubleQuoted,
  SingleQuoted,
  UnterminatedDoubleQuoted,
  UnterminatedSingleQuoted,
  LCurly,
  RCurly,
  LSquare,
  RSquare,
  Comma,
  Equals,
  ...KEYWORD_TOKENS,
  Word,
  Name,
  Keyword,
  QuotedString,
];

export function isKeywordToken(type: TokenType): boolean {
  return (type.CATEGORIES ?? []).includes(Keyword);
}

export function isUnterminatedString(type: TokenType): boolean {
  return type === UnterminatedDoubleQuoted || type === UnterminatedSingleQuoted;
}

const WHOLE_WORD = new RegExp(`^(?:${(Word.PATTERN as RegExp).source})$`);

/** Whether `text` can be written bare: one word (a keyword is a word too). */
export function isDslWord(text: string): boolean {
  return WHOLE_WORD.test(text);
}

/** Whether `text` is a keyword of the language (the formatter quotes such names). */
export function isDslKeyword(text: string): boolean {
  return Object.hasOwn(KEYWORD, text);
}
