/**
 * `policyc explain`: why the policy decides a request as it does — how the
 * user got each role, which permission, pattern and chain of action groups
 * granted each part of it, and for a deny what is missing, what almost
 * matched and what would allow it. The policy is compiled with provenance,
 * so every part names where it is written; a compiled policy.json has
 * locations only when it was compiled with `--provenance`.
 */
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { compile } from "../../index.js";
import type { Flavor } from "../../model/types.js";
import { loadTable, type Policy } from "../../runtime/index.js";
import type { Explanation } from "../../table/explanation.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { formatExplanationText } from "../explanation-text.js";
import { renderDiagnostics } from "../output.js";
import { describeError, readPolicyInput } from "../read-input.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";
import { loadPolicy } from "./check.js";

type ExplainFormat = "text" | "json";

interface ExplainOptions {
  readonly request?: string;
  readonly requests?: string;
  readonly settings?: string;
  readonly flavor?: string;
  readonly format?: string;
}

/** One request to explain: its text as given, and the line it is on in a `--requests` file. */
interface RequestText {
  readonly text: string;
  readonly line?: number;
  readonly source?: string;
}

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("explain a decision: the roles and how the user got them, what granted the request or what is missing, and what would allow it")
    .argument("<policy...>", "configuration directory, YAML files, .policy files or a compiled policy.json")
    .option("--request <json>", 'the request as JSON, e.g. \'{"user": {"name": "judy"}, "action": "cluster:monitor/health"}\'')
    .option("--requests <file>", "requests, one JSON object per line; `-` reads standard input")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option("--format <format>", "`text` for people or `json` (one explanation per line); default: `text` on a terminal, else `json`")
    .action((paths: string[], options: ExplainOptions) => {
      const format = explainFormat(options.format, process.stdout.isTTY === true);
      const requests = requestTexts(options);
      const policy = loadExplainablePolicy(paths, options.settings, flavorOption(options.flavor));
      if (!policy) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const explained = requests.map((request) => explainOne(policy, request));
      process.stdout.write(format === "json" ? explained.map(({ explanation }) => JSON.stringify(explanation) + "\n").join("") : explained.map(textBlock).join("\n"));
      process.exitCode = EXIT_OK;
    });
}

/** `--format`, or the default: text for a person at a terminal, JSON for a program reading a pipe. */
export function explainFormat(value: string | undefined, terminal: boolean): ExplainFormat {
  if (value === undefined) return terminal ? "text" : "json";
  if (value === "text" || value === "json") return value;
  throw new CliError(`unknown format \`${value}\`; use \`text\` or \`json\``);
}

/**
 * The policy, compiled with provenance so that explanations name where
 * everything is written; a compiled decision table as it is. Diagnostics go
 * to standard error; undefined when the policy has errors.
 */
export function loadExplainablePolicy(paths: readonly string[], settingsPath: string | undefined, flavor: Flavor | undefined): Policy | undefined {
  if (readPolicyInput(paths).kind === "table") return loadPolicy(paths, settingsPath, "text", flavor);
  const result = compile(readCompileInput(paths, settingsPath, flavor), { provenance: true, module: false });
  process.stderr.write(renderDiagnostics(result.diagnostics, "text"));
  return result.table ? loadTable(result.table) : undefined;
}

function requestTexts(options: ExplainOptions): RequestText[] {
  if (options.request !== undefined && options.requests !== undefined) throw new CliError("give either `--request` or `--requests`, not both");
  if (options.request !== undefined) return [{ text: options.request }];
  if (options.requests === undefined) throw new CliError("give the request with `--request '<json>'`, or a file of requests with `--requests <file>`");
  const source = options.requests;
  return readRequests(source)
    .split("\n")
    .map((text, i) => ({ text, line: i + 1, source: source === "-" ? "<stdin>" : source }))
    .filter((request) => request.text.trim() !== "");
}

function readRequests(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read requests from \`${path}\`: ${describeError(error)}`);
  }
}

interface Explained {
  readonly request: RequestText;
  readonly value: unknown;
  readonly explanation: Explanation;
}

/**
 * `--request` must be JSON (a usage error otherwise); a line of `--requests`
 * that is not is explained as a malformed request naming its line, as
 * `policyc check` answers it, and the run goes on.
 */
function explainOne(policy: Policy, request: RequestText): Explained {
  let value: unknown;
  try {
    value = JSON.parse(request.text);
  } catch (error) {
    const reason = `not valid JSON (${(error as Error).message})`;
    if (request.line === undefined) throw new CliError(`\`--request\` is ${reason}`);
    return { request, value: request.text, explanation: unreadableLine(policy, request.line, reason) };
  }
  const explanation = policy.explain(value);
  const { error } = explanation.decision;
  if (request.line === undefined || error === undefined) return { request, value, explanation };
  return { request, value, explanation: { ...explanation, decision: { ...explanation.decision, error: `line ${request.line}: ${error}` } } };
}

/** A line that is not JSON, explained as the runtime explains a malformed request. */
function unreadableLine(policy: Policy, line: number, reason: string): Explanation {
  return {
    decision: { decision: "deny", roles: [], missing: [], error: `line ${line}: ${reason}` },
    rule: "malformed",
    summary: `the request is malformed: ${reason}`,
    roles: [],
    grants: [],
    missing: [],
    suggestions: [],
    provenance: policy.table.provenance !== undefined,
  };
}

function textBlock({ request, value, explanation }: Explained): string {
  const heading = request.line !== undefined ? `# ${request.source}:${request.line}\n` : "";
  return heading + formatExplanationText(value, explanation);
}
