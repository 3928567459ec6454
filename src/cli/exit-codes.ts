/** The CLI's exit codes, shared by every command and documented in the README. */
export const EXIT_OK = 0;
/** The policy has errors (or, for `test`-like commands, expectations failed). */
export const EXIT_POLICY_ERRORS = 1;
/** Wrong usage, or a file that cannot be read or written. */
export const EXIT_USAGE = 2;

/** An error that ends a command with a message and an exit code instead of a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}
