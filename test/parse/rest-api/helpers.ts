/** Shared helpers of the REST API front end's tests: diagnostics as `line:col CODE` and compiling scripts. */
import { compile, type CompileResult } from "../../../src/index.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";

export function where(diagnostic: Diagnostic): string {
  const position = diagnostic.span ? diagnostic.span.file.lineColumn(diagnostic.span.start) : { line: 0, column: 0 };
  return `${diagnostic.span?.file.path ?? "-"}:${position.line}:${position.column} ${diagnostic.code}`;
}

export function listed(result: { readonly diagnostics: readonly Diagnostic[] }): string[] {
  return result.diagnostics.map((diagnostic) => `${where(diagnostic)} ${diagnostic.message}`);
}

/** Compiles one script, on top of the given base files. */
export function compileScript(path: string, text: string, base: Record<string, string> = {}): CompileResult {
  const baseFiles = Object.entries(base).map(([file, content]) => ({ path: file, text: content }));
  return compile({ files: [{ path, text }], ...(baseFiles.length > 0 ? { base: baseFiles } : {}) });
}

export const ROLES_YML = `_meta:
  type: "roles"
  config_version: 2
app_reader:
  cluster_permissions: ["cluster:monitor/health"]
locked:
  reserved: true
  cluster_permissions: ["cluster:monitor/health"]
secret_role:
  hidden: true
  cluster_permissions: []
`;
