import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { compile } from "../../index.js";
import { loadTable, TableFormatError, type Policy } from "../../runtime/index.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { diagnosticFormat, renderDiagnostics, type DiagnosticFormat } from "../output.js";
import { describeError, readPolicyInput } from "../read-input.js";
import { BASE_DESCRIPTION, BASE_FLAGS, collectPaths, FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";
import type { Flavor } from "../../model/types.js";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("decide requests (JSON lines) as the plugin would, one decision per line")
    .argument("<policy...>", "configuration directory, YAML files, .policy files or a compiled policy.json")
    .requiredOption("--requests <file>", "requests, one JSON object per line; `-` reads standard input")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option(BASE_FLAGS, BASE_DESCRIPTION, collectPaths)
    .option("--format <format>", "the policy's diagnostics on standard error as `text`, `json` or `sarif`", "text")
    .action((paths: string[], options: { requests: string; settings?: string; flavor?: string; format: string; base?: string[] }) => {
      const policy = loadPolicy(paths, options.settings, diagnosticFormat(options.format), flavorOption(options.flavor), options.base);
      if (!policy) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const lines = readRequests(options.requests).split("\n");
      let out = "";
      lines.forEach((line, i) => {
        if (line.trim() === "") return;
        out += JSON.stringify(decideLine(policy, line, i + 1)) + "\n";
      });
      process.stdout.write(out);
      process.exitCode = EXIT_OK;
    });
}

export function loadPolicy(paths: readonly string[], settingsPath: string | undefined, format: DiagnosticFormat = "text", flavor?: Flavor, basePaths?: readonly string[]): Policy | undefined {
  const input = readPolicyInput(paths);
  if (input.kind === "table") {
    if (settingsPath !== undefined) throw new CliError("`--settings` applies when compiling; a decision table already holds its settings");
    if (flavor !== undefined) throw new CliError("`--flavor` applies when compiling; a decision table already holds its flavor");
    try {
      return loadTable(JSON.parse(input.file.text));
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof TableFormatError) throw new CliError(`\`${input.file.path}\`: ${error.message}`);
      throw error;
    }
  }
  const result = compile(readCompileInput(paths, settingsPath, flavor, basePaths));
  process.stderr.write(renderDiagnostics(result.diagnostics, format));
  return result.table ? loadTable(result.table) : undefined;
}

function readRequests(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read requests from \`${path}\`: ${describeError(error)}`);
  }
}

/** A line that is not JSON is denied with an error that names the line, and the run goes on. */
function decideLine(policy: Policy, line: string, lineNumber: number): object {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch (error) {
    return { decision: "deny", error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` };
  }
  const decision = policy.authorize(request);
  return decision.error === undefined ? decision : { ...decision, error: `line ${lineNumber}: ${decision.error}` };
}
