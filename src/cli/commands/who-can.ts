/**
 * `policyc who-can <policy...> <action>`: every role that grants an action
 * (on an index, in a tenant) and everyone who reaches those roles. The
 * policy is compiled with provenance, so the answer names file:line:col.
 */
import type { Command } from "commander";
import { whoCan } from "../../analyze/who-can.js";
import { formatWhoCanText } from "../../analyze/who-can-text.js";
import { compile, type CompileInput } from "../../index.js";
import type { Flavor } from "../../model/types.js";
import { loadTable, TableFormatError } from "../../runtime/index.js";
import type { DecisionTable } from "../../table/types.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { renderDiagnostics } from "../output.js";
import { readPolicyInput } from "../read-input.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";

interface WhoCanOptions {
  readonly index?: string;
  readonly tenant?: string;
  readonly settings?: string;
  readonly flavor?: string;
  readonly format: string;
}

export function registerWhoCan(program: Command): void {
  program
    .command("who-can")
    .usage("[options] <policy...> <action>")
    .description("list every role that grants an action, and every user, backend role and host pattern that reaches those roles")
    .argument("<policy...>", "configuration directory, YAML files, .policy files or a compiled policy.json, then the action")
    .option("--index <name>", "the index the action is on (index actions)")
    .option("--tenant <name>", "the Dashboards tenant of the request")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option("--format <format>", "`text` or `json`", "text")
    .action((args: string[], options: WhoCanOptions) => {
      const format = textOrJson(options.format);
      if (args.length < 2) throw new CliError("give the policy and then the action, e.g. `policyc who-can config indices:data/read/search`");
      const action = args[args.length - 1]!;
      const table = loadAnalysisTable(args.slice(0, -1), options.settings, flavorOption(options.flavor));
      if (!table) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const query = { action, ...(options.index !== undefined ? { index: options.index } : {}), ...(options.tenant !== undefined ? { tenant: options.tenant } : {}) };
      const answer = whoCan(table, query);
      process.stdout.write(format === "json" ? JSON.stringify(answer, null, 2) + "\n" : formatWhoCanText(answer));
      process.exitCode = EXIT_OK;
    });
}

function textOrJson(value: string): "text" | "json" {
  if (value === "text" || value === "json") return value;
  throw new CliError(`unknown format \`${value}\`; use \`text\` or \`json\``);
}

/**
 * The policy's decision table with provenance: compiled from its sources
 * (diagnostics on standard error; undefined on errors), or a compiled table
 * read as it is (with the provenance it was compiled with, if any).
 */
export function loadAnalysisTable(paths: readonly string[], settingsPath: string | undefined, flavor: Flavor | undefined): DecisionTable | undefined {
  const input = readPolicyInput(paths);
  if (input.kind === "table") {
    if (settingsPath !== undefined) throw new CliError("`--settings` applies when compiling; a decision table already holds its settings");
    if (flavor !== undefined) throw new CliError("`--flavor` applies when compiling; a decision table already holds its flavor");
    return parseTable(input.file.path, input.file.text);
  }
  return compileForAnalysis(readCompileInput(paths, settingsPath, flavor));
}

/** Compiles with provenance and without the module; prints the diagnostics as text on standard error. */
export function compileForAnalysis(input: CompileInput): DecisionTable | undefined {
  const result = compile(input, { provenance: true, module: false });
  process.stderr.write(renderDiagnostics(result.diagnostics, "text"));
  return result.table;
}

export function parseTable(path: string, text: string): DecisionTable {
  try {
    return loadTable(JSON.parse(text)).table;
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof TableFormatError) throw new CliError(`\`${path}\`: ${error.message}`);
    throw error;
  }
}
