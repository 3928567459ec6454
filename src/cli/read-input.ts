/**
 * Reads what a command was given: a configuration directory or YAML files,
 * `.policy` files, or a compiled decision table (`policy.json`).
 */
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { extname, join } from "node:path";
import { CliError } from "./exit-codes.js";

export interface SourceText {
  readonly path: string;
  readonly text: string;
}

export type PolicyInput =
  | { readonly kind: "yaml"; readonly files: readonly SourceText[] }
  /** The `.policy` files given (their imports are read by sources.ts). */
  | { readonly kind: "dsl"; readonly files: readonly SourceText[] }
  | { readonly kind: "table"; readonly file: SourceText };

/** What one command-line path is. */
type PathKind = "yaml-directory" | "yaml" | "dsl" | "table";

const YAML_ENDINGS = new Set([".yml", ".yaml"]);

/** The policy the paths hold; they must all be YAML or all `.policy`, or one decision table. */
export function readPolicyInput(paths: readonly string[]): PolicyInput {
  const given = paths.map((path) => ({ path, kind: pathKind(path) }));
  const table = given.find((entry) => entry.kind === "table");
  if (table) {
    if (given.length > 1) throw new CliError(`\`${table.path}\` is a compiled decision table, which is read on its own`);
    return { kind: "table", file: readText(table.path) };
  }
  const dsl = given.filter((entry) => entry.kind === "dsl");
  const yaml = given.filter((entry) => entry.kind !== "dsl");
  if (dsl.length > 0 && yaml.length > 0) {
    throw new CliError(
      `\`${yaml[0]!.path}\` is YAML and \`${dsl[0]!.path}\` is DSL: give either YAML configuration or .policy files, not both (\`policyc convert\` turns one into the other)`,
    );
  }
  if (dsl.length > 0) return { kind: "dsl", files: dsl.map((entry) => readText(entry.path)) };
  return { kind: "yaml", files: yaml.flatMap((entry) => (entry.kind === "yaml-directory" ? readConfigDirectory(entry.path) : [readText(entry.path)])) };
}

function pathKind(path: string): PathKind {
  if (statOrFail(path).isDirectory()) return "yaml-directory";
  const ending = extname(path).toLowerCase();
  if (ending === ".json") return "table";
  if (ending === ".policy") return "dsl";
  if (YAML_ENDINGS.has(ending)) return "yaml";
  throw new CliError(`\`${path}\` is neither a configuration directory, a YAML file, a .policy file nor a decision table (.json)`);
}

/** The directory's YAML files, in name order; other files are not policy input. */
function readConfigDirectory(directory: string): SourceText[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    throw new CliError(`cannot read directory \`${directory}\`: ${describeError(error)}`);
  }
  const files = names
    .filter((name) => YAML_ENDINGS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(directory, name))
    .filter((path) => statOrFail(path).isFile())
    .map(readText);
  if (files.length === 0) throw new CliError(`\`${directory}\` holds no YAML files (roles.yml, roles_mapping.yml, …)`);
  return files;
}

export function readText(path: string): SourceText {
  try {
    return { path, text: readFileSync(path, "utf8") };
  } catch (error) {
    throw new CliError(`cannot read \`${path}\`: ${describeError(error)}`);
  }
}

function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new CliError(`cannot read \`${path}\`: ${describeError(error)}`);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return "no such file or directory";
  if (error instanceof Error && "code" in error && error.code === "EACCES") return "permission denied";
  if (error instanceof Error && "code" in error && error.code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}
