/**
 * What the API answers when it refuses a request: its HTTP status and its
 * reason, word for word, reported as an error at the part of the request it
 * is about.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../../diagnostics/codes.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";

export interface Refusal {
  readonly code: DiagnosticCode;
  readonly status: 400 | 403 | 404 | 500;
  /** The API's reason, as it writes it. */
  readonly reason: string;
  readonly span: SourceSpan;
  readonly help?: string;
  readonly suggestion?: string;
  /** The diagnostics that explain the refusal are out already (the schema check's, at the keys at fault). */
  readonly reported?: boolean;
}

const STATUS_TEXT: Readonly<Record<Refusal["status"], string>> = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" };

export function reportRefusal(refusal: Refusal, sink: DiagnosticSink): void {
  if (refusal.reported === true) return;
  const message = `the API refuses this request (${refusal.status} ${STATUS_TEXT[refusal.status]}): ${refusal.reason}`;
  sink.report(refusal.code, message, refusal.span, {
    ...(refusal.help !== undefined ? { help: refusal.help } : {}),
    ...(refusal.suggestion !== undefined ? { suggestion: refusal.suggestion } : {}),
  });
}
