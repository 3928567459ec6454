/**
 * Syntax error messages in policyc's style (lowercase, names in backticks):
 * what was expected, in the words of the language, and what was found.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { didYouMean } from "../../diagnostics/suggest.js";
import { code } from "../../diagnostics/message-text.js";
import { CLAUSE_KEYWORDS, Comma, DEFINITION_KEYWORDS, Equals, FLAG_KEYWORDS, isKeywordToken, LCurly, Name, RCurly, RSquare, Word } from "./tokens.js";

/** What a definition's name is called, by the rule that reads it. */
const DEFINITION_NAMES: Readonly<Record<string, string>> = {
  importDefinition: "the path of a file",
  actionGroupDefinition: "an action group name",
  roleDefinition: "a role name",
  mappingDefinition: "the name of the mapped role",
  userDefinition: "a user name",
  tenantDefinition: "a tenant name",
  setting: "a setting name",
  attribute: "an attribute name",
};

/** What follows a keyword that takes values. */
const VALUE_NAMES: Readonly<Record<string, string>> = {
  allow: "an action or action group",
  cluster: "an action or action group",
  index: "an index pattern",
  tenant: "a tenant pattern",
  users: "a user name",
  backend_roles: "a backend role",
  and_backend_roles: "a backend role",
  hosts: "a host",
  roles: "a role name",
  mapped_to: "a role name",
  fls: "a field",
  mask: "a field",
  description: "a description",
  type: "a type",
  hash: "a password hash",
  dls: "a query",
};

/** `found …`: the token's text, or the end of the file. */
function found(token: IToken): string {
  return token.tokenType === EOF ? "end of file" : code(token.image);
}

function isEndOfFile(token: IToken): boolean {
  return token.tokenType === EOF;
}

/** A token type in words: `role`, `{`, or a name. */
function describeTokenType(type: TokenType): string {
  if (type === EOF) return "end of file";
  if (isKeywordToken(type) || !(type === Name || (type.CATEGORIES ?? []).includes(Name))) return `\`${type.LABEL ?? type.name}\``;
  return "a name";
}

/** `a`, `a or b`, `one of a, b, c`. */
function oneOf(choices: readonly string[]): string {
  const unique = [...new Set(choices)];
  if (unique.length <= 1) return unique[0] ?? "nothing";
  if (unique.length === 2) return `${unique[0]} or ${unique[1]}`;
  return `one of ${unique.join(", ")}`;
}

function quoted(words: readonly string[]): string[] {
  return words.map((word) => `\`${word}\``);
}

/** `; did you mean …?` when a plain word looks like a misspelt keyword (a keyword is no typo). */
function suggestKeyword(actual: IToken, keywords: readonly string[]): string {
  return actual.tokenType === Word ? didYouMean(actual.image, keywords) : "";
}

/** `unexpected X: expected …`, with a did-you-mean among keywords when the word looks like one. */
function unexpected(actual: IToken, expected: string, keywords: readonly string[]): string {
  if (isEndOfFile(actual)) return `expected ${expected}, found end of file`;
  return `unexpected ${found(actual)}: expected ${expected}${suggestKeyword(actual, keywords)}`;
}

/** What kind of name was expected, from the rule and the token before. */
function expectedName(ruleName: string, previous: IToken): string {
  if (previous.tokenType === Equals) return "a value after `=`";
  const definitionName = DEFINITION_NAMES[ruleName];
  if (definitionName !== undefined) return definitionName;
  const valueName = isKeywordToken(previous.tokenType) ? VALUE_NAMES[previous.image] : undefined;
  if (valueName !== undefined) return `${valueName} after \`${previous.image}\``;
  if (previous.tokenType === Comma) return "a value after `,`";
  return "a name or a string";
}

/**
 * Junk between definitions. When a keyword comes just before it, that keyword
 * was most likely read as the name the definition before it lacks (`user`
 * then `role a { … }` reads as a user named `role`): say so. Recovery has
 * moved on by the time Chevrotain builds this message, so parse-document.ts
 * passes the token before the junk itself.
 */
export function unexpectedBetweenDefinitions(actual: IToken, before: IToken | undefined): string {
  const expected = oneOf(quoted(DEFINITION_KEYWORDS));
  if (isEndOfFile(actual) || !before || !isKeywordToken(before.tokenType)) {
    return unexpected(actual, expected, DEFINITION_KEYWORDS);
  }
  return `unexpected ${found(actual)} after ${code(before.image)}, which is read as a name here: expected ${expected}`;
}

function mismatchMessage(expected: TokenType, actual: IToken, previous: IToken, ruleName: string): string {
  if (expected === EOF) return unexpectedBetweenDefinitions(actual, undefined);
  if (expected === RCurly && ruleName === "block") return unexpected(actual, "a clause or `}`", CLAUSE_KEYWORDS);
  if (expected === RCurly && ruleName === "settingsDefinition") return unexpected(actual, "a setting or `}`", []);
  if (expected === Name) return `expected ${expectedName(ruleName, previous)}, found ${found(actual)}`;
  if (expected === LCurly) return `expected \`{\`, found ${found(actual)}${suggestKeyword(actual, FLAG_KEYWORDS)}`;
  if (expected === Equals) return `expected \`=\` after ${code(previous.image)}, found ${found(actual)}`;
  if (expected === RSquare) return `expected \`,\` or \`]\`, found ${found(actual)}`;
  return `expected ${describeTokenType(expected)}, found ${found(actual)}`;
}

/** The first token of each way the parser could have gone. */
function firstTokens(paths: readonly (readonly TokenType[])[]): string[] {
  return paths.flatMap((path) => (path[0] ? [describeTokenType(path[0])] : []));
}

function noViableAltMessage(expectedPaths: readonly (readonly TokenType[])[], actual: IToken, previous: IToken, ruleName: string): string {
  if (ruleName === "settingValue") return `expected a value or a list after \`=\`, found ${found(actual)}`;
  const choices = firstTokens(expectedPaths);
  if (ruleName === "actionGroupDefinition") choices.unshift(...quoted(FLAG_KEYWORDS));
  const afterPrevious = isEndOfFile(previous) || previous.image === "" ? "" : ` after ${code(previous.image)}`;
  return `expected ${oneOf(choices)}${afterPrevious}, found ${found(actual)}`;
}

/** The parser's error messages (error-budget.ts counts them). */
export const POLICY_PARSER_MESSAGES: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    return mismatchMessage(expected, actual, previous, ruleName);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return unexpectedBetweenDefinitions(firstRedundant, undefined);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    return noViableAltMessage(expectedPathsPerAlt.flat(), actual[0] ?? previous, previous, ruleName);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    return noViableAltMessage(expectedIterationPaths, actual[0] ?? previous, previous, ruleName);
  },
};
