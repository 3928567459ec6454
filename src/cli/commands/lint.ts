/**
 * `policyc lint`: everything `validate` reports, lint findings (PC8xxx)
 * included, for a gate that fails on warnings too: exit 1 when there is any
 * error or warning, 0 when the policy is clean (notes, severity `info`, are
 * printed but fail nothing). The rules are in docs/lint-rules.md.
 */
import type { Command } from "commander";
import { validate } from "../../index.js";
import { EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { diagnosticFormat, renderDiagnostics } from "../output.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";

export function registerLint(program: Command): void {
  program
    .command("lint")
    .description("report grants that do nothing, repeat others or reach too far, with every other problem; exit 1 on any warning or error")
    .argument("<policy...>", "configuration directory or YAML files, or .policy files")
    .option("--format <format>", "`text`, `json` or `sarif` (SARIF 2.1.0, for code scanning)", "text")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .action((paths: string[], options: { format: string; settings?: string; flavor?: string }) => {
      const format = diagnosticFormat(options.format);
      const { diagnostics } = validate(readCompileInput(paths, options.settings, flavorOption(options.flavor)));
      process.stdout.write(renderDiagnostics(diagnostics, format));
      process.exitCode = diagnostics.some((d) => d.severity !== "info") ? EXIT_POLICY_ERRORS : EXIT_OK;
    });
}
