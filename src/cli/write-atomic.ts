/**
 * How policyc writes files, so that a process killed at any moment (SIGKILL,
 * a crash, Ctrl+C) leaves no half-written output:
 *
 * - `writeFileAtomic`: one file, written to a temporary file in the same
 *   directory, flushed, and renamed over the target; readers see the old
 *   content or the new one.
 * - `writeFileSetAtomic`: several files that belong together (a compile's
 *   `policy.json` and `policy.ts`), replaced as one change: every name reads
 *   as the previous set or every name as the new set (file-set-commit.ts
 *   says how, and where it falls back to file by file).
 *
 * Temporary names begin with `.policyc-<pid>-`. What a killed run left
 * behind is finished or removed by the next write into the same directory;
 * entries of a process that still runs are left alone.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import {
  isMissing,
  oneByOneSteps,
  ownerOf,
  recoverStaging,
  stageSteps,
  switchSteps,
  temporaryName,
  writeDurably,
  type CommitStep,
  type FileSetChange,
} from "./file-set-commit.js";
import { describeError } from "./read-input.js";

/** A write of a file set that failed: the path it failed on, and why (`no such file or directory`, …). */
export class WriteError extends Error {
  override readonly name = "WriteError";
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(describeError(cause));
  }
}

/** Replaces one file; throws the file system's error. */
export function writeFileAtomic(path: string, text: string): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  removeLeftovers(directory);
  const temporary = join(directory, `${temporaryName()}.${basename(path)}.tmp`);
  try {
    writeDurably(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Replaces the files named in `files` in `directory`, and removes the names
 * in `remove`, as one change.
 * @throws WriteError naming the path that could not be written; the
 *   directory then reads as before, or, when the failure came after the
 *   commit, as after it.
 */
export function writeFileSetAtomic(directory: string, files: Readonly<Record<string, string>>, remove: readonly string[] = []): void {
  prepareDirectory(directory);
  const change: FileSetChange = { directory, files, remove };
  checkTargets(change);
  const staging = temporaryName();
  try {
    runSteps(stageSteps(change, staging));
    runSteps(linksSupported(change, staging) ? switchSteps(change, staging) : oneByOneSteps(change, staging));
  } catch (error) {
    abandon(directory, staging);
    throw error instanceof WriteError ? error : new WriteError(directory, error);
  }
}

/** Creates the directory and finishes or removes what killed runs left in it. */
function prepareDirectory(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
    removeLeftovers(directory);
  } catch (error) {
    throw new WriteError(directory, error);
  }
}

/**
 * Every entry of a temporary name whose process is gone (or is this one: its
 * writes run one at a time, so an entry of its own is one a failed write left):
 * a staging directory is recovered, a temporary file removed.
 */
export function removeLeftovers(directory: string): void {
  for (const name of readdirSync(directory)) {
    const owner = ownerOf(name);
    if (owner === undefined || (owner !== process.pid && isRunning(owner))) continue;
    if (isDirectory(join(directory, name))) recoverStaging(directory, name);
    else rmSync(join(directory, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/**
 * A name to be replaced must be a plain file name, and a file or absent: a
 * directory there fails the write before anything changes.
 */
function checkTargets(change: FileSetChange): void {
  for (const name of [...Object.keys(change.files), ...change.remove]) {
    if (name !== basename(name) || ownerOf(name) !== undefined) throw new Error(`\`${name}\` is not a name an output can have`);
    const path = join(change.directory, name);
    if (isDirectory(path)) throw new WriteError(path, Object.assign(new Error("is a directory"), { code: "EISDIR" }));
  }
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch (error) {
    if (isMissing(error)) return false;
    throw new WriteError(path, error);
  }
}

function runSteps(steps: readonly CommitStep[]): void {
  for (const step of steps) step.run();
}

/** Whether symbolic links can be made in the staging directory (the new files are there by now). */
function linksSupported(change: FileSetChange, staging: string): boolean {
  const probe = join(change.directory, staging, "probe");
  try {
    symlinkProbe(probe);
    return true;
  } catch (error) {
    if (error instanceof Error && "code" in error && ["EPERM", "ENOSYS", "EOPNOTSUPP", "ENOTSUP", "EINVAL"].includes(String(error.code))) return false;
    throw error;
  }
}

function symlinkProbe(path: string): void {
  symlinkSync("new", path);
  rmSync(path);
}

/** After a failed write: the staging directory is recovered now, or by the next write if that fails too. */
function abandon(directory: string, staging: string): void {
  try {
    recoverStaging(directory, staging);
  } catch {
    // Left for the next write into the directory, which recovers it.
  }
}
