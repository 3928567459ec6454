import type { Diagnostic } from "../diagnostic.js";
import type { SourceSpan } from "../source-file.js";

/** A location as tools read it: 1-based lines and columns, end exclusive. */
export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  location: JsonLocation | null;
  help?: string;
  related: { message: string; location: JsonLocation }[];
}

export function toJsonLocation(span: SourceSpan): JsonLocation {
  const start = span.file.lineColumn(span.start);
  const end = span.file.lineColumn(span.end);
  return { file: span.file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function toJsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    location: diagnostic.span ? toJsonLocation(diagnostic.span) : null,
    ...(diagnostic.help !== undefined ? { help: diagnostic.help } : {}),
    related: diagnostic.related.map((r) => ({ message: r.message, location: toJsonLocation(r.span) })),
  };
}
