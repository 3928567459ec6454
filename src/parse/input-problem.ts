/**
 * Problems with a file's bytes, found when it is read (the CLI reads files;
 * an editor sends text it has already decoded) and reported by the front end
 * that reads the file, at the place they concern: a byte sequence that is not
 * UTF-8 would otherwise become U+FFFD silently, and a file too large to hold
 * is never decoded at all.
 */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { spanOf, type SourceFile } from "../diagnostics/source-file.js";

export type InputProblem =
  | {
      readonly kind: "invalid-utf8";
      /** Where the first byte that is not UTF-8 is, in the file's bytes. */
      readonly byteOffset: number;
      /** Where its replacement character is in the decoded text (UTF-16 units). */
      readonly offset: number;
      /** The offending bytes in hexadecimal, e.g. `0xC3 0x28`. */
      readonly bytes: string;
    }
  | { readonly kind: "too-large"; readonly byteLength: number; readonly limit: number };

/** The codes a front end reports input problems with. */
export interface InputProblemCodes {
  readonly encoding: DiagnosticCode;
  readonly size: DiagnosticCode;
}

/**
 * Reports an input problem of `file`. `shift` is how many characters the
 * front end dropped from the start of the text (a byte order mark).
 */
export function reportInputProblem(file: SourceFile, problem: InputProblem, codes: InputProblemCodes, sink: DiagnosticSink, shift = 0): void {
  if (problem.kind === "too-large") {
    const message = `the file has ${problem.byteLength} bytes; policyc reads files of at most ${problem.limit} bytes`;
    sink.report(codes.size, message, spanOf(file, 0));
    return;
  }
  const at = Math.max(0, problem.offset - shift);
  const bytes = problem.bytes.includes(" ") ? `bytes ${problem.bytes} at byte offset ${problem.byteOffset} are` : `byte ${problem.bytes} at byte offset ${problem.byteOffset} is`;
  const message = `the file is not valid UTF-8: ${bytes} read as U+FFFD`;
  sink.report(codes.encoding, message, spanOf(file, at, Math.min(at + 1, file.text.length)), {
    help: "save the file as UTF-8 (it may be in Latin-1 or Windows-1252); the plugin would read the replacement character too",
  });
}
