#!/usr/bin/env node
// Compiles every example under examples/ into out/<name>/ with the built CLI, so that out/ always shows
// what the current compiler emits. CI fails when the committed out/ differs.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "policyc.js");
const examples = readdirSync(join(root, "examples")).filter((name) => statSync(join(root, "examples", name)).isDirectory()).sort();

rmSync(join(root, "out"), { recursive: true, force: true });
let failed = 0;
for (const name of examples) {
  const source = join("examples", name);
  const args = [bin, "compile", source, "--out", join("out", name)];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${name}: policyc compile exited ${result.status}\n${result.stderr}`);
  } else {
    process.stdout.write(`out/${name}\n`);
  }
}
process.exit(failed ? 1 : 0);
