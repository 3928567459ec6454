/**
 * `policyc compile --watch`, driven as a user drives it: start it, edit the policy, break it, fix it, stop it.
 * Every wait has a timeout, so a watcher that hangs or misses a change fails the test instead of blocking it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/cli.js";

const BIN = fileURLToPath(new URL("../../bin/policyc.js", import.meta.url));
const WAIT_MS = 10_000;

const META = (type: string) => `_meta:\n  type: "${type}"\n  config_version: 2\n`;
const ROLES = META("roles") + "monitor:\n  cluster_permissions: [cluster_monitor]\n";
const MAPPING = META("rolesmapping") + "monitor:\n  users: [test-user]\n";

/** A running `policyc compile --watch` and everything it has printed on standard error. */
class Watcher {
  stderr = "";
  private readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  /** Waits until the n-th (1-based) match of `pattern` in standard error, and returns the text printed before it. */
  async waitFor(pattern: RegExp, nth: number): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const matches = [...this.stderr.matchAll(new RegExp(pattern.source, "g"))];
      const match = matches[nth - 1];
      if (match) return this.stderr.slice(0, match.index);
      if (Date.now() > deadline) throw new Error(`no ${nth}. \`${pattern.source}\` within ${WAIT_MS} ms; standard error:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Sends a signal and waits for the exit code. */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit within ${WAIT_MS} ms of ${signal}`)), WAIT_MS);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

let directory: string;
let running: Watcher | undefined;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "policyc-watch-"));
});

afterEach(() => {
  running?.child.kill("SIGKILL");
  running = undefined;
  rmSync(directory, { recursive: true, force: true });
});

function startWatch(...args: string[]): Watcher {
  running = new Watcher(spawn(process.execPath, [BIN, "compile", ...args, "--watch"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] }));
  return running;
}

/** Saves a file the way many editors do: write a new file beside it, then rename it over the old one. */
function saveByRename(path: string, text: string): void {
  writeFileSync(`${path}.swp`, text);
  renameSync(`${path}.swp`, path);
}

const COMPILED = /compiled \d+ files? in \d+ ms\n/;
const KEPT = /\d+ errors?, outputs kept\n/;

describe("a configuration directory", () => {
  let config: string;
  let out: string;
  const output = () => readFileSync(join(out, "policy.json"), "utf8");

  beforeEach(() => {
    // The outputs go beside the configuration directory, as usual, not into it.
    config = join(directory, "config");
    out = join(directory, "out");
    mkdirSync(config);
    writeFileSync(join(config, "roles.yml"), ROLES);
    writeFileSync(join(config, "roles_mapping.yml"), MAPPING);
  });

  test("compiles at once, again after each change, keeps the outputs while the policy has errors, and exits 0 on SIGTERM", async () => {
    const watcher = startWatch(config, "--out", out);
    await watcher.waitFor(COMPILED, 1);
    expect(watcher.stderr).toMatch(/^compiled 2 files in \d+ ms\n$/);
    expect(output()).toContain('"monitor"');

    writeFileSync(join(config, "roles.yml"), ROLES + "auditor:\n  cluster_permissions: [cluster_monitor]\n");
    await watcher.waitFor(COMPILED, 2);
    const good = output();
    expect(good).toContain('"auditor"');

    writeFileSync(join(config, "roles.yml"), ROLES + "auditor:\n  cluster_permission: [cluster_monitor]\n");
    const printed = await watcher.waitFor(KEPT, 1);
    expect(printed).toContain(`${join(config, "roles.yml")}:7:3: error PC2006: unknown key \`cluster_permission\` in role \`auditor\``);
    expect(watcher.stderr).toMatch(/\n1 error, outputs kept\n$/);
    expect(output()).toBe(good);

    saveByRename(join(config, "roles.yml"), ROLES);
    await watcher.waitFor(COMPILED, 3);
    expect(output()).not.toContain('"auditor"');

    expect(await watcher.stop("SIGTERM")).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["policy.json", "policy.ts"]);
  });

  test("keeps serving every output of the last good build, byte for byte, while the policy is broken", async () => {
    const everything = () => Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), "utf8")]));
    const watcher = startWatch(config, "--out", out, "--js");
    await watcher.waitFor(COMPILED, 1);
    const good = everything();
    expect(Object.keys(good)).toEqual(["policy.d.ts", "policy.js", "policy.json", "policy.ts"]);

    writeFileSync(join(config, "roles.yml"), ROLES + "auditor:\n  cluster_permissions: [cluster_monitor\n");
    await watcher.waitFor(KEPT, 1);
    expect(everything()).toEqual(good);

    writeFileSync(join(config, "roles_mapping.yml"), MAPPING + "auditor:\n  users: [test-user]\n");
    await watcher.waitFor(KEPT, 2);
    expect(everything()).toEqual(good);

    writeFileSync(join(config, "roles.yml"), ROLES + "auditor:\n  cluster_permissions: [cluster_monitor]\n");
    await watcher.waitFor(COMPILED, 2);
    const fixed = everything();
    expect(Object.keys(fixed)).toEqual(Object.keys(good));
    expect(fixed["policy.json"]).toContain('"auditor"');
    expect(await watcher.stop("SIGTERM")).toBe(0);
  });

  test("a file added to the directory joins the policy, and leaves it when removed", async () => {
    const watcher = startWatch(config, "--out", out);
    await watcher.waitFor(COMPILED, 1);

    writeFileSync(join(config, "tenants.yml"), META("tenants") + "analysts: {}\n");
    await watcher.waitFor(/compiled 3 files in/, 1);
    expect(output()).toContain('"analysts"');

    unlinkSync(join(config, "tenants.yml"));
    await watcher.waitFor(COMPILED, 3);
    expect(output()).not.toContain('"analysts"');
    expect(await watcher.stop("SIGINT")).toBe(0);
  });

  test("a change to another kind of file, or a save that changes nothing, compiles nothing", async () => {
    const watcher = startWatch(config, "--out", out);
    await watcher.waitFor(COMPILED, 1);
    writeFileSync(join(config, "notes.txt"), "not a policy file\n");
    writeFileSync(join(config, "roles.yml"), ROLES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watcher.stderr).toMatch(/^compiled 2 files in \d+ ms\n$/);

    writeFileSync(join(config, "roles.yml"), ROLES + "# a comment\n");
    await watcher.waitFor(COMPILED, 2);
    expect(await watcher.stop("SIGTERM")).toBe(0);
  });
});

describe(".policy files", () => {
  test("a change to an imported file recompiles", async () => {
    const out = join(directory, "out");
    writeFileSync(join(directory, "main.policy"), 'import "roles.policy"\n');
    writeFileSync(join(directory, "roles.policy"), "role monitor {\n  cluster cluster_monitor\n  users test-user\n}\n");
    const watcher = startWatch(join(directory, "main.policy"), "--out", out);
    await watcher.waitFor(COMPILED, 1);
    expect(watcher.stderr).toContain("compiled 2 files");

    writeFileSync(join(directory, "roles.policy"), "role auditor {\n  cluster cluster_monitor\n  users test-user\n}\n");
    await watcher.waitFor(COMPILED, 2);
    expect(readFileSync(join(out, "policy.json"), "utf8")).toContain('"auditor"');
    expect(await watcher.stop("SIGTERM")).toBe(0);
  });

  test("an imported file that disappears is reported and the watch goes on until it is back", async () => {
    const out = join(directory, "out");
    const imported = join(directory, "roles.policy");
    writeFileSync(join(directory, "main.policy"), 'import "roles.policy"\n');
    writeFileSync(imported, "role monitor {\n  cluster cluster_monitor\n  users test-user\n}\n");
    const watcher = startWatch(join(directory, "main.policy"), "--out", out);
    await watcher.waitFor(COMPILED, 1);

    unlinkSync(imported);
    const printed = await watcher.waitFor(KEPT, 1);
    expect(printed).toMatch(/policyc: .*main\.policy:1:8: cannot read `.*roles\.policy`: no such file or directory \(imported here\)\n$/);

    writeFileSync(imported, "role auditor {\n  cluster cluster_monitor\n  users test-user\n}\n");
    await watcher.waitFor(COMPILED, 2);
    expect(readFileSync(join(out, "policy.json"), "utf8")).toContain('"auditor"');
    expect(await watcher.stop("SIGTERM")).toBe(0);
  });
});

describe("REST API input", () => {
  test("a change to a `--base` file, or to the script applied on top of it, recompiles", async () => {
    const base = join(directory, "base");
    mkdirSync(base);
    writeFileSync(join(base, "roles.yml"), ROLES);
    const script = join(directory, "api-requests.console");
    writeFileSync(script, 'PUT _plugins/_security/api/rolesmapping/monitor\n{"users": ["test-user"]}\n');
    const out = join(directory, "out");
    const watcher = startWatch(script, "--base", base, "--out", out);
    await watcher.waitFor(COMPILED, 1);

    saveByRename(join(base, "roles.yml"), ROLES + "auditor:\n  cluster_permissions: [cluster_monitor]\n");
    await watcher.waitFor(COMPILED, 2);
    expect(readFileSync(join(out, "policy.json"), "utf8")).toContain('"auditor"');

    writeFileSync(script, 'PUT _plugins/_security/api/rolesmapping/auditor\n{"users": ["judy"]}\n');
    await watcher.waitFor(COMPILED, 3);
    expect(readFileSync(join(out, "policy.json"), "utf8")).toContain('"judy"');
    expect(await watcher.stop("SIGTERM")).toBe(0);
  });

  test("a change to a dump of the REST API (`roles.json`) recompiles", async () => {
    const dump = join(directory, "dump");
    mkdirSync(dump);
    writeFileSync(join(dump, "roles.json"), JSON.stringify({ monitor: { cluster_permissions: ["cluster_monitor"] } }));
    const out = join(directory, "out");
    const watcher = startWatch(dump, "--out", out);
    await watcher.waitFor(COMPILED, 1);

    saveByRename(join(dump, "roles.json"), JSON.stringify({ auditor: { cluster_permissions: ["cluster_monitor"] } }));
    await watcher.waitFor(COMPILED, 2);
    expect(readFileSync(join(out, "policy.json"), "utf8")).toContain('"auditor"');
    expect(await watcher.stop("SIGTERM")).toBe(0);
  });
});

test("a change to the settings file recompiles", async () => {
  const config = join(directory, "config");
  mkdirSync(config);
  writeFileSync(join(config, "roles.yml"), ROLES);
  const settings = join(directory, "node.yml");
  writeFileSync(settings, "plugins.security.system_indices.enabled: true\n");
  const watcher = startWatch(config, "--settings", settings, "--out", join(directory, "out"));
  await watcher.waitFor(COMPILED, 1);
  writeFileSync(settings, "plugins.security.system_indices.enabled: false\n");
  await watcher.waitFor(COMPILED, 2);
  expect(await watcher.stop("SIGTERM")).toBe(0);
});

test("a policy that cannot be read at the start ends the command with exit code 2", () => {
  const result = spawnSync(process.execPath, [BIN, "compile", join(directory, "missing"), "--out", join(directory, "out"), "--watch"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: WAIT_MS,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("cannot read");
});
