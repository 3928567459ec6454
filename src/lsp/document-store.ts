/**
 * The documents the editor has open: their texts (kept in sync by
 * vscode-languageserver's TextDocuments, incremental edits included) and the
 * mapping between their URIs and the paths the compiler names files by.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { isAbsolute } from "node:path";
import type { TextDocuments } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { builtinFilePath } from "../parse/yaml/builtin-policy.js";
import type { OpenTexts } from "./policy-inputs.js";

export class DocumentStore implements OpenTexts {
  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The open document at a URI. */
  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  text(path: string): string | undefined {
    return this.documentAt(path)?.getText();
  }

  paths(): string[] {
    return this.documents.all().map(documentPath);
  }

  /** The open document whose path is `path`. */
  documentAt(path: string): TextDocument | undefined {
    return this.documents.all().find((document) => documentPath(document) === path);
  }

  /** The URI of a file the compiler named: an open document's own, a built-in's file in the package, or a file URL. */
  uriOf(path: string): string {
    const open = this.documentAt(path);
    if (open) return open.uri;
    const file = builtinFilePath(path) ?? path;
    return isAbsolute(file) ? pathToFileURL(file).href : file;
  }
}

/**
 * The path the compiler reads a document as: its file path, or for an unsaved
 * document its URI (with `.policy` added for the policyc language, so that
 * it is read as the DSL).
 */
export function documentPath(document: Pick<TextDocument, "uri" | "languageId">): string {
  if (document.uri.startsWith("file:")) return fileURLToPath(document.uri);
  const needsEnding = document.languageId === "policyc" && !/\.policy$/i.test(document.uri);
  return needsEnding ? `${document.uri}.policy` : document.uri;
}
