/**
 * Every example under examples/ decides its requests.jsonl exactly as its
 * expected.jsonl says, through the CLI and through the table runtime.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { loadTable } from "../src/runtime/index.js";
import { ROOT, runCli } from "./helpers/cli.js";

const examplesDir = join(ROOT, "examples");
const examples = readdirSync(examplesDir).filter((name) => statSync(join(examplesDir, name)).isDirectory()).sort();

const jsonLines = (path: string): unknown[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), "utf8") }));

describe.each(examples)("example %s", (name) => {
  const dir = join(examplesDir, name);
  const requestsFile = join(dir, "requests.jsonl");
  const hasRequests = existsSync(requestsFile);

  it("compiles without errors", () => {
    const result = compile({ files: yamlFiles(dir) });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.runIf(hasRequests)("decides its requests as expected.jsonl says, through the CLI", () => {
    const result = runCli(["check", join("examples", name), "--requests", join("examples", name, "requests.jsonl")]);
    expect(result.status).toBe(0);
    const decisions = result.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as unknown);
    expect(decisions).toEqual(jsonLines(join(dir, "expected.jsonl")));
  });

  it.runIf(hasRequests)("decides its requests as expected.jsonl says from its .policy file, through the CLI", () => {
    const result = runCli(["check", join("examples", name, `${name}.policy`), "--requests", join("examples", name, "requests.jsonl")]);
    expect(result.status).toBe(0);
    const decisions = result.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as unknown);
    expect(decisions).toEqual(jsonLines(join(dir, "expected.jsonl")));
  });

  it("has a .policy file that says what its YAML says", () => {
    const policy = join(dir, `${name}.policy`);
    const fromDsl = compile({ files: [{ path: policy, text: readFileSync(policy, "utf8") }] });
    expect(fromDsl.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(fromDsl.outputs?.["policy.json"]).toBe(compile({ files: yamlFiles(dir) }).outputs?.["policy.json"]);
  });

  it.runIf(hasRequests)("decides its requests as expected.jsonl says, through the table runtime", () => {
    const table = compile({ files: yamlFiles(dir) }).table;
    const policy = loadTable(table);
    expect(jsonLines(requestsFile).map((request) => policy.authorize(request))).toEqual(jsonLines(join(dir, "expected.jsonl")));
  });

  it("has a README that shows the command to run", () => {
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain(`examples/${name}`);
  });
});
