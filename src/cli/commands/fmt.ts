/**
 * `policyc fmt`: rewrites `.policy` files in the canonical layout
 * (grammar/README.md). A file with syntax errors is reported and left as it
 * is; a formatted file is written only when its text changes, atomically.
 */
import type { Command } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatPolicyText, FormatChangedMeaningError } from "../../format-policy.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { renderDiagnostics } from "../output.js";
import { describeError, readText } from "../read-input.js";
import { writeFileAtomic } from "../write-atomic.js";

interface FmtOptions {
  readonly check?: boolean;
  readonly stdout?: boolean;
}

/** One file's outcome: its formatted text, or the syntax errors that stop formatting it. */
type Formatted = { readonly path: string; readonly original: string; readonly text: string } | { readonly path: string; readonly errors: readonly Diagnostic[] };

export function registerFmt(program: Command): void {
  program
    .command("fmt")
    .description("rewrite .policy files in the canonical layout, keeping every comment in place")
    .argument("<files...>", ".policy files")
    .option("--check", "write nothing; list the files that are not formatted and exit 1 if there are any")
    .option("--stdout", "print the formatted text of the one file given instead of rewriting it")
    .action((paths: string[], options: FmtOptions) => {
      if (options.check && options.stdout) throw new CliError("`--check` and `--stdout` cannot be used together");
      if (options.stdout && paths.length !== 1) throw new CliError("`--stdout` formats exactly one file");
      const results = paths.map(formatFile);
      const errors = results.flatMap((result) => ("errors" in result ? result.errors : []));
      process.stderr.write(renderDiagnostics(errors, "text"));
      const formatted = results.flatMap((result) => ("text" in result ? [result] : []));
      const unformatted = formatted.filter((result) => result.text !== result.original);
      if (options.stdout) formatted.forEach((result) => process.stdout.write(result.text));
      else if (options.check) process.stdout.write(unformatted.map((result) => `${result.path}\n`).join(""));
      else unformatted.forEach((result) => writeFormatted(result.path, result.text));
      const failed = errors.length > 0 || (options.check === true && unformatted.length > 0);
      process.exitCode = failed ? EXIT_POLICY_ERRORS : EXIT_OK;
    });
}

function formatFile(path: string): Formatted {
  if (!path.toLowerCase().endsWith(".policy")) throw new CliError(`\`${path}\` is not a .policy file; \`fmt\` formats the DSL only`);
  const { text, problem } = readText(path);
  // Formatting would write U+FFFD over the bytes that are not UTF-8, or an empty file over one never read.
  if (problem) throw new CliError(`\`${path}\` ${problem.kind === "too-large" ? "is too large to format" : `is not valid UTF-8 (byte ${problem.bytes} at byte offset ${problem.byteOffset})`}; it is left unchanged`);
  try {
    const result = formatPolicyText(path, text);
    return "errors" in result ? { path, errors: result.errors } : { path, original: text, text: result.text };
  } catch (error) {
    if (error instanceof FormatChangedMeaningError) throw new CliError(`internal error: ${error.message}; please report this`);
    throw error;
  }
}

function writeFormatted(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(`cannot write \`${path}\`: ${describeError(error)}`);
  }
}
