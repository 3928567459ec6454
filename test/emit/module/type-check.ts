/**
 * Type-checks generated files in memory with the TypeScript compiler API,
 * as `tsc --strict --noEmit` would: ES2022 library only (no DOM, no Node
 * types), so the module is shown not to depend on either, and with every
 * stricter option a consumer's tsconfig may turn on.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

const VIRTUAL_ROOT = "/generated/";

/** Library files are parsed once for every check of the test run. */
const libraryFiles = new Map<string, ts.SourceFile>();

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noUnusedLocals: true,
  noUnusedParameters: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
};

/**
 * The diagnostics of checking `roots` among `files` (by name), as
 * `file:line: message` lines; none means the files type-check.
 */
export function typeCheck(files: Readonly<Record<string, string>>, roots: readonly string[], options: ts.CompilerOptions = {}): string[] {
  const compilerOptions = { ...STRICT_OPTIONS, ...options };
  const host = ts.createCompilerHost(compilerOptions);
  const virtual = (fileName: string) => (fileName.startsWith(VIRTUAL_ROOT) ? files[fileName.slice(VIRTUAL_ROOT.length)] : undefined);
  host.fileExists = (fileName) => virtual(fileName) !== undefined || (!fileName.startsWith(VIRTUAL_ROOT) && ts.sys.fileExists(fileName));
  host.readFile = (fileName) => virtual(fileName) ?? (fileName.startsWith(VIRTUAL_ROOT) ? undefined : ts.sys.readFile(fileName));
  host.directoryExists = (directory) => `${directory}/`.startsWith(VIRTUAL_ROOT) || ts.sys.directoryExists(directory);
  host.realpath = (path) => path;
  host.getCurrentDirectory = () => VIRTUAL_ROOT;
  host.getSourceFile = (fileName, languageVersion) => {
    const text = virtual(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    let library = libraryFiles.get(fileName);
    if (!library) {
      library = ts.createSourceFile(fileName, readFileSync(fileName, "utf8"), languageVersion, true);
      libraryFiles.set(fileName, library);
    }
    return library;
  };
  const program = ts.createProgram(roots.map((root) => VIRTUAL_ROOT + root), compilerOptions, host);
  return ts.getPreEmitDiagnostics(program).map(describeDiagnostic);
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}: ${message}`;
}
