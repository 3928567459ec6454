import type { Command } from "commander";
import { join } from "node:path";
import { compile, type CompileInput } from "../../index.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { diagnosticFormat, renderDiagnostics, type DiagnosticFormat } from "../output.js";
import { describeError } from "../read-input.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";
import { watchCompile, type WatchedBuild } from "../watch.js";
import { writeFileAtomic } from "../write-atomic.js";

interface CompileOptions {
  readonly out: string;
  readonly settings?: string;
  readonly flavor?: string;
  readonly js?: boolean;
  readonly format: string;
  readonly watch?: boolean;
  readonly provenance?: boolean;
}

export function registerCompile(program: Command): void {
  program
    .command("compile")
    .description("compile a policy into <out>/policy.json, the decision table, and <out>/policy.ts, the module that decides with it")
    .argument("<policy...>", "configuration directory or YAML files, or .policy files")
    .requiredOption("--out <dir>", "directory to write the outputs to")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option("--js", "also write <out>/policy.js (ECMAScript module) and <out>/policy.d.ts")
    .option("--provenance", "keep in the table where every grant came from, for `explain` and `who-can` (and `explain` in the module)")
    .option("--format <format>", "diagnostics on standard error as `text`, `json` or `sarif`", "text")
    .option("--watch", "compile again whenever an input changes, keeping the last good outputs; stop with Ctrl+C")
    .action((paths: string[], options: CompileOptions) => {
      const build = compileBuild(paths, options, diagnosticFormat(options.format));
      if (options.watch) {
        const target = { paths, ...(options.settings !== undefined ? { settings: options.settings } : {}) };
        watchCompile(target, build, (line) => process.stderr.write(`${line}\n`));
        return;
      }
      process.exitCode = build.compile(build.read()) === 0 ? EXIT_OK : EXIT_POLICY_ERRORS;
    });
}

/** Reading the inputs, and compiling them into the outputs, which are written only when there is no error. */
function compileBuild(paths: readonly string[], options: CompileOptions, format: DiagnosticFormat): WatchedBuild {
  const flavor = flavorOption(options.flavor);
  return {
    read: () => readCompileInput(paths, options.settings, flavor),
    compile: (input: CompileInput) => {
      const result = compile(input, { js: options.js === true, provenance: options.provenance === true });
      process.stderr.write(renderDiagnostics(result.diagnostics, format));
      if (!result.outputs) return Math.max(1, result.diagnostics.filter((d) => d.severity === "error").length);
      writeOutputs(options.out, result.outputs);
      return 0;
    },
  };
}

function writeOutputs(directory: string, outputs: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(outputs)) {
    const target = join(directory, name);
    try {
      writeFileAtomic(target, text);
    } catch (error) {
      throw new CliError(`cannot write \`${target}\`: ${describeError(error)}`);
    }
  }
}
