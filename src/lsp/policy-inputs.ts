/**
 * The files a document is checked with, as `policyc validate` reads them: a
 * YAML file with the other YAML files of its directory, a `.policy` file
 * with the files it imports (or, when an open `.policy` file imports it, with
 * that file's imports). The texts of open documents win over the disk, so
 * every file is checked as the editor shows it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { dslImports, parseDslDocument } from "../parse/dsl/index.js";
import { classifyFile } from "../parse/yaml/index.js";

export interface SourceText {
  readonly path: string;
  readonly text: string;
}

/** The documents open in the editor, by path. */
export interface OpenTexts {
  text(path: string): string | undefined;
  paths(): readonly string[];
}

/** Which front end reads a file; undefined for files that are no part of a policy. */
export function policyLanguage(path: string): "dsl" | "yaml" | undefined {
  if (/\.policy$/i.test(path)) return "dsl";
  return classifyFile(path).kind === "other" ? undefined : "yaml";
}

/** The files to check a policy document with; empty for a document that is no part of a policy. */
export function policyInputFor(path: string, open: OpenTexts): SourceText[] {
  switch (policyLanguage(path)) {
    case "dsl":
      return dslInputFor(path, open);
    case "yaml":
      return yamlInputFor(path, open);
    case undefined:
      return [];
  }
}

/** The policy files of the document's directory, on disk or open, in name order (as the CLI reads a directory). */
function yamlInputFor(path: string, open: OpenTexts): SourceText[] {
  const directory = dirname(path);
  const siblings = open.paths().filter((other) => dirname(other) === directory);
  const paths = new Set([path, ...policyFilesIn(directory), ...siblings].filter((file) => policyLanguage(file) === "yaml"));
  return [...paths].sort(byBaseName).flatMap((file) => readSource(file, open));
}

function policyFilesIn(directory: string): string[] {
  try {
    return readdirSync(directory)
      .filter((name) => extname(name) === ".yml" || extname(name) === ".yaml")
      .map((name) => join(directory, name));
  } catch {
    return []; // a new document in a directory that does not exist (yet)
  }
}

function byBaseName(a: string, b: string): number {
  const [nameA, nameB] = [basename(a), basename(b)];
  return nameA < nameB ? -1 : nameA > nameB ? 1 : 0;
}

/**
 * The document's import closure, or the largest closure of an open `.policy`
 * file that holds the document: a file meant to be imported is checked
 * together with what its importer defines.
 */
function dslInputFor(path: string, open: OpenTexts): SourceText[] {
  let best = importClosure(path, open);
  for (const root of open.paths()) {
    if (root === path || policyLanguage(root) !== "dsl") continue;
    const closure = importClosure(root, open);
    if (closure.length > best.length && closure.some((file) => file.path === path)) best = closure;
  }
  return best;
}

/** A file and, after it, the files it imports, depth first, each once (as `policyc validate` reads them). */
export function importClosure(root: string, open: OpenTexts): SourceText[] {
  const files: SourceText[] = [];
  const seen = new Set<string>();
  const stack = [root];
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const [source] = readSource(path, open);
    if (!source) continue; // the compiler reports the import of a missing file (PC1009)
    files.push(source);
    const document = parseDslDocument(new SourceFile(path, source.text), new DiagnosticSink());
    stack.push(...dslImports(document, path).map((target) => target.path).reverse());
  }
  return files;
}

function readSource(path: string, open: OpenTexts): SourceText[] {
  const text = open.text(path);
  if (text !== undefined) return [{ path, text }];
  try {
    return [{ path, text: readFileSync(path, "utf8") }];
  } catch {
    return [];
  }
}
