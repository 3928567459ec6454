/**
 * `policyc whoami`: what the plugin's `_plugins/_security/authinfo` would
 * report of a user — mapped roles, backend roles, the tenants it may open —
 * for one user (`--user`) or one user per line of a file (`--users`).
 */
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import type { AuthInfo, Policy } from "../../runtime/index.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { describeError } from "../read-input.js";
import { formatAuthInfoText } from "../auth-info-text.js";
import { FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption } from "../sources.js";
import { loadPolicy } from "./check.js";

type WhoamiFormat = "json" | "text";

interface WhoamiOptions {
  readonly user?: string;
  readonly users?: string;
  readonly tenant?: string;
  readonly settings?: string;
  readonly flavor?: string;
  readonly format: string;
}

/** One answer: the user's authinfo, or what is wrong with its line. */
type Answer = { readonly info: AuthInfo } | { readonly error: string };

export function registerWhoami(program: Command): void {
  program
    .command("whoami")
    .description("print what the plugin's authinfo endpoint would report of a user: roles, backend roles, tenants")
    .argument("<policy...>", "configuration directory, YAML files, .policy files or a compiled policy.json")
    .option("--user <json>", 'the user as JSON, e.g. \'{"name": "judy", "backend_roles": ["IT"]}\'')
    .option("--users <file>", "users, one JSON object per line; `-` reads standard input")
    .option("--tenant <name>", "the Dashboards tenant the requests name (reported as `user_requested_tenant`)")
    .option("--settings <file>", "an opensearch.yml whose settings apply")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option("--format <format>", "`json` (one object per line) or `text`", "json")
    .action((paths: string[], options: WhoamiOptions) => {
      const format = whoamiFormat(options.format);
      const users = userSource(options);
      const policy = loadPolicy(paths, options.settings, "text", flavorOption(options.flavor));
      if (!policy) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const answers = users.kind === "one" ? [answerOne(policy, users.user, options.tenant)] : answerLines(policy, users.path, options.tenant);
      process.stdout.write(format === "json" ? answers.map(answerJson).join("") : answers.map(answerText).join("\n"));
      process.exitCode = EXIT_OK;
    });
}

function whoamiFormat(value: string): WhoamiFormat {
  if (value === "json" || value === "text") return value;
  throw new CliError(`unknown format \`${value}\`; use \`json\` or \`text\``);
}

/** Where the users come from; the JSON of `--user` is read before the policy is compiled. */
function userSource(options: WhoamiOptions): { kind: "one"; user: unknown } | { kind: "file"; path: string } {
  if (options.user !== undefined && options.users !== undefined) throw new CliError("give either `--user` or `--users`, not both");
  if (options.user !== undefined) return { kind: "one", user: parseUserOption(options.user) };
  if (options.users !== undefined) return { kind: "file", path: options.users };
  throw new CliError("give the user with `--user '<json>'`, or a file of users with `--users <file>`");
}

function parseUserOption(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CliError(`\`--user\` is not valid JSON (${(error as Error).message})`);
  }
}

/** The user of `--user`: a malformed one is a usage error. */
function answerOne(policy: Policy, user: unknown, tenant: string | undefined): Answer {
  try {
    return { info: policy.whoami(user, tenant) };
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(`\`--user\`: ${error.message}`);
    throw error;
  }
}

/** The users of `--users`: a malformed line is answered with an error naming it, and the run goes on. */
function answerLines(policy: Policy, path: string, tenant: string | undefined): Answer[] {
  const answers: Answer[] = [];
  readUsers(path)
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() !== "") answers.push(answerLine(policy, line, i + 1, tenant));
    });
  return answers;
}

function answerLine(policy: Policy, line: string, lineNumber: number, tenant: string | undefined): Answer {
  let user: unknown;
  try {
    user = JSON.parse(line);
  } catch (error) {
    return { error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` };
  }
  try {
    return { info: policy.whoami(user, tenant) };
  } catch (error) {
    if (error instanceof TypeError) return { error: `line ${lineNumber}: ${error.message}` };
    throw error;
  }
}

function readUsers(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read users from \`${path}\`: ${describeError(error)}`);
  }
}

function answerJson(answer: Answer): string {
  return JSON.stringify("info" in answer ? answer.info : { error: answer.error }) + "\n";
}

function answerText(answer: Answer): string {
  return "info" in answer ? formatAuthInfoText(answer.info) : `error: ${answer.error}\n`;
}
