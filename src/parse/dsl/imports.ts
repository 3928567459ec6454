/**
 * `import "file.policy"`: paths relative to the importing file, resolved as
 * strings with POSIX semantics (the CLI reads the files; nothing here touches
 * the file system).
 */
import { posix } from "node:path";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { code } from "../../diagnostics/message-text.js";
import type { DslDocument } from "./ast.js";

/** A file an import names, resolved against the importing file's directory. */
export interface DslImportTarget {
  readonly path: string;
  readonly span?: SourceSpan;
}

/** The files `document` (read from `fromPath`) imports, in order. */
export function dslImports(document: DslDocument, fromPath: string): DslImportTarget[] {
  const directory = posix.dirname(fromPath);
  return document.items.flatMap((item) => {
    if (item.kind !== "import") return [];
    const path = posix.normalize(posix.isAbsolute(item.path.value) ? item.path.value : posix.join(directory, item.path.value));
    return [{ path, ...(item.path.span ? { span: item.path.span } : {}) }];
  });
}

/** Reports each import of a file that is not among `paths` (compared after normalizing). */
export function checkImportsPresent(document: DslDocument, fromPath: string, paths: readonly string[], sink: DiagnosticSink): void {
  const present = new Set(paths.map((path) => posix.normalize(path)));
  for (const target of dslImports(document, fromPath)) {
    if (present.has(target.path)) continue;
    sink.report("PC1009", `imported file ${code(target.path)} is not part of the input`, target.span, {
      help: "give the imported file too, or compile the importing file from the command line, which reads its imports",
    });
  }
}
