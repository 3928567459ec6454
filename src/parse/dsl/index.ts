/**
 * The DSL front end: `.policy` files → syntax trees (for the formatter and
 * the converter) → the policy model. The language is grammar/README.md.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile, spanOf } from "../../diagnostics/source-file.js";
import type { PolicyModel } from "../../model/types.js";
import { reportInputProblem, type InputProblem, type InputProblemCodes } from "../input-problem.js";
import type { DslDocument } from "./ast.js";
import { checkImportsPresent } from "./imports.js";
import { parseDslDocument } from "./parse-document.js";
import { dslDocumentToModel } from "./to-model.js";

export type * from "./ast.js";
export { dslImports, type DslImportTarget } from "./imports.js";
export { dslDocumentToModel, type DslSourceDocument } from "./to-model.js";
export {
  CLAUSE_KEYWORDS,
  DEFINITION_KEYWORDS,
  FLAG_KEYWORDS,
  isDslKeyword,
  isDslWord,
  LIST_CLAUSE_KEYWORDS,
  TEXT_CLAUSE_KEYWORDS,
  type KeywordText,
} from "./tokens.js";
export { parseDslDocument } from "./parse-document.js";

/**
 * Reads a policy from `.policy` files: parses each, checks that every import
 * names one of the given files (PC1009 otherwise; the CLI reads imported
 * files before calling this), and merges all into one model.
 */
export function parseDslPolicy(files: readonly DslSource[], sink: DiagnosticSink): PolicyModel {
  const documents = files.map((source) => ({ file: dslSourceFile(source), document: readDslSource(source, sink) }));
  const paths = files.map(({ path }) => path);
  for (const { file, document } of documents) checkImportsPresent(document, file.path, paths, sink);
  // Files with nothing in them (or only comments) are a mistake: compiled, they would deny every request.
  if (!sink.hasErrors() && documents.length > 0 && documents.every(({ document }) => document.items.length === 0)) {
    const message = "the policy is empty: its files hold no definitions and no settings";
    sink.report("PC1013", message, spanOf(documents[0]!.file, 0), { help: "an empty policy denies every request; give the files that define it" });
  }
  return dslDocumentToModel(documents, sink);
}

/** A `.policy` file's path and text, and what was wrong with its bytes when it was read. */
export interface DslSource {
  readonly path: string;
  readonly text: string;
  readonly problem?: InputProblem;
}

const DSL_INPUT_CODES: InputProblemCodes = { encoding: "PC1011", size: "PC1012" };

/** The file as the parser reads it: a byte order mark is not part of the text (editors do not show it either). */
function dslSourceFile({ path, text }: DslSource): SourceFile {
  return new SourceFile(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function readDslSource(source: DslSource, sink: DiagnosticSink): DslDocument {
  const file = dslSourceFile(source);
  if (source.problem) {
    reportInputProblem(file, source.problem, DSL_INPUT_CODES, sink, source.text.length - file.text.length);
    if (source.problem.kind === "too-large") return { items: [], comments: [] };
  }
  return parseDslDocument(file, sink);
}

