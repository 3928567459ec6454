/**
 * Reads what a command was given: a configuration directory of YAML files,
 * a single YAML file, or a compiled decision table (`policy.json`).
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
  | { readonly kind: "table"; readonly file: SourceText };

const YAML_ENDINGS = new Set([".yml", ".yaml"]);

export function readPolicyInput(path: string): PolicyInput {
  const stats = statOrFail(path);
  if (stats.isDirectory()) return { kind: "yaml", files: readConfigDirectory(path) };
  const ending = extname(path).toLowerCase();
  if (ending === ".json") return { kind: "table", file: readText(path) };
  if (YAML_ENDINGS.has(ending)) return { kind: "yaml", files: [readText(path)] };
  throw new CliError(`\`${path}\` is neither a configuration directory, a YAML file nor a decision table (.json)`);
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
  return error instanceof Error ? error.message : String(error);
}
