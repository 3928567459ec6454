/**
 * The DSL front end: `.policy` files → syntax trees (for the formatter and
 * the converter) → the policy model. The language is grammar/README.md.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile } from "../../diagnostics/source-file.js";
import type { PolicyModel } from "../../model/types.js";
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
export function parseDslPolicy(files: readonly { path: string; text: string }[], sink: DiagnosticSink): PolicyModel {
  const documents = files.map(({ path, text }) => {
    const file = new SourceFile(path, text);
    return { file, document: parseDslDocument(file, sink) };
  });
  const paths = files.map(({ path }) => path);
  for (const { file, document } of documents) checkImportsPresent(document, file.path, paths, sink);
  return dslDocumentToModel(documents, sink);
}
