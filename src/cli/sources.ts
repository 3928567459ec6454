/**
 * Turns a command's policy arguments into the programmatic API's input. For
 * `.policy` files that includes every file they import, read from disk
 * relative to the importing file, each once however often it is imported.
 */
import { resolve } from "node:path";
import { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { formatLocation, SourceFile, type SourceSpan } from "../diagnostics/source-file.js";
import type { CompileInput } from "../index.js";
import type { Flavor } from "../model/types.js";
import { dslImports, parseDslDocument } from "../parse/dsl/index.js";
import { isRestApiScriptPath } from "../parse/rest-api/index.js";
import { CliError } from "./exit-codes.js";
import { describeError, readPolicyInput, readText, type SourceText } from "./read-input.js";

export function readCompileInput(paths: readonly string[], settingsPath: string | undefined, flavor?: Flavor, basePaths: readonly string[] = []): CompileInput {
  const files = readSourceFiles(paths);
  const base = basePaths.length > 0 ? readSourceFiles(basePaths) : undefined;
  return {
    files,
    ...(base !== undefined ? { base } : {}),
    ...(settingsPath !== undefined ? { settings: readText(settingsPath) } : {}),
    ...(flavor !== undefined ? { flavor } : {}),
  };
}

/** The files of a policy's paths: `.policy` files with their imports, REST API scripts as they are. */
function readSourceFiles(paths: readonly string[]): SourceText[] {
  const input = readPolicyInput(paths);
  if (input.kind === "table") throw new CliError(`\`${input.file.path}\` is a compiled decision table; give the policy's sources instead`);
  if (input.kind !== "dsl") return [...input.files];
  const scripts = input.files.filter((file) => isRestApiScriptPath(file.path));
  return [...withImports(input.files.filter((file) => !isRestApiScriptPath(file.path))), ...scripts];
}

/** `--base`, on every command that reads REST API scripts (repeatable). */
export const BASE_FLAGS = "--base <path>";
export const BASE_DESCRIPTION =
  "the policy REST API scripts (.console, .http, .sh) apply to: a configuration directory, YAML files, API dumps or .policy files (repeatable); by default the plugin's static configuration";

/** Collects a repeatable option's values. */
export function collectPaths(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

/** `--flavor`, on every command that reads a configuration. */
export const FLAVOR_FLAGS = "--flavor <flavor>";
export const FLAVOR_DESCRIPTION = "read the configuration with `opensearch` (OpenSearch Security) or `searchguard` (Search Guard FLX) rules; by default the file names say (`sg_*.yml`: searchguard)";

/** The `--flavor` value, checked. */
export function flavorOption(text: string | undefined): Flavor | undefined {
  if (text === undefined || text === "opensearch" || text === "searchguard") return text;
  throw new CliError(`\`--flavor\` must be \`opensearch\` or \`searchguard\`, not \`${text}\``);
}

/** A file to read: given on the command line, or imported at `span`. */
interface Pending {
  readonly path: string;
  readonly span?: SourceSpan;
  readonly file?: SourceText;
}

/**
 * The files given and, after each, the files it imports (depth first), each
 * file once. Syntax errors are not reported here: the compiler reads every
 * file again and reports them with the rest.
 */
function withImports(given: readonly SourceText[]): SourceText[] {
  const files: SourceText[] = [];
  const seen = new Set<string>();
  const stack: Pending[] = given.map((file) => ({ path: file.path, file })).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const key = resolve(next.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const file = next.file ?? readImported(next);
    files.push(file);
    stack.push(...importsOf(file).reverse());
  }
  return files;
}

function importsOf(file: SourceText): Pending[] {
  const document = parseDslDocument(new SourceFile(file.path, file.text), new DiagnosticSink());
  return dslImports(document, file.path);
}

function readImported(imported: Pending): SourceText {
  try {
    return readText(imported.path);
  } catch (error) {
    const where = imported.span ? `${formatLocation(imported.span)}: ` : "";
    const reason = error instanceof CliError ? error.message : describeError(error);
    throw new CliError(`${where}${reason} (imported here)`);
  }
}
