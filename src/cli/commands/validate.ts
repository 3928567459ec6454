import type { Command } from "commander";
import { validate } from "../../index.js";
import { EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { diagnosticFormat, renderDiagnostics } from "../output.js";
import { BASE_DESCRIPTION, BASE_FLAGS, collectPaths, FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("report every problem of a policy, tsc-style (`file:line:col: error CODE: message`)")
    .argument("<policy...>", "configuration directory or YAML files, or .policy files")
    .option("--format <format>", "`text`, `json` or `sarif` (SARIF 2.1.0, for code scanning)", "text")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option(BASE_FLAGS, BASE_DESCRIPTION, collectPaths)
    .action((paths: string[], options: { format: string; settings?: string; flavor?: string; base?: string[] }) => {
      const format = diagnosticFormat(options.format);
      const result = validate(readCompileInput(paths, options.settings, flavorOption(options.flavor), options.base));
      process.stdout.write(renderDiagnostics(result.diagnostics, format));
      process.exitCode = result.diagnostics.some((d) => d.severity === "error") ? EXIT_POLICY_ERRORS : EXIT_OK;
    });
}
