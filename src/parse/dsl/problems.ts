/**
 * Problems found while reading one `.policy` file, before they become
 * diagnostics: the lexer, the string decoder and the parser each find some,
 * and they are reported together, in the order of the text, with repeats at
 * one place dropped.
 */
import type { DiagnosticCode } from "../../diagnostics/codes.js";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";

export interface SyntaxProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly span: SourceSpan;
  readonly help?: string;
}

/**
 * Reports problems sorted by position. Recovery can fail twice at one token
 * (a missing `}` seen by the block and then by the definition); only the
 * first problem at a position is kept, and problems found first win ties.
 */
export function reportInTextOrder(problems: readonly SyntaxProblem[], sink: DiagnosticSink): void {
  const sorted = [...problems].sort((a, b) => a.span.start - b.span.start);
  const seen = new Set<number>();
  for (const problem of sorted) {
    if (seen.has(problem.span.start)) continue;
    seen.add(problem.span.start);
    sink.report(problem.code, problem.message, problem.span, problem.help !== undefined ? { help: problem.help } : {});
  }
}
