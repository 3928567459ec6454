/**
 * The grammar reference (grammar/policy.ebnf) and the syntax diagrams
 * (grammar/diagrams.html), generated from the parser's own grammar so that
 * they cannot drift from it: scripts/build-grammar.mjs writes them, and a
 * test checks the committed EBNF against this output.
 */
import { createSyntaxDiagramsCode, type ISerializedGast, type TokenType } from "chevrotain";
import { POLICY_PARSER } from "./parser.js";
import { ALL_KEYWORDS, ALL_TOKENS, Comment, DoubleQuoted, isKeywordToken, SingleQuoted, WhiteSpace, Word } from "./tokens.js";

/** The fields of Chevrotain's serialized grammar nodes this module reads. */
interface GrammarNode extends ISerializedGast {
  readonly name?: string;
  readonly definition?: GrammarNode[];
  readonly separator?: GrammarNode;
}

const TOKENS_BY_NAME = new Map<string, TokenType>(ALL_TOKENS.map((token) => [token.name, token]));

const HEADER = [
  "(* The syntax of policyc's .policy files, in W3C-style EBNF: x? optional, x* any number, x+ at least one.",
  "   Generated from the parser (src/parse/dsl/parser.ts) by `npm run grammar`; do not edit.",
  "   grammar/README.md describes the language. *)",
];

/** The EBNF text of the grammar: its rules in the parser's order, then the tokens. */
export function policyGrammarEbnf(): string {
  const rules = (POLICY_PARSER.getSerializedGastProductions() as GrammarNode[]).map(renderRule);
  return [...HEADER, "", ...rules, "", ...tokenRules()].join("\n") + "\n";
}

/** A self-contained HTML page of railroad diagrams (Chevrotain's renderer, loaded from unpkg). */
export function policyGrammarDiagramsHtml(): string {
  return createSyntaxDiagramsCode(POLICY_PARSER.getSerializedGastProductions());
}

/** `name ::= …`; a rule that is a choice puts each alternative on its own line. */
function renderRule(rule: GrammarNode): string {
  const head = `${rule.name ?? ""} ::= `;
  const body = rule.definition ?? [];
  const only = body.length === 1 ? body[0] : undefined;
  if (only?.type === "Alternation") {
    const indent = " ".repeat(head.length - 2);
    return head + (only.definition ?? []).map((alternative) => renderSequence(alternative.definition ?? [])).join(`\n${indent}| `);
  }
  return head + renderSequence(body);
}

function renderSequence(nodes: readonly GrammarNode[]): string {
  return nodes.map(renderNode).join(" ");
}

function renderNode(node: GrammarNode): string {
  const inner = node.definition ?? [];
  switch (node.type) {
    case "NonTerminal":
      return node.name ?? "";
    case "Terminal":
      return renderTerminal(node.name ?? "");
    case "Alternation":
      return `( ${inner.map((alternative) => renderSequence(alternative.definition ?? [])).join(" | ")} )`;
    case "Option":
      return `${group(inner)}?`;
    case "Repetition":
      return `${group(inner)}*`;
    case "RepetitionMandatory":
      return `${group(inner)}+`;
    case "RepetitionWithSeparator":
    case "RepetitionMandatoryWithSeparator": {
      const item = group(inner);
      const separated = `${item} ( ${renderNode(node.separator ?? { type: "Terminal" })} ${item} )*`;
      return node.type === "RepetitionWithSeparator" ? `( ${separated} )?` : separated;
    }
    default:
      return renderSequence(inner);
  }
}

/** One item as is, several in parentheses (so that a suffix applies to all). */
function group(nodes: readonly GrammarNode[]): string {
  const text = renderSequence(nodes);
  return nodes.length === 1 && nodes[0]?.type !== "Alternation" ? text : `( ${text} )`;
}

/** Keywords and punctuation in quotes; token classes (`NAME`) in capitals. */
function renderTerminal(tokenName: string): string {
  const token = TOKENS_BY_NAME.get(tokenName);
  if (!token) return tokenName;
  if (isKeywordToken(token) || typeof token.PATTERN === "string") return `"${token.LABEL ?? token.name}"`;
  return (token.LABEL ?? token.name).toUpperCase();
}

function regexOf(token: TokenType): string {
  return `/${(token.PATTERN as RegExp).source}/`;
}

/** The lexical part: what NAME stands for, and the tokens' patterns. */
function tokenRules(): string[] {
  return [
    "(* Tokens. Whitespace separates tokens and comments are ignored by the grammar (the formatter keeps them).",
    "   A keyword is reserved only where the grammar asks for it; where it asks for a NAME, a keyword is a name. *)",
    "",
    "NAME ::= WORD | STRING | KEYWORD",
    `WORD ::= ${regexOf(Word)}`,
    `STRING ::= ${regexOf(DoubleQuoted)} | ${regexOf(SingleQuoted)}`,
    `KEYWORD ::= ${ALL_KEYWORDS.map((keyword) => `"${keyword}"`).join(" | ")}`,
    `COMMENT ::= ${regexOf(Comment)}`,
    `WHITESPACE ::= ${regexOf(WhiteSpace)}`,
  ];
}
