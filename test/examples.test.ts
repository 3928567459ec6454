/**
 * Every example under examples/ decides its requests.jsonl exactly as its
 * expected.jsonl says: through the CLI (from its YAML and from its .policy
 * file), through the table runtime and through the generated module. Search
 * Guard examples (`sg_*.yml` files) have no .policy file: the DSL writes
 * OpenSearch Security policies only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { loadTable } from "../src/runtime/index.js";
import { ModuleHost, valueOf } from "./emit/module/module-host.js";
import { ROOT, runCli } from "./helpers/cli.js";

const examplesDir = join(ROOT, "examples");
const examples = readdirSync(examplesDir).filter((name) => statSync(join(examplesDir, name)).isDirectory()).sort();

/** Imports each example's policy.js with Node's own loader, as an application would. */
const host = new ModuleHost();
afterAll(() => host.close());

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

/** The decisions `policyc check <policy> --requests <requests>` prints, one per line. */
function checkWithCli(policy: string, requests: string): unknown[] {
  const result = runCli(["check", policy, "--requests", requests]);
  expect(result.status).toBe(0);
  return result.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as unknown);
}

describe.each(examples)("example %s", (name) => {
  const dir = join(examplesDir, name);
  const requestsFile = join(dir, "requests.jsonl");
  const hasRequests = existsSync(requestsFile);
  const expected = () => jsonLines(join(dir, "expected.jsonl"));
  const searchGuard = readdirSync(dir).some((file) => file.startsWith("sg_"));

  it("compiles without errors", () => {
    const result = compile({ files: yamlFiles(dir) });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.runIf(hasRequests)("decides its requests as expected.jsonl says, through the CLI", () => {
    expect(checkWithCli(join("examples", name), join("examples", name, "requests.jsonl"))).toEqual(expected());
  });

  it.runIf(hasRequests && !searchGuard)("decides its requests as expected.jsonl says from its .policy file, through the CLI", () => {
    expect(checkWithCli(join("examples", name, `${name}.policy`), join("examples", name, "requests.jsonl"))).toEqual(expected());
  });

  it.runIf(!searchGuard)("has a .policy file that says what its YAML says", () => {
    const policy = join(dir, `${name}.policy`);
    const fromDsl = compile({ files: [{ path: policy, text: readFileSync(policy, "utf8") }] });
    expect(fromDsl.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(fromDsl.outputs?.["policy.json"]).toBe(compile({ files: yamlFiles(dir) }).outputs?.["policy.json"]);
  });

  it.runIf(hasRequests)("decides its requests as expected.jsonl says, through the table runtime", () => {
    const table = compile({ files: yamlFiles(dir) }).table;
    const policy = loadTable(table);
    expect(jsonLines(requestsFile).map((request) => policy.authorize(request))).toEqual(expected());
  });

  it.runIf(hasRequests)("decides its requests as expected.jsonl says, through the generated module", async () => {
    const moduleText = compile({ files: yamlFiles(dir) }, { js: true }).outputs?.["policy.js"];
    expect(moduleText).toBeDefined();
    const path = host.write({ "policy.js": moduleText! });
    const calls = jsonLines(requestsFile).map((request) => ({ name: "authorize", args: [request] }));
    expect((await host.call(path, calls)).map(valueOf)).toEqual(expected());
  });

  it("has a README that shows the command to run", () => {
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain(`examples/${name}`);
  });
});
