import type { SourceSpan } from "./source-file.js";
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "./codes.js";

export type Severity = "error" | "warning" | "info";

/** Another place that explains a diagnostic: a first definition, a cycle's next hop. */
export interface RelatedLocation {
  readonly message: string;
  readonly span: SourceSpan;
}

/**
 * The one diagnostic type of policyc, used by every stage, the CLI and the
 * language server. Messages are lowercase, put names in backticks and carry
 * no line breaks; hints go to `help`.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Absent only for problems that belong to no file (a missing directory). */
  readonly span?: SourceSpan;
  readonly help?: string;
  readonly related: readonly RelatedLocation[];
  /** The name a "did you mean" proposes instead of the text at `span` (an editor's quick fix). */
  readonly suggestion?: string;
}

export interface DiagnosticOptions {
  help?: string;
  related?: RelatedLocation[];
  /** Overrides the catalog's severity (used where a flavor or setting changes it). */
  severity?: Severity;
  /** The replacement a "did you mean" proposes for the text at the span. */
  suggestion?: string;
}

/** Collects diagnostics; every stage takes one and never throws for bad input. */
export class DiagnosticSink {
  private readonly items: Diagnostic[] = [];

  report(code: DiagnosticCode, message: string, span: SourceSpan | undefined, options: DiagnosticOptions = {}): void {
    const diagnostic: Diagnostic = {
      code,
      severity: options.severity ?? DIAGNOSTIC_CODES[code].severity,
      message,
      ...(span ? { span } : {}),
      ...(options.help !== undefined ? { help: options.help } : {}),
      related: options.related ?? [],
      ...(options.suggestion !== undefined ? { suggestion: options.suggestion } : {}),
    };
    this.items.push(diagnostic);
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.items;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/**
 * Sorts diagnostics by file, position, code and message, and drops exact
 * repeats (the same code at the same place), so output is deterministic.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return sorted.filter((d, i) => i === 0 || !sameDiagnostic(sorted[i - 1]!, d));
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.span?.file.path ?? "";
  const fileB = b.span?.file.path ?? "";
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  const startA = a.span?.start ?? -1;
  const startB = b.span?.start ?? -1;
  if (startA !== startB) return startA - startB;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return compareDiagnostics(a, b) === 0 && a.span?.end === b.span?.end;
}
