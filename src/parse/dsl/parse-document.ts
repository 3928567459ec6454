/**
 * One `.policy` file → its syntax tree, with every lexical and syntax
 * problem of the file reported in one run, in the order of the text.
 */
import type { IRecognitionException, IToken } from "chevrotain";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { spanOf, type SourceFile, type SourceSpan } from "../../diagnostics/source-file.js";
import type { DslDocument } from "./ast.js";
import { MAX_SYNTAX_ERRORS } from "./error-budget.js";
import { lexPolicyFile, tokenSpan, type LexedFile } from "./lexer.js";
import { unexpectedBetweenDefinitions } from "./messages.js";
import { firstTooDeepBrace, MAX_BLOCK_DEPTH } from "./nesting.js";
import { POLICY_PARSER } from "./parser.js";
import { reportInTextOrder, type SyntaxProblem } from "./problems.js";
import { countTokens, MAX_DSL_TOKENS } from "./size-limit.js";
import { cstToDocument } from "./to-ast.js";

/**
 * Parses one file into its syntax tree. Every lexical and syntax error of
 * the file goes to `sink`, in the order of the text; the tree holds whatever
 * could be recovered (a definition without its name is left out).
 */
export function parseDslDocument(file: SourceFile, sink: DiagnosticSink): DslDocument {
  if (countTokens(file.text) > MAX_DSL_TOKENS) {
    const message = `the file is too large to read safely (more than ${MAX_DSL_TOKENS} tokens); split it into files that import each other`;
    sink.report("PC1012", message, spanOf(file, 0));
    return { items: [], comments: [] };
  }
  const full = lexPolicyFile(file);
  const lexed = withinLexicalBudget(file, full);
  const { tokens, nestingProblems } = withinNestingLimit(file, lexed.tokens);
  const { cst, errors, exhausted } = POLICY_PARSER.parseTokens(tokens);
  const afterStray = tokensAfterStrayCharacters(lexed.problems, tokens);
  // A file cut at the nesting limit or the error budget ends early; its missing `}` are no news.
  const cut = nestingProblems.length > 0 || lexed !== full;
  const syntaxProblems = errors
    .filter((error) => !afterStray.has(error.token) && !(cut && !Number.isFinite(error.token.startOffset)))
    .map((error) => toProblem(file, error, tokens));
  const gaveUp = exhausted ? [givingUp(file, errors)] : [];
  reportInTextOrder([...lexed.problems, ...nestingProblems, ...syntaxProblems, ...gaveUp], sink);
  return cstToDocument(file, cst, lexed.comments);
}

/**
 * At most as many lexical problems as syntax errors are reported (the error
 * budget): a file of stray characters would otherwise yield one diagnostic
 * for every other character. The parser reads the tokens before the first
 * problem left out.
 */
function withinLexicalBudget(file: SourceFile, lexed: LexedFile): LexedFile {
  if (lexed.problems.length <= MAX_SYNTAX_ERRORS) return lexed;
  const problems = [...lexed.problems].sort((a, b) => a.span.start - b.span.start);
  const cut = problems[MAX_SYNTAX_ERRORS]!.span.start;
  const message = `too many errors (${problems.length}); the rest of the file is not read`;
  return {
    tokens: lexed.tokens.filter((token) => token.startOffset < cut),
    comments: lexed.comments.filter((comment) => comment.startOffset < cut),
    problems: [...problems.slice(0, MAX_SYNTAX_ERRORS), { code: "PC1004", message, span: spanOf(file, cut) }],
  };
}

/** The tokens before the first block nested deeper than the limit: the parser reads no further. */
function withinNestingLimit(file: SourceFile, tokens: IToken[]): { tokens: IToken[]; nestingProblems: SyntaxProblem[] } {
  const tooDeep = firstTooDeepBrace(tokens);
  if (!tooDeep) return { tokens, nestingProblems: [] };
  const problem: SyntaxProblem = {
    code: "PC1010",
    message: `blocks nest deeper than ${MAX_BLOCK_DEPTH} levels; the rest of the file is not read`,
    span: tokenSpan(file, tooDeep),
  };
  return { tokens: tokens.slice(0, tokens.indexOf(tooDeep)), nestingProblems: [problem] };
}

/** Where the parser gave up after too many errors: right after the last one. */
function givingUp(file: SourceFile, errors: readonly IRecognitionException[]): SyntaxProblem {
  const last = errors[errors.length - 1]?.token;
  const end = last && Number.isFinite(last.startOffset) ? last.startOffset + last.image.length : 0;
  return { code: "PC1004", message: `too many syntax errors (${errors.length}); the rest of the file is not read`, span: spanOf(file, end) };
}

/**
 * The first token after each run of stray characters. A syntax error there
 * is the stray characters' echo (`users judy; elon`: `elon` no longer follows
 * a comma), so it is not reported again.
 */
function tokensAfterStrayCharacters(problems: readonly SyntaxProblem[], tokens: readonly IToken[]): Set<IToken> {
  const strayEnds = problems.filter((problem) => problem.code === "PC1001").map((problem) => problem.span.end);
  const after = new Set<IToken>();
  let next = 0;
  for (const end of strayEnds.sort((a, b) => a - b)) {
    while (next < tokens.length && tokens[next]!.startOffset < end) next++;
    const token = tokens[next];
    if (token) after.add(token);
  }
  return after;
}

function toProblem(file: SourceFile, error: IRecognitionException, tokens: readonly IToken[]): SyntaxProblem {
  const betweenDefinitions = error.context.ruleStack.length <= 1 && Number.isFinite(error.token.startOffset);
  const message = betweenDefinitions ? unexpectedBetweenDefinitions(error.token, tokens[tokens.indexOf(error.token) - 1]) : error.message;
  return { code: "PC1004", message, span: errorSpan(file, error.token, tokens) };
}

/** The offending token; at the end of file (which has no token), right after the last token. */
function errorSpan(file: SourceFile, token: IToken, tokens: readonly IToken[]): SourceSpan {
  if (Number.isFinite(token.startOffset)) return tokenSpan(file, token);
  const last = tokens[tokens.length - 1];
  const end = last ? last.startOffset + last.image.length : 0;
  return spanOf(file, end);
}
