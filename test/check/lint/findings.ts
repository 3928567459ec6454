/**
 * What the lint tests compare: the diagnostics a policy gets, as
 * `file:line:col CODE` (or with the message), for the codes a test is about.
 */
import { validate, type Diagnostic } from "../../../src/index.js";
import { withMeta, type ConfigFiles } from "../../helpers/policy.js";

/** A configuration directory by base name (`_meta` added), or the text of one `.policy` file. */
export type LintInput = ConfigFiles | string;

export function diagnosticsOf(input: LintInput): readonly Diagnostic[] {
  const files = typeof input === "string" ? [{ path: "app.policy", text: input }] : withMeta(input);
  return validate({ files }).diagnostics;
}

function where(diagnostic: Diagnostic): string {
  const span = diagnostic.span!;
  const { line, column } = span.file.lineColumn(span.start);
  return `${span.file.path}:${line}:${column}`;
}

/** `roles.yml:6:9 PC8002` for each diagnostic of the given code. */
export function placesOf(input: LintInput, code: string): string[] {
  return diagnosticsOf(input)
    .filter((diagnostic) => diagnostic.code === code)
    .map((diagnostic) => `${where(diagnostic)} ${diagnostic.code}`);
}

/** The diagnostics of the given code, with place, message and help. */
export function findingsOf(input: LintInput, code: string): { place: string; message: string; help?: string; suggestion?: string }[] {
  return diagnosticsOf(input)
    .filter((diagnostic) => diagnostic.code === code)
    .map((diagnostic) => ({
      place: where(diagnostic),
      message: diagnostic.message,
      ...(diagnostic.help !== undefined ? { help: diagnostic.help } : {}),
      ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {}),
    }));
}

/** Every lint code (PC8xxx) a policy gets. */
export function lintCodesOf(input: LintInput): string[] {
  return diagnosticsOf(input)
    .map((diagnostic) => diagnostic.code)
    .filter((code) => code.startsWith("PC8"));
}
