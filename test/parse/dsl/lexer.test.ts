import { describe, expect, test } from "vitest";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import { lexPolicyFile } from "../../../src/parse/dsl/lexer.js";
import { isDslKeyword, isDslWord } from "../../../src/parse/dsl/tokens.js";
import { at, textOf } from "./helpers.js";

function lex(text: string) {
  return lexPolicyFile(new SourceFile("test.policy", text));
}

/** Each token as `Type:image`. */
function tokens(text: string): string[] {
  return lex(text).tokens.map((token) => `${token.tokenType.name}:${token.image}`);
}

describe("words and keywords", () => {
  test("a keyword is its own token", () => {
    expect(tokens("role users index")).toEqual(["role:role", "users:users", "index:index"]);
  });

  test("a keyword followed by word characters is a word", () => {
    expect(tokens("roles rolesx role-reader user_a")).toEqual(["roles:roles", "Word:rolesx", "Word:role-reader", "Word:user_a"]);
  });

  test("action names and index patterns are single words", () => {
    expect(tokens("indices:data/read/search* .kibana logs-?-%~!^&|+@")).toEqual([
      "Word:indices:data/read/search*",
      "Word:.kibana",
      "Word:logs-?-%~!^&|+@",
    ]);
  });

  test("punctuation separates words", () => {
    expect(tokens("a,b=c{d}[e]")).toEqual(["Word:a", "Comma:,", "Word:b", "Equals:=", "Word:c", "LCurly:{", "Word:d", "RCurly:}", "LSquare:[", "Word:e", "RSquare:]"]);
  });

  test("isDslWord and isDslKeyword tell the formatter what needs quotes", () => {
    expect([isDslWord("hr-*"), isDslWord("a b"), isDslWord(""), isDslWord("é"), isDslWord("${x}")]).toEqual([true, false, false, false, false]);
    expect([isDslKeyword("users"), isDslKeyword("user_x"), isDslKeyword("toString")]).toEqual([true, false, false]);
  });
});

describe("strings and comments", () => {
  test("both quote styles make one string token each", () => {
    expect(tokens(`"a b" 'c "d"'`)).toEqual([`DoubleQuoted:"a b"`, `SingleQuoted:'c "d"'`]);
  });

  test("an escaped quote does not end a string", () => {
    expect(tokens(String.raw`"a\"b" 'c\'d'`)).toEqual([String.raw`DoubleQuoted:"a\"b"`, String.raw`SingleQuoted:'c\'d'`]);
  });

  test("comments are kept apart from the tokens, up to the end of the line", () => {
    const lexed = lex("role a # the first\n# second\n{ }");
    expect(lexed.tokens.map((token) => token.image)).toEqual(["role", "a", "{", "}"]);
    expect(lexed.comments.map((token) => token.image)).toEqual(["# the first", "# second"]);
  });

  test("a byte order mark at the start is whitespace", () => {
    expect(tokens("\uFEFFrole a { }")).toEqual(["role:role", "Word:a", "LCurly:{", "RCurly:}"]);
  });

  test("a # inside a string is not a comment", () => {
    expect(tokens(`"a#b"`)).toEqual([`DoubleQuoted:"a#b"`]);
    expect(lex(`"a#b"`).comments).toEqual([]);
  });
});

describe("lexical problems", () => {
  test("a stray character is reported at its position and lexing goes on", () => {
    const lexed = lex("role a {\n  users $x\n}");
    expect(lexed.problems.map((p) => `${p.code} ${at(p.span)} ${p.message}`)).toEqual(["PC1001 2:9 unexpected character `$`"]);
    expect(lexed.tokens.map((token) => token.image)).toEqual(["role", "a", "{", "users", "x", "}"]);
  });

  test("a run of stray characters is one problem", () => {
    const lexed = lex("a $$; b");
    expect(lexed.problems.map((p) => [p.message, textOf(p.span)])).toEqual([["unexpected characters `$$;`", "$$;"]]);
  });

  test("an unterminated string is reported at its opening quote and stays a name", () => {
    const lexed = lex('role a {\n  description "no end\n  cluster x\n}');
    expect(lexed.problems.map((p) => `${p.code} ${at(p.span)} ${p.message}`)).toEqual(["PC1002 2:15 unterminated string"]);
    expect(lexed.tokens.map((token) => token.tokenType.name)).toContain("UnterminatedDoubleQuoted");
    expect(lexed.tokens.map((token) => token.image)).toContain("cluster");
  });

  test("an unterminated single-quoted string ending in a backslash is one problem", () => {
    const lexed = lex("dls 'abc\\\nx");
    expect(lexed.problems.map((p) => `${p.code} ${at(p.span)}`)).toEqual(["PC1002 1:5"]);
  });

  test("an escape JSON does not define is reported at the backslash", () => {
    const lexed = lex(String.raw`description "a\qb \u12"`);
    expect(lexed.problems.map((p) => `${p.code} ${at(p.span)} ${textOf(p.span)}`)).toEqual(["PC1003 1:15 \\q", "PC1003 1:19 \\u"]);
  });
});
