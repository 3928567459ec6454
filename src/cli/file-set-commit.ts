/**
 * Replacing a set of files in a directory (`policy.json`, `policy.ts`, …) as
 * one change: a process killed at any moment leaves every name reading as
 * the previous set or every name reading as the new set, never a mix.
 *
 * One rename replaces one file atomically, but a set needs as many renames,
 * and a kill between two of them would leave a new `policy.json` beside an
 * old `policy.ts`. So the names are pointed, for a moment, through one
 * symbolic link that can be switched in one rename (the layout Kubernetes
 * uses for mounted ConfigMaps), and then turned back into regular files:
 *
 *   1. the new files are written, flushed, into a staging directory
 *      `<dir>/.policyc-<pid>-<random>/new/`;
 *   2. the old files are hard-linked (or copied) into `…/old/`;
 *   3. the link `…/current` is pointed at `old`;
 *   4. each name `<dir>/<name>` is replaced, by a rename, with a symbolic link
 *      to `.policyc-…/current/<name>`: it still reads the old content (or
 *      reads as absent, when it had none);
 *   5. the commit: a new link to `new` is renamed over `…/current`, and every
 *      name reads the new content at once;
 *   6. each new file is renamed from `…/new/` over its name, a regular file
 *      again with the same content; names the new set drops are unlinked;
 *   7. the staging directory is removed.
 *
 * A kill leaves the staging directory, which the next write into the same
 * directory finds (its process is gone) and finishes: every name that still
 * links into it is made the regular file it reads as (`recoverStaging`).
 * Where symbolic links cannot be made (Windows without the privilege, some
 * network or FAT file systems) the files are renamed into place one by one
 * instead: each file is whole, but a kill between two renames leaves a mix.
 */
import { closeSync, copyFileSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeSync } from "node:fs";
import { join, sep } from "node:path";
import { randomBytes } from "node:crypto";

/** Every temporary name policyc makes begins so; the other tools of a project can ignore them. */
export const TEMPORARY_PREFIX = ".policyc-";

const TEMPORARY_NAME = /^\.policyc-(\d+)-[0-9a-f]{8}(?:\.|$)/;

/** A name no other write uses: `.policyc-<pid>-<8 hex digits>`. */
export function temporaryName(): string {
  return `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** The process that made a temporary name; `undefined` for any other name. */
export function ownerOf(name: string): number | undefined {
  const match = TEMPORARY_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** One step of a commit; the crash tests run a commit step by step and stop anywhere. */
export interface CommitStep {
  readonly name: string;
  run(): void;
}

export interface FileSetChange {
  readonly directory: string;
  /** The new files by name (names without a directory part). */
  readonly files: Readonly<Record<string, string>>;
  /** Names to remove in the same change: outputs of an earlier run that the new set does not have. */
  readonly remove: readonly string[];
}

/** Writes `text` to a new file and flushes it to the disk before it is closed. */
export function writeDurably(path: string, text: string): void {
  const fd = openSync(path, "wx");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a directory's entries (the renames in it) to the disk. Linux and
 * macOS allow it; where a directory cannot be opened for it (Windows) the
 * renames are as durable as the file system makes them.
 */
export function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, "r");
    fsyncSync(fd);
  } catch {
    // Not supported here: durability against power loss is the file system's.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The names a change touches, in a fixed order: the new files', then those it removes. */
function touchedNames(change: FileSetChange): string[] {
  const written = Object.keys(change.files).sort();
  return [...written, ...change.remove.filter((name) => !(name in change.files)).sort()];
}

/** Steps 1–2: the new files and the old ones, side by side in the staging directory. */
export function stageSteps(change: FileSetChange, staging: string): CommitStep[] {
  const path = join(change.directory, staging);
  return [
    {
      name: "write the new files",
      run: () => {
        mkdirSync(join(path, "new"), { recursive: true });
        for (const [name, text] of Object.entries(change.files)) writeDurably(join(path, "new", name), text);
        syncDirectory(join(path, "new"));
      },
    },
    {
      name: "keep the old files",
      run: () => {
        mkdirSync(join(path, "old"));
        for (const name of touchedNames(change)) keepOldFile(join(change.directory, name), join(path, "old", name));
        syncDirectory(join(path, "old"));
      },
    },
  ];
}

/** Steps 3–7: through the switching link, with one step per name so that a test can stop between any two. */
export function switchSteps(change: FileSetChange, staging: string): CommitStep[] {
  const path = join(change.directory, staging);
  const names = touchedNames(change);
  return [
    { name: "point current at the old files", run: () => pointCurrent(path, "old") },
    ...names.map((name) => ({ name: `link ${name}`, run: () => linkThroughCurrent(change.directory, staging, name) })),
    { name: "flush the links", run: () => syncDirectory(change.directory) },
    { name: "switch current to the new files", run: () => pointCurrent(path, "new") },
    ...names.map((name) => ({ name: `place ${name}`, run: () => placeFile(change, staging, name) })),
    { name: "flush the placed files", run: () => syncDirectory(change.directory) },
    { name: "remove the staging directory", run: () => rmSync(path, { recursive: true, force: true }) },
  ];
}

/** Where symbolic links cannot be made: each new file renamed into place, in a fixed order. */
export function oneByOneSteps(change: FileSetChange, staging: string): CommitStep[] {
  const path = join(change.directory, staging);
  return [
    ...touchedNames(change).map((name) => ({
      name: `place ${name}`,
      run: () => (name in change.files ? renameSync(join(path, "new", name), join(change.directory, name)) : rmSync(join(change.directory, name), { force: true })),
    })),
    { name: "flush the placed files", run: () => syncDirectory(change.directory) },
    { name: "remove the staging directory", run: () => rmSync(path, { recursive: true, force: true }) },
  ];
}

/**
 * A second name for the old file (no copy of its bytes), or a copy where hard
 * links are refused or the name is a symbolic link of the user's (a hard link
 * would be one to the link, not to what it reads).
 */
function keepOldFile(path: string, kept: string): void {
  const kind = fileKind(path);
  if (kind === "absent") return;
  if (kind === "file") {
    try {
      linkSync(path, kept);
      return;
    } catch {
      // Hard links refused here: a copy reads the same.
    }
  }
  copyFileSync(path, kept);
}

/** What a name is: a regular file, a link that reads as one, or absent (a dangling link reads as absent). */
function fileKind(path: string): "file" | "link to a file" | "absent" {
  try {
    if (lstatSync(path).isFile()) return "file";
    return statSync(path).isFile() ? "link to a file" : "absent";
  } catch (error) {
    if (isMissing(error)) return "absent";
    throw error;
  }
}

/** Points `<staging>/current` at `old` or `new`, replacing the link in one rename. */
function pointCurrent(staging: string, target: "old" | "new"): void {
  const next = join(staging, `current.${target}`);
  symlinkSync(target, next);
  renameSync(next, join(staging, "current"));
  syncDirectory(staging);
}

function linkThroughCurrent(directory: string, staging: string, name: string): void {
  const link = join(directory, staging, `link.${name}`);
  symlinkSync(`${staging}/current/${name}`, link);
  renameSync(link, join(directory, name));
}

/** The new file over its name, or, for a name the new set drops, the name removed. */
function placeFile(change: FileSetChange, staging: string, name: string): void {
  const target = join(change.directory, name);
  if (name in change.files) renameSync(join(change.directory, staging, "new", name), target);
  else if (linksInto(target, staging)) unlinkSync(target);
}

/** Whether `path` is a symbolic link made by the commit that stages in `staging`. */
function linksInto(path: string, staging: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && readlinkSync(path).startsWith(`${staging}/`);
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/**
 * Finishes a commit that was stopped: every name of `directory` that links
 * into the staging directory becomes the regular file it reads as (moved
 * there from `old` or `new`, by a rename, so it reads the same throughout) or,
 * when it reads as absent, is removed; then the staging directory goes.
 */
export function recoverStaging(directory: string, staging: string): void {
  const stagingPath = join(directory, staging);
  const stagingReal = resolvedTarget(stagingPath);
  if (stagingReal === undefined) return; // recovered by another run meanwhile
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (!linksInto(path, staging)) continue;
    const target = resolvedTarget(path);
    if (target === undefined) unlinkSync(path);
    else if (target.startsWith(stagingReal + sep)) renameSync(target, path);
  }
  syncDirectory(directory);
  rmSync(stagingPath, { recursive: true, force: true });
}

/** The file a link leads to, `undefined` when it leads nowhere. */
function resolvedTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
