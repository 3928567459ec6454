/**
 * grammar/policyc.tmLanguage.json, the DSL's TextMate grammar for editors,
 * checked against the language: its keywords are exactly the lexer's, and
 * on every example `.policy` file it scopes each comment, string and keyword
 * the lexer finds as one (and no other word as a keyword). The grammar is
 * run by a small interpreter of the TextMate rules it uses (`match` with
 * captures, single-line `begin`/`end`, `include`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tokenMatcher } from "chevrotain";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { lexPolicyFile } from "../../src/parse/dsl/lexer.js";
import { ALL_KEYWORDS, DEFINITION_KEYWORDS, isKeywordToken, QuotedString } from "../../src/parse/dsl/tokens.js";

interface Rule {
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Record<string, { name: string }>;
  readonly beginCaptures?: Record<string, { name: string }>;
  readonly endCaptures?: Record<string, { name: string }>;
  readonly patterns?: readonly Rule[];
  readonly include?: string;
}

interface Grammar {
  readonly scopeName: string;
  readonly patterns: readonly Rule[];
  readonly repository: Record<string, Rule>;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const GRAMMAR = JSON.parse(readFileSync(join(ROOT, "grammar/policyc.tmLanguage.json"), "utf8")) as Grammar;

/** The rules a list stands for, includes (and pattern-only groups) replaced by their rules. */
function flatten(rules: readonly Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include) return flatten([GRAMMAR.repository[rule.include.slice(1)]!]);
    if (!rule.match && !rule.begin && rule.patterns) return flatten(rule.patterns);
    return [rule];
  });
}

interface Found {
  readonly rule: Rule;
  readonly match: RegExpExecArray;
}

/** The rule matching first at or after `from` (the earlier rule on a tie), as TextMate picks. */
function firstMatch(rules: readonly Rule[], line: string, from: number): Found | undefined {
  let best: Found | undefined;
  for (const rule of rules) {
    const regex = new RegExp(rule.match ?? rule.begin!, "gd");
    regex.lastIndex = from;
    const match = regex.exec(line);
    if (match && (!best || match.index < best.match.index)) best = { rule, match };
  }
  return best;
}

/** The scopes of each character of one line, outermost first. */
function scopeLine(line: string): string[][] {
  const scopes = Array.from({ length: line.length }, () => [] as string[]);
  const mark = (start: number, end: number, name: string | undefined) => {
    if (name) for (let i = start; i < end; i++) scopes[i]!.push(name);
  };
  const markMatch = (match: RegExpExecArray, name: string | undefined, captures: Rule["captures"]) => {
    mark(match.index, match.index + match[0].length, name);
    for (const [group, capture] of Object.entries(captures ?? {})) {
      const indices = match.indices?.[Number(group)];
      if (indices) mark(indices[0], indices[1], capture.name);
    }
  };
  const top = flatten(GRAMMAR.patterns);
  let at = 0;
  while (at < line.length) {
    const found = firstMatch(top, line, at);
    if (!found) break;
    const { rule, match } = found;
    if (rule.match !== undefined) {
      markMatch(match, rule.name, rule.captures);
      at = Math.max(match.index + match[0].length, match.index + 1);
      continue;
    }
    markMatch(match, undefined, rule.beginCaptures);
    let inside = match.index + match[0].length;
    const inner = [{ match: rule.end!, name: "\u0000end" }, ...flatten(rule.patterns ?? [])];
    for (;;) {
      const next = firstMatch(inner, line, inside)!;
      if (next.rule.name === "\u0000end") {
        markMatch(next.match, undefined, rule.endCaptures);
        inside = next.match.index + next.match[0].length;
        break;
      }
      markMatch(next.match, next.rule.name, next.rule.captures);
      inside = Math.max(next.match.index + next.match[0].length, next.match.index + 1);
    }
    mark(match.index, inside, rule.name);
    at = Math.max(inside, match.index + 1);
  }
  return scopes;
}

/** The scopes of each character of a text. */
function scopeText(text: string): string[][] {
  return text.split(/\r?\n/).flatMap((line) => [...scopeLine(line), []]);
}

function policyFiles(): string[] {
  const examples = readdirSync(join(ROOT, "examples"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(ROOT, "examples", entry.name)).filter((name) => name.endsWith(".policy")).map((name) => join("examples", entry.name, name)));
  const fixtures = readdirSync(join(ROOT, "test/emit/dsl/fixtures")).map((name) => join("test/emit/dsl/fixtures", name));
  return [...examples, ...fixtures];
}

const has = (scopes: readonly string[] | undefined, prefix: string) => (scopes ?? []).some((scope) => scope.startsWith(prefix));
const isKeywordScope = (scopes: readonly string[] | undefined) => has(scopes, "keyword.other") || has(scopes, "storage.modifier");

describe("the TextMate grammar", () => {
  it("knows exactly the lexer's keywords", () => {
    const listed = ["definition-keywords", "flag-keywords", "clause-keywords"].flatMap((key) => /\(([a-z_|]+)\)/.exec(GRAMMAR.repository[key]!.match!)![1]!.split("|"));
    expect(listed.sort()).toEqual([...ALL_KEYWORDS].sort());
  });

  it("scopes a word that only starts like a keyword as no keyword", () => {
    const scopes = scopeText("role r { index index-*, roles_x allow indices:data/read/* }");
    expect(isKeywordScope(scopes[9])).toBe(true);
    expect(isKeywordScope(scopes[15])).toBe(false);
    expect(isKeywordScope(scopes[24])).toBe(false);
  });

  it("keeps a string to its line when it is not closed", () => {
    const scopes = scopeText('user u { hash "abc\nrole r {}');
    expect(has(scopes[17], "string.quoted")).toBe(true);
    expect(has(scopes[20], "string")).toBe(false);
    expect(isKeywordScope(scopes[20])).toBe(true);
  });

  for (const path of policyFiles()) {
    it(`scopes every comment, string and keyword of ${path} as the lexer reads them`, () => {
      const text = readFileSync(join(ROOT, path), "utf8");
      const scopes = scopeText(text.replace(/\r\n/g, "\n"));
      const { tokens, comments } = lexPolicyFile(new SourceFile(path, text.replace(/\r\n/g, "\n")));
      for (const comment of comments) expect(has(scopes[comment.startOffset], "comment"), `comment at ${comment.startOffset}`).toBe(true);
      tokens.forEach((token, i) => {
        const at = scopes[token.startOffset];
        const previous = tokens[i - 1];
        const isName = previous !== undefined && (DEFINITION_KEYWORDS as readonly string[]).includes(previous.image) && isKeywordToken(previous.tokenType);
        const where = `\`${token.image}\` at ${token.startOffset}`;
        if (tokenMatcher(token, QuotedString)) expect(has(at, "string"), where).toBe(true);
        else if (isKeywordToken(token.tokenType) && isName) expect(has(at, "entity.name") || !isKeywordScope(at), where).toBe(true);
        else if (isKeywordToken(token.tokenType)) expect(isKeywordScope(at), where).toBe(true);
        else expect(isKeywordScope(at), where).toBe(false);
      });
    });
  }
});
