import type { Command } from "commander";
import { join } from "node:path";
import { compile } from "../../index.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { renderDiagnostics } from "../output.js";
import { describeError } from "../read-input.js";
import { readCompileInput } from "../sources.js";
import { writeFileAtomic } from "../write-atomic.js";

export function registerCompile(program: Command): void {
  program
    .command("compile")
    .description("compile a policy into <out>/policy.json, the decision table, and <out>/policy.ts, the module that decides with it")
    .argument("<policy...>", "configuration directory or YAML files, or .policy files")
    .requiredOption("--out <dir>", "directory to write the outputs to")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option("--js", "also write <out>/policy.js (ECMAScript module) and <out>/policy.d.ts")
    .action((paths: string[], options: { out: string; settings?: string; js?: boolean }) => {
      const result = compile(readCompileInput(paths, options.settings), { js: options.js === true });
      process.stderr.write(renderDiagnostics(result.diagnostics, "text"));
      if (!result.outputs) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      for (const [name, text] of Object.entries(result.outputs)) {
        const target = join(options.out, name);
        try {
          writeFileAtomic(target, text);
        } catch (error) {
          throw new CliError(`cannot write \`${target}\`: ${describeError(error)}`);
        }
      }
      process.exitCode = EXIT_OK;
    });
}
