/**
 * The generated module depends on nothing: policy.ts and policy.js import and
 * require nothing (not policyc, not a Node built-in), and policy.js runs with
 * plain Node in a directory with no node_modules anywhere above it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { ROOT } from "../helpers/cli.js";

const EXAMPLE = join(ROOT, "examples", "bulk-permissions");

let directory: string;
let outputs: Readonly<Record<string, string>>;

beforeAll(() => {
  const files = ["roles.yml", "roles_mapping.yml", "action_groups.yml", "internal_users.yml", "tenants.yml", "opensearch.yml"]
    .map((name) => join(EXAMPLE, name))
    .filter(existsSync)
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const result = compile({ files }, { js: true });
  if (!result.outputs) throw new Error(`the example does not compile: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  outputs = result.outputs;
  directory = mkdtempSync(join(tmpdir(), "policyc-module-"));
  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(directory, name), text);
  writeFileSync(join(directory, "package.json"), '{ "type": "module" }\n');
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Every place a module could load another: static imports and re-exports, `import(…)`, `require(…)`, `import.meta`. */
const LOADS = [
  /^\s*import\s*[\w{*"']/m,
  /^\s*export\s+(?:\*|\{[^}]*\})\s*from\s/m,
  /\bimport\s*\(/,
  /\brequire\s*\(/,
  /\bimport\.meta\b/,
  /\bcreateRequire\b/,
  /\bprocess\.(?:binding|dlopen)\b/,
];

describe("the generated module", () => {
  it.each(["policy.ts", "policy.js", "policy.d.ts"])("%s loads no other module", (name) => {
    const text = outputs[name]!;
    const found = LOADS.filter((pattern) => pattern.test(text)).map((pattern) => `${pattern.source}: ${text.match(pattern)![0]}`);
    expect(found).toEqual([]);
  });

  it("finds no node_modules above the directory it runs from", () => {
    const above: string[] = [];
    for (let at = directory; ; at = dirname(at)) {
      if (existsSync(join(at, "node_modules"))) above.push(at);
      if (dirname(at) === at) break;
    }
    expect(above).toEqual([]);
  });

  it("runs with plain Node in a directory without node_modules, and decides as the example expects", () => {
    const requests = readFileSync(join(EXAMPLE, "requests.jsonl"), "utf8").trimEnd().split("\n");
    const script = `import { authorize } from "./policy.js";\nfor (const line of ${JSON.stringify(requests)}) console.log(JSON.stringify(authorize(JSON.parse(line))));\n`;
    writeFileSync(join(directory, "decide.js"), script);
    const result = spawnSync(process.execPath, ["decide.js"], { cwd: directory, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(EXAMPLE, "expected.jsonl"), "utf8"));
  });
});
