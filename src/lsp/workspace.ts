/**
 * The language server's view of the policies being edited: for an open
 * document, the compiler's analysis of the files it is checked with, and the
 * conversions between editor positions and the analysed texts' offsets.
 */
import type { Location, Position, Range } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { SourceSpan } from "../diagnostics/source-file.js";
import { sourceFileOf } from "../parse/yaml/parse-file.js";
import { AnalysisCache, type PolicyAnalysis } from "./analysis.js";
import { documentPath, type DocumentStore } from "./document-store.js";
import { policyInputFor, policyLanguage } from "./policy-inputs.js";
import { bomShift, lineMapOf, spanRange } from "./positions.js";

/** An open document with the analysis of its policy. */
export interface AnalysedDocument {
  readonly document: TextDocument;
  /** The path the compiler names the document's file by. */
  readonly path: string;
  readonly language: "dsl" | "yaml";
  readonly analysis: PolicyAnalysis;
}

export class PolicyWorkspace {
  private readonly cache = new AnalysisCache();

  constructor(readonly store: DocumentStore) {}

  /** The document and its policy's analysis, up to date with every open text; undefined for a document that is no policy file. */
  analyse(uri: string): AnalysedDocument | undefined {
    const document = this.store.get(uri);
    if (!document) return undefined;
    const path = documentPath(document);
    const language = policyLanguage(path);
    if (!language) return undefined;
    return { document, path, language, analysis: this.cache.get(policyInputFor(path, this.store)) };
  }

  /** The offset in the analysed text of the document's file of an editor position. */
  offsetAt(target: AnalysedDocument, position: Position): number {
    const editorText = target.document.getText();
    return lineMapOf(editorText).offset(position) - bomShift(editorText, analysedText(target.path, editorText));
  }

  /** A span's range in the text the editor shows for its file. */
  rangeOf(span: SourceSpan): Range {
    const editorText = this.store.text(span.file.path);
    const sameText = editorText !== undefined && analysedText(span.file.path, editorText) === span.file.text;
    return spanRange(span, sameText ? editorText : span.file.text);
  }

  locationOf(span: SourceSpan): Location {
    return { uri: this.store.uriOf(span.file.path), range: this.rangeOf(span) };
  }
}

/** The text the compiler reads for a file's text: the YAML front end drops a byte order mark. */
function analysedText(path: string, text: string): string {
  return policyLanguage(path) === "dsl" ? text : sourceFileOf(path, text).text;
}
