/**
 * `policyc convert`: a policy from YAML configuration files to one `.policy`
 * file, or from `.policy` files to a directory of YAML files. Everything the
 * policy model holds is carried over; comments are not (the model has no
 * place for them). Nothing is written when the input has errors.
 */
import type { Command } from "commander";
import { existsSync, readdirSync, statSync } from "node:fs";
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { emitDslPolicy } from "../../emit/dsl/index.js";
import { emitApplyScript } from "../../emit/rest-api/index.js";
import { migrateToOpenSearch } from "../../emit/opensearch-migration/index.js";
import { emitYamlPolicy } from "../../emit/yaml/index.js";
import { readPolicyModel, validate, type CompileInput } from "../../index.js";
import { classifyFile, readBuiltinPolicy } from "../../parse/yaml/index.js";
import { CliError, EXIT_OK, EXIT_POLICY_ERRORS } from "../exit-codes.js";
import { renderDiagnostics } from "../output.js";
import { describeError } from "../read-input.js";
import { BASE_DESCRIPTION, BASE_FLAGS, collectPaths, FLAVOR_DESCRIPTION, FLAVOR_FLAGS, flavorOption, readCompileInput } from "../sources.js";
import { writeFileAtomic, writeFileSetAtomic, WriteError } from "../write-atomic.js";

type Target = "dsl" | "yaml" | "opensearch" | "console" | "curl";

interface ConvertOptions {
  readonly to: string;
  readonly output: string;
  readonly settings?: string;
  readonly flavor?: string;
  readonly base?: string[];
}

const HELP_AFTER = `
Comments are not carried over in either direction: the policy model holds
definitions and settings, not comments. Settings given explicitly (in
opensearch.yml, config.yml, a settings block or --settings) are converted too:
into the settings block, or into opensearch.yml and config.yml.

\`--to opensearch\` migrates a Search Guard configuration (sg_roles.yml & co.)
to OpenSearch Security's files, and warns (PC7xxx) at each construct
OpenSearch cannot express the same way, naming the access that changes.

\`--to console\` and \`--to curl\` write the REST API requests that create the
policy on a cluster (Dev Tools console requests, or a shell script of curl
commands reading OPENSEARCH_URL and OPENSEARCH_AUTH): one idempotent PUT per
entry, action groups first, then roles, internal users, tenants and role
mappings. Built-in entries are not written, and password hashes are never
invented: a user without a hash gets a placeholder password to replace.`;

export function registerConvert(program: Command): void {
  program
    .command("convert")
    .description("convert a policy between YAML configuration files and the DSL, or migrate a Search Guard configuration to OpenSearch Security")
    .argument("<policy...>", "configuration directory or YAML files, or .policy files")
    .requiredOption(
      "--to <format>",
      "`dsl` (writes one .policy file), `yaml` (writes a directory of configuration files), `opensearch` (migrates a Search Guard configuration to a directory of OpenSearch Security files), or `console` / `curl` (writes the REST API requests that create the policy)",
    )
    .requiredOption("--output <path>", "the .policy file or the directory to write")
    .option("--settings <file>", "an opensearch.yml whose settings apply (and are converted)")
    .option(FLAVOR_FLAGS, FLAVOR_DESCRIPTION)
    .option(BASE_FLAGS, BASE_DESCRIPTION, collectPaths)
    .addHelpText("after", HELP_AFTER)
    .action((paths: string[], options: ConvertOptions) => {
      const target = parseTarget(options.to);
      const input = readCompileInput(paths, options.settings, flavorOption(options.flavor), options.base);
      const { diagnostics } = validate(input);
      process.stderr.write(renderDiagnostics(diagnostics, "text"));
      if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
        process.exitCode = EXIT_POLICY_ERRORS;
        return;
      }
      const written =
        target === "dsl" ? writeDsl(input, options.output) : target === "yaml" ? writeYaml(input, options.output) : target === "opensearch" ? writeOpenSearch(input, options.output) : writeScript(input, target, options.output);
      process.exitCode = written ? EXIT_OK : EXIT_POLICY_ERRORS;
    });
}

function parseTarget(value: string): Target {
  if (value === "dsl" || value === "yaml" || value === "opensearch" || value === "console" || value === "curl") return value;
  throw new CliError(`unknown format \`${value}\`; use \`--to dsl\`, \`--to yaml\`, \`--to opensearch\`, \`--to console\` or \`--to curl\``);
}

/** The REST API requests that create the policy, as one console file or shell script. */
function writeScript(input: CompileInput, format: "console" | "curl", output: string): boolean {
  const model = readPolicyModel(input).model;
  if (model.flavor === "searchguard") throw new CliError("the REST API requests are OpenSearch Security's; migrate a Search Guard configuration with `--to opensearch` first");
  if (isDirectory(output)) throw new CliError(`\`${output}\` is a directory; \`--to ${format}\` writes one file`);
  const sink = new DiagnosticSink();
  const text = emitApplyScript(model, format, sink);
  process.stderr.write(renderDiagnostics(sink.diagnostics, "text"));
  if (sink.hasErrors()) return false;
  writeOutput(output, text);
  return true;
}

/** What the target cannot hold is reported; an error there (never a warning) stops the write. */
function writeDsl(input: CompileInput, output: string): boolean {
  if (readPolicyModel(input).model.flavor === "searchguard") {
    // The DSL has no way to say the flavor, so a Search Guard policy would come back with OpenSearch's rules.
    throw new CliError("the DSL writes OpenSearch Security policies only, so a Search Guard configuration cannot be converted to it; migrate it with `--to opensearch` first");
  }
  if (isDirectory(output)) throw new CliError(`\`${output}\` is a directory; \`--to dsl\` writes one .policy file`);
  const sink = new DiagnosticSink();
  const text = emitDslPolicy(readPolicyModel(input).model, sink);
  process.stderr.write(renderDiagnostics(sink.diagnostics, "text"));
  if (sink.hasErrors()) return false;
  writeOutput(output, text);
  return true;
}

function writeYaml(input: CompileInput, directory: string): boolean {
  const model = readPolicyModel(input).model;
  if (model.flavor === "searchguard") {
    throw new CliError("`--to yaml` writes the files of the policy's own flavor, which for Search Guard it cannot yet; migrate to OpenSearch Security with `--to opensearch`");
  }
  const sink = new DiagnosticSink();
  return writeFiles(emitYamlPolicy(model, sink), sink, directory);
}

/**
 * Migrates a Search Guard policy; what OpenSearch cannot express the same
 * way is reported as warnings, which do not stop the write.
 */
function writeOpenSearch(input: CompileInput, directory: string): boolean {
  const model = readPolicyModel(input).model;
  if (model.flavor !== "searchguard") {
    throw new CliError("`--to opensearch` migrates a Search Guard configuration (sg_roles.yml & co.); this one is OpenSearch Security's already (`--to yaml` rewrites it)");
  }
  const sink = new DiagnosticSink();
  const builtins = { searchguard: readBuiltinPolicy("searchguard"), opensearch: readBuiltinPolicy("opensearch") };
  const migrated = migrateToOpenSearch(model, builtins, sink);
  return writeFiles(emitYamlPolicy(migrated, sink), sink, directory);
}

/** Every file is written atomically, and only once all of them are known to be writable. */
function writeFiles(files: Record<string, string>, sink: DiagnosticSink, directory: string): boolean {
  process.stderr.write(renderDiagnostics(sink.diagnostics, "text"));
  if (sink.hasErrors()) return false;
  checkOutputDirectory(directory, Object.keys(files));
  writeOutputSet(directory, files);
  return true;
}

/**
 * The directory will be read as one policy, so a policy or settings file
 * left there from before (an opensearch.yml the new policy does not need, a
 * static_roles.yml) would change what it means: refuse rather than mix.
 */
function checkOutputDirectory(directory: string, writing: readonly string[]): void {
  if (!existsSync(directory)) return;
  if (!isDirectory(directory)) throw new CliError(`\`${directory}\` is not a directory; \`--to yaml\` writes a directory of configuration files`);
  const stale = listDirectory(directory).filter((name) => !writing.includes(name) && classifyFile(name).kind !== "other");
  if (stale.length === 0) return;
  const names = stale.map((name) => `\`${name}\``).join(", ");
  throw new CliError(`\`${directory}\` already holds ${names}, which would be read with the converted policy; remove it or write to another directory`);
}

function listDirectory(directory: string): string[] {
  try {
    return readdirSync(directory).sort();
  } catch (error) {
    throw new CliError(`cannot read directory \`${directory}\`: ${describeError(error)}`);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The configuration files replace the directory's as one change: a killed run leaves the old set or the new one. */
function writeOutputSet(directory: string, files: Readonly<Record<string, string>>): void {
  try {
    writeFileSetAtomic(directory, files);
  } catch (error) {
    if (error instanceof WriteError) throw new CliError(`cannot write \`${error.path}\`: ${error.message}`);
    throw error;
  }
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(`cannot write \`${path}\`: ${describeError(error)}`);
  }
}
