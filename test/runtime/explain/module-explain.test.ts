/**
 * The generated module's `explain` (default export and authorizer method)
 * gives exactly what the runtime's gives, for every request of every
 * example compiled with provenance.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { loadTable } from "../../../src/runtime/index.js";
import { ModuleHost, valueOf } from "../../emit/module/module-host.js";
import { ROOT } from "../../helpers/cli.js";

const examplesDir = join(ROOT, "examples");
const examples = readdirSync(examplesDir)
  .filter((name) => statSync(join(examplesDir, name)).isDirectory() && existsSync(join(examplesDir, name, "requests.jsonl")))
  .sort();

const host = new ModuleHost();
afterAll(() => host.close());

const yamlFiles = (example: string) =>
  readdirSync(join(examplesDir, example))
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({ path: join("examples", example, file), text: readFileSync(join(examplesDir, example, file), "utf8") }));

const requestsOf = (dir: string): unknown[] =>
  readFileSync(join(dir, "requests.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

describe.each(examples)("example %s", (name) => {
  const dir = join(examplesDir, name);

  it("explains every request in the module as the runtime does", async () => {
    const result = compile({ files: yamlFiles(name) }, { js: true, provenance: true });
    const runtime = loadTable(result.table);
    const requests = requestsOf(dir);
    const path = host.write({ "policy.js": result.outputs!["policy.js"]! });
    const calls = requests.flatMap((request) => [
      { name: "explain", args: [request] },
      { name: "explain", args: [request], authorizer: {} },
    ]);
    const results = (await host.call(path, calls)).map(valueOf);
    const expected = requests.flatMap((request) => {
      const explanation = runtime.explain(request);
      return [explanation, explanation];
    });
    expect(results).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(results.length).toBe(requests.length * 2);
  });
});
