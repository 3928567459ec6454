/**
 * `policyc compile --watch`: compile once, then again whenever an input file
 * changes, appears or disappears, until SIGINT or SIGTERM.
 *
 * The directories holding the inputs are watched (node:fs.watch, not
 * recursive) rather than the files themselves: editors that save by writing a
 * new file and renaming it over the old one replace the file, and a watch on
 * the old file would go quiet. Events are debounced, and a rebuild whose
 * inputs read exactly as last time is skipped, so events about unrelated
 * files cost a read at most. A failed build keeps the previous outputs (they
 * are only ever replaced whole, by write-atomic.ts) and the watch goes on.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import type { CompileInput } from "../index.js";
import { CliError } from "./exit-codes.js";

/** How long to wait after the last event before rebuilding: editors save in bursts of events. */
export const DEBOUNCE_MS = 100;

/**
 * Names that can be policy input wherever they appear: new YAML or .policy
 * files may join the inputs, and a directory may be a dump of the REST API
 * (`roles.json`, …). An output written beside the inputs costs a read: the
 * rebuild is skipped when the inputs read as before.
 */
const INPUT_ENDINGS = new Set([".yml", ".yaml", ".policy", ".json"]);

/** One compilation, split so the watcher can compare inputs before compiling. */
export interface WatchedBuild {
  /** Reads every input file; throws a CliError when one cannot be read. */
  read(): CompileInput;
  /** Compiles, prints the diagnostics and, without errors, writes the outputs; the number of errors. */
  compile(input: CompileInput): number;
}

export interface WatchTarget {
  /** The command's policy arguments (directories or files). */
  readonly paths: readonly string[];
  readonly settings?: string;
  /** `--base`: the policy REST API scripts among the arguments apply to (directories or files). */
  readonly base?: readonly string[];
}

/** Runs the first build (a CliError from it ends the command), then rebuilds on every change until a signal. */
export function watchCompile(target: WatchTarget, build: WatchedBuild, print: (line: string) => void): void {
  new PolicyWatcher(target, build, print).start();
}

class PolicyWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  /** The arguments that are directories: every YAML file in them is input. */
  private readonly directories: ReadonlySet<string>;
  private wanted = new Map<string, WatchedNames>();
  /** The inputs of the last build, to skip a rebuild that would read the same texts. */
  private lastInput: string | undefined;
  private inputFiles: readonly string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly stop = (): void => this.close();

  constructor(
    private readonly target: WatchTarget,
    private readonly build: WatchedBuild,
    private readonly print: (line: string) => void,
  ) {
    this.directories = new Set(argumentsOf(target).filter(isDirectory).map((path) => resolve(path)));
  }

  start(): void {
    // Listening before the first build: a signal that arrives during it is handled once it is done.
    process.on("SIGINT", this.stop);
    process.on("SIGTERM", this.stop);
    try {
      this.rebuild(true);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Reads the inputs and, when they changed, compiles; I/O errors end only the first build. */
  private rebuild(first: boolean): void {
    const started = performance.now();
    const input = this.readInput(first);
    if (!input) return;
    const base = (input.base ?? []).map((file) => file.path);
    this.inputFiles = [...input.files.map((file) => file.path), ...base, ...(input.settings ? [input.settings.path] : [])];
    this.syncWatchers();
    const key = JSON.stringify(input);
    if (key === this.lastInput) return;
    this.lastInput = key;
    const errors = this.compile(input, first);
    const elapsed = Math.round(performance.now() - started);
    this.print(errors === 0 ? `compiled ${plural(this.inputFiles.length, "file")} in ${elapsed} ms` : `${plural(errors, "error")}, outputs kept`);
  }

  private readInput(first: boolean): CompileInput | undefined {
    try {
      return this.build.read();
    } catch (error) {
      if (first || !(error instanceof CliError)) throw error;
      this.print(`policyc: ${error.message}`);
      this.print("1 error, outputs kept");
      this.lastInput = undefined;
      return undefined;
    }
  }

  /** The build's error count; a write failure after the first build is reported and counted, not thrown. */
  private compile(input: CompileInput, first: boolean): number {
    try {
      return this.build.compile(input);
    } catch (error) {
      if (first || !(error instanceof CliError)) throw error;
      this.print(`policyc: ${error.message}`);
      return 1;
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rebuild(false), DEBOUNCE_MS);
  }

  /** Watches the directories of the arguments and of every input file read last, and no other. */
  private syncWatchers(): void {
    this.wanted = watchedDirectories(this.target, this.directories, this.inputFiles);
    for (const [directory, watcher] of this.watchers) {
      if (this.wanted.has(directory)) continue;
      watcher.close();
      this.watchers.delete(directory);
    }
    for (const directory of this.wanted.keys()) {
      if (!this.watchers.has(directory)) this.watch(directory);
    }
  }

  private watch(directory: string): void {
    const watcher = openWatcher(directory, (name) => {
      if (isRelevant(name, this.wanted.get(directory))) this.schedule();
    });
    if (!watcher) return;
    watcher.on("error", () => {
      watcher.close();
      this.watchers.delete(directory);
      this.schedule(); // the next build watches it again if it still exists
    });
    this.watchers.set(directory, watcher);
  }

  /** Stops watching; nothing is left running, so the process ends, with exit code 0. */
  private close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    process.off("SIGINT", this.stop);
    process.off("SIGTERM", this.stop);
    process.exitCode = 0;
  }
}

/** Which names matter in each watched directory: `undefined` for a configuration directory, where every YAML file does. */
type WatchedNames = ReadonlySet<string> | undefined;

function watchedDirectories(target: WatchTarget, directories: ReadonlySet<string>, inputFiles: readonly string[]): Map<string, WatchedNames> {
  const wanted = new Map<string, Set<string> | undefined>();
  for (const directory of directories) wanted.set(directory, undefined);
  const addFile = (path: string): void => {
    const directory = resolve(dirname(path));
    if (wanted.has(directory) && wanted.get(directory) === undefined) return; // a configuration directory: every YAML file counts
    const names = wanted.get(directory) ?? new Set<string>();
    names.add(basename(path));
    wanted.set(directory, names);
  };
  for (const path of argumentsOf(target)) if (!directories.has(resolve(path))) addFile(path);
  for (const path of inputFiles) addFile(path);
  if (target.settings !== undefined) addFile(target.settings);
  return wanted;
}

/** The policy arguments and the `--base` paths. */
function argumentsOf(target: WatchTarget): readonly string[] {
  return [...target.paths, ...(target.base ?? [])];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // the first build reports it
  }
}

function isRelevant(name: string | null, names: WatchedNames): boolean {
  if (name === null) return true; // the platform did not say which file changed
  return INPUT_ENDINGS.has(extname(name).toLowerCase()) || (names?.has(name) ?? false);
}

function openWatcher(directory: string, onEvent: (name: string | null) => void): FSWatcher | undefined {
  try {
    return watch(directory, { persistent: true }, (_event, name) => onEvent(name === null ? null : String(name)));
  } catch {
    return undefined; // gone for now; the next build tries again
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
