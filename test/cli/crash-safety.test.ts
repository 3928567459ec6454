/**
 * Crash-safe outputs (src/cli/write-atomic.ts, src/cli/file-set-commit.ts):
 * a write stopped at any moment leaves the output directory reading as the
 * complete previous output or the complete new one, and the next write
 * finishes or removes what the stopped one left.
 *
 * Two ways of stopping it: a commit run step by step and stopped after every
 * step in turn (exhaustive, in this process), and `policyc compile` killed
 * with SIGKILL at random moments, mostly while it writes (POLICYC_CRASH_KILLS
 * kills, default 100; `POLICYC_CRASH_KILLS=500 npx vitest run
 * test/cli/crash-safety.test.ts` for more).
 */
import { spawn, spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { oneByOneSteps, stageSteps, switchSteps, temporaryName, TEMPORARY_PREFIX, type FileSetChange } from "../../src/cli/file-set-commit.js";
import { removeLeftovers, writeFileAtomic, writeFileSetAtomic, WriteError } from "../../src/cli/write-atomic.js";
import { ROOT, runCli } from "../helpers/cli.js";

const BIN = fileURLToPath(new URL("../../bin/policyc.js", import.meta.url));
const KILLS = Number(process.env.POLICYC_CRASH_KILLS ?? 100);
/** Kills run in this many output directories at once, one `policyc compile` at a time in each. */
const LANES = 2;
/** Roles of each version of the policy. */
const ROLES = 500;

/** Every name `policyc compile` writes or removes. */
const OUTPUT_NAMES = ["policy.d.ts", "policy.js", "policy.json", "policy.ts"];

const directories: string[] = [];
function scratch(): string {
  const directory = mkdtempSync(join(tmpdir(), "policyc-crash-"));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** What a reader finds under each output name: the text it reads, or `null` when the name reads as absent. */
type View = Record<string, string | null>;

function viewOf(directory: string, names: readonly string[] = OUTPUT_NAMES): View {
  return Object.fromEntries(names.map((name) => [name, readOrNull(join(directory, name))]));
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

function leftovers(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.startsWith(TEMPORARY_PREFIX));
}

/** The directory's entries other than leftovers, each with its kind: after a finished write, regular files only. */
function entryKinds(directory: string): Record<string, string> {
  const entries = readdirSync(directory).filter((name) => !name.startsWith(TEMPORARY_PREFIX));
  return Object.fromEntries(entries.sort().map((name) => [name, lstatSync(join(directory, name)).isFile() ? "file" : "not a file"]));
}

describe("a file set commit stopped after any of its steps", () => {
  const OLD = { "policy.js": "old module (js)", "policy.json": "old table", "policy.ts": "old module" };
  const NEW = { "policy.d.ts": "new declarations", "policy.json": "new table", "policy.ts": "new module" };
  const OLD_VIEW: View = { "policy.d.ts": null, ...OLD };
  const NEW_VIEW: View = { ...NEW, "policy.js": null };

  function directoryWithOldSet(): string {
    const directory = scratch();
    for (const [name, text] of Object.entries(OLD)) writeFileSync(join(directory, name), text);
    writeFileSync(join(directory, "notes.txt"), "not an output");
    return directory;
  }

  const change = (directory: string): FileSetChange => ({ directory, files: NEW, remove: ["policy.js"] });

  it("reads as the old set before the switch and as the new set after it, and recovers to the same", () => {
    const staging = temporaryName();
    const steps = (directory: string) => [...stageSteps(change(directory), staging), ...switchSteps(change(directory), staging)];
    const count = steps(scratch()).length;
    const commit = steps(scratch()).findIndex((step) => step.name === "switch current to the new files");
    for (let stopAfter = 0; stopAfter <= count; stopAfter++) {
      const directory = directoryWithOldSet();
      steps(directory)
        .slice(0, stopAfter)
        .forEach((step) => step.run());
      const expected = stopAfter <= commit ? OLD_VIEW : NEW_VIEW;
      const where = `stopped after ${stopAfter} steps`;
      expect(viewOf(directory), where).toEqual(expected);

      removeLeftovers(directory);
      expect(viewOf(directory), `${where}, then recovered`).toEqual(expected);
      expect(leftovers(directory), where).toEqual([]);
      expect(entryKinds(directory), where).toEqual(
        Object.fromEntries([...Object.keys(expected).filter((name) => expected[name] !== null), "notes.txt"].sort().map((name) => [name, "file"])),
      );
    }
  });

  it("file by file, where links cannot be made, keeps each file whole but mixes the sets in between", () => {
    const staging = temporaryName();
    const views = [];
    for (let stopAfter = 0; stopAfter <= 5; stopAfter++) {
      const directory = directoryWithOldSet();
      [...stageSteps(change(directory), staging), ...oneByOneSteps(change(directory), staging)].slice(0, stopAfter).forEach((step) => step.run());
      const view = viewOf(directory);
      for (const name of OUTPUT_NAMES) expect([OLD_VIEW[name], NEW_VIEW[name]], `${name} after ${stopAfter} steps`).toContain(view[name]);
      removeLeftovers(directory);
      expect(leftovers(directory)).toEqual([]);
      views.push(view);
    }
    expect(views[0]).toEqual(OLD_VIEW);
    expect(views.some((view) => JSON.stringify(view) !== JSON.stringify(OLD_VIEW) && JSON.stringify(view) !== JSON.stringify(NEW_VIEW))).toBe(true);
  });

  it("replaces the set, removes the dropped names and leaves nothing behind when it runs to the end", () => {
    const directory = directoryWithOldSet();
    writeFileSetAtomic(directory, NEW, ["policy.js"]);
    expect(viewOf(directory)).toEqual(NEW_VIEW);
    expect(entryKinds(directory)).toEqual({ "notes.txt": "file", "policy.d.ts": "file", "policy.json": "file", "policy.ts": "file" });
    expect(leftovers(directory)).toEqual([]);
  });

  it("fails before changing anything when an output name is a directory", () => {
    const directory = directoryWithOldSet();
    mkdirSync(join(directory, "policy.d.ts"));
    expect(() => writeFileSetAtomic(directory, NEW)).toThrow(WriteError);
    try {
      writeFileSetAtomic(directory, NEW);
    } catch (error) {
      expect(error).toMatchObject({ path: join(directory, "policy.d.ts"), message: "is a directory" });
    }
    expect(viewOf(directory, ["policy.json", "policy.ts", "policy.js"])).toEqual(OLD);
    expect(leftovers(directory)).toEqual([]);
  });
});

describe("what a stopped write leaves behind", () => {
  /** The pid of a process that has ended. */
  function endedPid(): number {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    return Number(child.stdout);
  }

  it("is removed by the next write into the directory when its process is gone", () => {
    const directory = scratch();
    const pid = endedPid();
    writeFileSync(join(directory, `.policyc-${pid}-0badf00d.policy.ts.tmp`), "half a mod");
    mkdirSync(join(directory, `.policyc-${pid}-0badcafe`, "new"), { recursive: true });
    writeFileAtomic(join(directory, "a.policy"), "role r {}\n");
    expect(readdirSync(directory)).toEqual(["a.policy"]);
  });

  it("is left alone while its process runs", () => {
    const directory = scratch();
    const running = `.policyc-${process.ppid}-0badf00d.policy.ts.tmp`;
    writeFileSync(join(directory, running), "being written");
    writeFileAtomic(join(directory, "a.policy"), "role r {}\n");
    expect(readdirSync(directory).sort()).toEqual([running, "a.policy"].sort());
  });
});

describe("outputs of an earlier compile that this one does not write", () => {
  const EXAMPLE = join(ROOT, "examples", "bulk-permissions");

  it("are removed with the same change, so the directory never holds two compilations", () => {
    const out = join(scratch(), "out");
    expect(runCli(["compile", EXAMPLE, "--out", out, "--js"]).status).toBe(0);
    expect(runCli(["compile", EXAMPLE, "--out", out]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["policy.json", "policy.ts"]);
  });

  it("are kept when policyc did not write them", () => {
    const out = join(scratch(), "out");
    mkdirSync(out);
    writeFileSync(join(out, "policy.js"), "export const mine = true;\n");
    expect(runCli(["compile", EXAMPLE, "--out", out]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["policy.js", "policy.json", "policy.ts"]);
    expect(readFileSync(join(out, "policy.js"), "utf8")).toBe("export const mine = true;\n");
  });
});

// ---------------------------------------------------------------------------------------------
// policyc compile, killed

/** A configuration directory with `roles` roles, each mapped to a user; `version` makes every name differ. */
function writePolicy(directory: string, version: string, roles: number): void {
  mkdirSync(directory, { recursive: true });
  let rolesYml = '_meta:\n  type: "roles"\n  config_version: 2\n';
  let mappingYml = '_meta:\n  type: "rolesmapping"\n  config_version: 2\n';
  for (let i = 0; i < roles; i++) {
    rolesYml += `${version}_${i}:\n  cluster_permissions: [cluster_monitor]\n  index_permissions:\n    - index_patterns: ["logs-${version}-${i}-*"]\n      allowed_actions: [read]\n`;
    mappingYml += `${version}_${i}:\n  users: [user_${i}]\n`;
  }
  writeFileSync(join(directory, "roles.yml"), rolesYml);
  writeFileSync(join(directory, "roles_mapping.yml"), mappingYml);
}

interface Version {
  readonly args: readonly string[];
  /** The complete output, as compiled without interruption. */
  readonly view: View;
}

function compileArgs(source: string, out: string, js: boolean): string[] {
  return [BIN, "compile", source, "--out", out, ...(js ? ["--js"] : [])];
}

function compileFully(args: readonly string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`policyc compile exited ${result.status}: ${result.stderr}`);
}

type Outcome = "finished" | "killed before writing" | "killed while writing, old set" | "killed while writing, new set" | "killed after writing";

/**
 * Runs `policyc compile`, and kills it `delay` ms after it starts writing
 * (after its staging directory appears), or after it starts at all.
 */
function compileAndKill(args: readonly string[], out: string, delay: number, from: "start" | "writing"): Promise<{ signal: NodeJS.Signals | null; writing: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    let writing = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => (timer = setTimeout(() => child.kill("SIGKILL"), delay));
    const watcher = watch(out, (_event, name) => {
      if (writing || !String(name).startsWith(TEMPORARY_PREFIX)) return;
      writing = true;
      if (from === "writing") kill();
    });
    if (from === "start") kill();
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      watcher.close();
      resolve({ signal, writing });
    });
  });
}

const sameView = (a: View, b: View): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Kills compiles into one output directory, each compiling the version the
 * directory does not hold, so that the previous output and the new one differ
 * in every file; checks the directory after each kill.
 */
async function killRepeatedly(out: string, versions: readonly [Version, Version], kills: number, writeWindow: number, outcomes: Map<Outcome, number>): Promise<void> {
  compileFully(versions[0].args);
  for (let i = 1; i <= kills; i++) {
    const before = viewOf(out);
    const next = sameView(before, versions[0].view) ? versions[1] : versions[0];
    // Most kills aim at the write (the fsyncs and renames); some at any moment of the run.
    const aimed = Math.random() < 0.8;
    const { signal, writing } = await compileAndKill(next.args, out, Math.random() * (aimed ? writeWindow : writeWindow * 10), aimed ? "writing" : "start");
    const after = viewOf(out);
    const isOld = sameView(after, before);
    const isNew = sameView(after, next.view);
    if (!isOld && !isNew) {
      const mixed = OUTPUT_NAMES.map((name) => `${name}: ${after[name] === null ? "absent" : after[name] === before[name] ? "old" : after[name] === next.view[name] ? "new" : "neither"}`);
      expect.fail(`kill ${i} left neither the previous output nor the new one: ${mixed.join(", ")}; entries: ${readdirSync(out).join(", ")}`);
    }
    const outcome = outcomeOf(signal, writing, leftovers(out).length > 0, isNew);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  // The next run finishes: the new output, regular files, nothing left behind.
  const last = sameView(viewOf(out), versions[0].view) ? versions[1] : versions[0];
  compileFully(last.args);
  expect(viewOf(out)).toEqual(last.view);
  expect(leftovers(out)).toEqual([]);
  expect(Object.values(entryKinds(out)).every((kind) => kind === "file")).toBe(true);
}

function outcomeOf(signal: NodeJS.Signals | null, writing: boolean, leftBehind: boolean, isNew: boolean): Outcome {
  if (signal !== "SIGKILL") return "finished";
  if (leftBehind) return isNew ? "killed while writing, new set" : "killed while writing, old set";
  if (!writing || !isNew) return "killed before writing";
  return "killed after writing";
}

/** How long a compile writes: from its staging directory's appearance to its exit. */
async function measureWriteWindow(args: readonly string[], out: string): Promise<number> {
  let started = 0;
  const watcher = watch(out, (_event, name) => {
    if (started === 0 && String(name).startsWith(TEMPORARY_PREFIX)) started = performance.now();
  });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
  watcher.close();
  return started === 0 ? 1 : performance.now() - started;
}

describe("policyc compile killed with SIGKILL at random moments", () => {
  it(
    `leaves the complete previous output or the complete new one, every time (${KILLS} kills)`,
    async () => {
      const directory = scratch();
      // Outputs of about a megabyte (two with --js); the flushes (fsync) make the write tens of ms long on a disk.
      writePolicy(join(directory, "a"), "alpha", ROLES);
      writePolicy(join(directory, "b"), "beta", ROLES);
      // The versions differ in every file, and in their sets: `a` with --js (four files), `b` without (two).
      const expected = (source: string, js: boolean): View => {
        const out = join(directory, `expected-${source}`);
        compileFully(compileArgs(join(directory, source), out, js));
        return viewOf(out);
      };
      const viewA = expected("a", true);
      const viewB = expected("b", false);
      expect(Object.values(viewB).filter((text) => text === null)).toHaveLength(2);

      const outcomes = new Map<Outcome, number>();
      const lanes = Array.from({ length: LANES }, (_, lane) => join(directory, `out-${lane}`));
      const versions = (out: string): [Version, Version] => [
        { args: compileArgs(join(directory, "a"), out, true), view: viewA },
        { args: compileArgs(join(directory, "b"), out, false), view: viewB },
      ];
      mkdirSync(lanes[0]!);
      compileFully(versions(lanes[0]!)[0].args);
      const window = await measureWriteWindow(versions(lanes[0]!)[1].args, lanes[0]!);
      for (const out of lanes) mkdirSync(out, { recursive: true });
      const killsOf = (lane: number) => Math.floor(KILLS / LANES) + (lane < KILLS % LANES ? 1 : 0);
      await Promise.all(lanes.map((out, lane) => killRepeatedly(out, versions(out), killsOf(lane), window, outcomes)));

      const counts = Object.fromEntries([...outcomes].sort());
      console.log(`write window ${window.toFixed(1)} ms; outcomes of ${KILLS} kills: ${JSON.stringify(counts)}`);
      // Not vacuous: many kills stopped a write half way, on both sides of the switch.
      const whileWriting = (outcomes.get("killed while writing, old set") ?? 0) + (outcomes.get("killed while writing, new set") ?? 0);
      expect(whileWriting).toBeGreaterThanOrEqual(KILLS / 5);
      expect(outcomes.get("killed while writing, old set") ?? 0).toBeGreaterThan(0);
      expect(outcomes.get("killed while writing, new set") ?? 0).toBeGreaterThan(0);
    },
    600_000,
  );
});
