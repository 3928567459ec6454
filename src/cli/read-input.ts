/**
 * Reads what a command was given: a configuration directory or YAML files,
 * `.policy` files, or a compiled decision table (`policy.json`).
 */
import { isUtf8 } from "node:buffer";
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { extname, join } from "node:path";
import type { InputProblem } from "../parse/input-problem.js";
import { isApiDumpPath, isRestApiScriptPath } from "../parse/rest-api/index.js";
import { CliError } from "./exit-codes.js";

export interface SourceText {
  readonly path: string;
  readonly text: string;
  /** What is wrong with the file's bytes; the front end reading the file reports it. */
  readonly problem?: InputProblem;
}

/**
 * Larger files are not decoded: their text would crowd the heap. Far above
 * what the front ends read (the plugin's YAML reader stops at 3 MiB), so a
 * file between the two still gets the front end's own, more precise limit.
 */
export const MAX_READ_BYTES = 32 * 1024 * 1024;

export type PolicyInput =
  | { readonly kind: "yaml"; readonly files: readonly SourceText[] }
  /** The `.policy` files given (their imports are read by sources.ts). */
  | { readonly kind: "dsl"; readonly files: readonly SourceText[] }
  | { readonly kind: "table"; readonly file: SourceText };

/** What one command-line path is. A REST API script goes with the files of either kind, which are its base. */
type PathKind = "yaml-directory" | "yaml" | "dsl" | "table" | "script";

const YAML_ENDINGS = new Set([".yml", ".yaml"]);

/** The policy the paths hold; they must all be YAML or all `.policy`, or one decision table. */
export function readPolicyInput(paths: readonly string[]): PolicyInput {
  const given = paths.map((path) => ({ path, kind: pathKind(path) }));
  const table = given.find((entry) => entry.kind === "table");
  if (table) {
    if (given.length > 1) throw new CliError(`\`${table.path}\` is a compiled decision table, which is read on its own`);
    const file = readText(table.path);
    checkTableFormat(file);
    return { kind: "table", file };
  }
  const dsl = given.filter((entry) => entry.kind === "dsl");
  const yaml = given.filter((entry) => entry.kind !== "dsl" && entry.kind !== "script");
  const scripts = given.filter((entry) => entry.kind === "script").map((entry) => readText(entry.path));
  if (dsl.length > 0 && yaml.length > 0) {
    throw new CliError(
      `\`${yaml[0]!.path}\` is YAML and \`${dsl[0]!.path}\` is DSL: give either YAML configuration or .policy files, not both (\`policyc convert\` turns one into the other)`,
    );
  }
  if (dsl.length > 0) return { kind: "dsl", files: [...dsl.map((entry) => readText(entry.path)), ...scripts] };
  return { kind: "yaml", files: [...yaml.flatMap((entry) => (entry.kind === "yaml-directory" ? readConfigDirectory(entry.path) : [readText(entry.path)])), ...scripts] };
}

function pathKind(path: string): PathKind {
  if (statOrFail(path).isDirectory()) return "yaml-directory";
  const ending = extname(path).toLowerCase();
  if (isApiDumpPath(path)) return "yaml";
  if (isRestApiScriptPath(path)) return "script";
  if (ending === ".json") return "table";
  if (ending === ".policy") return "dsl";
  if (YAML_ENDINGS.has(ending)) return "yaml";
  throw new CliError(
    `\`${path}\` is neither a configuration directory, a YAML file, a .policy file, a REST API dump (roles.json, …), a console or curl script (.console, .http, .sh) nor a decision table (.json)`,
  );
}

/**
 * A `.json` file that is not an API dump by name must be a decision table by
 * its `format`; a file that is not JSON, or names another format, is left to
 * the table reader, which says what is wrong with it.
 */
function checkTableFormat(file: SourceText): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    return;
  }
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && "format" in parsed) return;
  throw new CliError(
    `\`${file.path}\` is neither a decision table (it has no \`format\` field) nor a REST API dump, which is recognized by its name: roles.json, rolesmapping.json, actiongroups.json, internalusers.json or tenants.json`,
  );
}

/** The directory's YAML files and REST API dumps, in name order; other files are not policy input. */
function readConfigDirectory(directory: string): SourceText[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    throw new CliError(`cannot read directory \`${directory}\`: ${describeError(error)}`);
  }
  const files = names
    .filter((name) => YAML_ENDINGS.has(extname(name).toLowerCase()) || isApiDumpPath(name))
    .sort()
    .map((name) => join(directory, name))
    .filter((path) => statOrFail(path).isFile())
    .map(readText);
  if (files.length === 0) throw new CliError(`\`${directory}\` holds no YAML files (roles.yml, roles_mapping.yml, …) and no REST API dumps (roles.json, …)`);
  return files;
}

/** A file's text, decoded as UTF-8; bytes that are not UTF-8 or a size over the limit become its `problem`. */
export function readText(path: string): SourceText {
  try {
    const byteLength = statSync(path).size;
    if (byteLength > MAX_READ_BYTES) return { path, text: "", problem: { kind: "too-large", byteLength, limit: MAX_READ_BYTES } };
    return decodeUtf8(path, readFileSync(path));
  } catch (error) {
    throw new CliError(`cannot read \`${path}\`: ${describeError(error)}`);
  }
}

/** The bytes as text; invalid sequences become U+FFFD, as Node decodes them, and the first is the problem. */
export function decodeUtf8(path: string, bytes: Buffer): SourceText {
  const text = bytes.toString("utf8");
  if (isUtf8(bytes)) return { path, text };
  const invalid = firstInvalidUtf8(bytes);
  const shown = [...bytes.subarray(invalid.start, invalid.end)].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`);
  // The bytes before are valid, so they decode to exactly the text before the replacement character.
  const offset = bytes.subarray(0, invalid.start).toString("utf8").length;
  return { path, text, problem: { kind: "invalid-utf8", byteOffset: invalid.start, offset, bytes: shown.join(" ") } };
}

/**
 * The first byte sequence that is not UTF-8, as the Encoding Standard's
 * decoder replaces it: a byte that starts no character, or a character's
 * first bytes when the next one does not continue it. Called only on bytes
 * `isUtf8` rejected, so there is one.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { start: number; end: number } {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return { start: i, end: i + 1 };
    // The second byte's range depends on the lead (no overlong forms, surrogates or code points past U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const ok = byte !== undefined && byte >= (k === 1 ? low : 0x80) && byte <= (k === 1 ? high : 0xbf);
      if (!ok) return { start: i, end: i + k };
    }
    i += length;
  }
  return { start: bytes.length, end: bytes.length };
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
