/**
 * The `policyc` command line. Exit codes: 0 ok, 1 policy errors, 2 usage or
 * input/output errors. Diagnostics never come with a stack trace.
 */
import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check.js";
import { registerCompile } from "./commands/compile.js";
import { registerConvert } from "./commands/convert.js";
import { registerExplain } from "./commands/explain.js";
import { registerFmt } from "./commands/fmt.js";
import { registerLint } from "./commands/lint.js";
import { registerLsp } from "./commands/lsp.js";
import { registerTest } from "./commands/test.js";
import { registerValidate } from "./commands/validate.js";
import { registerWhoami } from "./commands/whoami.js";
import { registerWhoCan } from "./commands/who-can.js";
import { registerDiff } from "./commands/diff.js";
import { CliError, EXIT_USAGE } from "./exit-codes.js";

export function buildProgram(): Command {
  const program = new Command("policyc")
    .description("compile OpenSearch Security policies into decision tables and decide requests offline")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerCompile(program);
  registerCheck(program);
  registerWhoami(program);
  registerWhoCan(program);
  registerDiff(program);
  registerExplain(program);
  registerTest(program);
  registerValidate(program);
  registerLint(program);
  registerConvert(program);
  registerFmt(program);
  registerLsp(program);
  return program;
}

export function main(argv: readonly string[]): void {
  try {
    buildProgram().parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`policyc: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
