/**
 * A policy as a git revision holds it, read with git itself (`git cat-file`,
 * `git ls-tree`) from the repository of the working directory, without
 * touching the working tree: a configuration directory's YAML files, a
 * YAML file, a `.policy` file with every file it imports (read at the same
 * revision), or a compiled table. Paths are relative to the working
 * directory, as on the command line, and name the files in diagnostics.
 */
import { execFileSync } from "node:child_process";
import { isAbsolute, posix, relative } from "node:path";
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile } from "../../diagnostics/source-file.js";
import { dslImports, parseDslDocument } from "../../parse/dsl/index.js";

export interface GitFile {
  readonly path: string;
  readonly text: string;
}

/** What a revision holds at the path: policy sources to compile, or a compiled table. */
export type GitPolicy = { readonly kind: "sources"; readonly files: readonly GitFile[] } | { readonly kind: "table"; readonly file: GitFile };

/** A revision or path git cannot read; the message says which and why. */
export class GitReadError extends Error {
  override readonly name = "GitReadError";
}

const YAML_ENDINGS = [".yml", ".yaml"];

export function readPolicyAtRevision(revision: string, path: string, cwd: string = process.cwd()): GitPolicy {
  const where = gitPath(path, cwd);
  const type = git(["cat-file", "-t", `${revision}:./${where}`], cwd, `\`${path}\` is not in revision \`${revision}\``).trim();
  if (type === "tree") return { kind: "sources", files: directoryFiles(revision, where, cwd) };
  if (where.endsWith(".json")) return { kind: "table", file: readBlob(revision, where, cwd) };
  if (where.endsWith(".policy")) return { kind: "sources", files: withImports(revision, where, cwd) };
  if (YAML_ENDINGS.some((ending) => where.endsWith(ending))) return { kind: "sources", files: [readBlob(revision, where, cwd)] };
  throw new GitReadError(`\`${path}\` in revision \`${revision}\` is neither a configuration directory, a YAML file, a .policy file nor a decision table (.json)`);
}

/** The path relative to the working directory, in git's (posix) form. */
function gitPath(path: string, cwd: string): string {
  const local = isAbsolute(path) ? relative(cwd, path) : path;
  const normal = posix.normalize(local.split("\\").join("/")).replace(/\/+$/, "");
  return normal === "" ? "." : normal;
}

/** The YAML files directly in the directory, in name order, as a configuration directory is read. */
function directoryFiles(revision: string, directory: string, cwd: string): GitFile[] {
  const listing = git(["ls-tree", "-z", `${revision}:./${directory}`], cwd, `cannot list \`${directory}\` in revision \`${revision}\``);
  const names = listing
    .split("\0")
    .filter((line) => line !== "")
    .flatMap((line) => {
      const [meta, name] = line.split("\t") as [string, string];
      return meta.split(" ")[1] === "blob" && YAML_ENDINGS.some((ending) => name.toLowerCase().endsWith(ending)) ? [name] : [];
    })
    .sort();
  if (names.length === 0) throw new GitReadError(`\`${directory}\` in revision \`${revision}\` holds no YAML files (roles.yml, roles_mapping.yml, …)`);
  return names.map((name) => readBlob(revision, directory === "." ? name : `${directory}/${name}`, cwd));
}

/** The `.policy` file and, depth first, every file it imports, each once, all at the revision. */
function withImports(revision: string, root: string, cwd: string): GitFile[] {
  const files: GitFile[] = [];
  const seen = new Set<string>();
  const stack = [root];
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const file = readBlob(revision, path, cwd);
    files.push(file);
    const document = parseDslDocument(new SourceFile(file.path, file.text), new DiagnosticSink());
    stack.push(...dslImports(document, file.path).map((target) => target.path).reverse());
  }
  return files;
}

function readBlob(revision: string, path: string, cwd: string): GitFile {
  return { path, text: git(["cat-file", "blob", `${revision}:./${path}`], cwd, `cannot read \`${path}\` in revision \`${revision}\``) };
}

function git(args: readonly string[], cwd: string, failure: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr).trim().split("\n")[0] : "";
    const reason = stderr !== "" ? stderr : error instanceof Error ? error.message : String(error);
    throw new GitReadError(`${failure} (git: ${reason})`);
  }
}
