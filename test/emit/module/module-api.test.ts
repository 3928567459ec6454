/**
 * The generated module as an application uses it: policy.js imported by
 * Node, its exports called. The examples' requests must be decided as their
 * expected.jsonl says, by policy.js and by policy.ts compiled to JavaScript.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { ROOT } from "../../helpers/cli.js";
import { ModuleHost, valueOf, type CallResult } from "./module-host.js";
import { compileModule, output, SMALL_POLICY } from "./policy-module.js";

const host = new ModuleHost();
afterAll(() => host.close());

const jsonLines = (path: string): unknown[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

const examplesWithRequests = readdirSync(join(ROOT, "examples"))
  .filter((name) => existsSync(join(ROOT, "examples", name, "requests.jsonl")))
  .sort();

function compileExample(name: string): Readonly<Record<string, string>> {
  const dir = join("examples", name);
  const files = readdirSync(join(ROOT, dir))
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({ path: join(dir, file), text: readFileSync(join(ROOT, dir, file), "utf8") }));
  const result = compile({ files }, { js: true });
  if (!result.outputs) throw new Error(`example ${name} does not compile`);
  return result.outputs;
}

const authorizeEach = (requests: readonly unknown[]) => requests.map((request) => ({ name: "authorize", args: [request] }));
const values = (results: readonly CallResult[]) => results.map(valueOf);

describe.each(examplesWithRequests)("the module of example %s", (name) => {
  const requests = jsonLines(join(ROOT, "examples", name, "requests.jsonl"));
  const expected = jsonLines(join(ROOT, "examples", name, "expected.jsonl"));

  it("decides its requests as expected.jsonl says, in JavaScript", async () => {
    const path = host.write(compileExample(name));
    expect(values(await host.call(path, authorizeEach(requests)))).toEqual(expected);
  });

  it("decides its requests as expected.jsonl says, in TypeScript compiled to JavaScript", async () => {
    const typeScript = output(compileExample(name), "policy.ts");
    const javaScript = ts.transpileModule(typeScript, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } }).outputText;
    const path = host.write({ "policy.js": javaScript });
    expect(values(await host.call(path, authorizeEach(requests)))).toEqual(expected);
  });
});

describe("the module's API", () => {
  const path = host.write(compileModule(SMALL_POLICY, { js: true }));
  const judy = { name: "judy" };
  const teamUser = { name: "dana", backend_roles: ["dev", "ops"], host: "10.0.0.7" };

  it("exports authorize, createAuthorizer, rolesOf and whoami, and nothing else", async () => {
    expect(values(await host.call(path, [{ name: "$exports", args: [] }]))).toEqual([["authorize", "createAuthorizer", "rolesOf", "whoami"]]);
  });

  it("exports explain as well when compiled with provenance", async () => {
    const explaining = host.write(compileModule(SMALL_POLICY, { js: true, provenance: true }));
    expect(values(await host.call(explaining, [{ name: "$exports", args: [] }]))).toEqual([["authorize", "createAuthorizer", "explain", "rolesOf", "whoami"]]);
  });

  it("rolesOf gives the roles every decision for the user lists", async () => {
    const calls = [judy, teamUser, { name: "nobody" }].flatMap((user) => [
      { name: "rolesOf", args: [user] },
      { name: "authorize", args: [{ user, action: "indices:data/read/search", indices: ["logs-1"] }] },
    ]);
    const results = values(await host.call(path, calls)) as unknown[];
    expect(results[0]).toEqual(["log_reader"]);
    expect(results[2]).toEqual(["team_writer"]);
    expect(results[4]).toEqual([]);
    for (let i = 0; i < results.length; i += 2) expect(results[i]).toEqual((results[i + 1] as { roles: unknown }).roles);
  });

  it("rolesOf throws a TypeError for a malformed user, where authorize denies with an error", async () => {
    const [roles, decision] = await host.call(path, [
      { name: "rolesOf", args: [{ backend_roles: ["IT"] }] },
      { name: "authorize", args: [{ user: { backend_roles: ["IT"] }, action: "cluster:monitor/health" }] },
    ]);
    expect(roles).toEqual({ error: "TypeError: `user.name` must be a string" });
    expect(valueOf(decision)).toMatchObject({ decision: "deny", error: "`user.name` must be a string" });
  });

  it("createAuthorizer passes its cache size to the runtime, which refuses a negative one", async () => {
    const [result] = await host.call(path, [{ name: "authorize", args: [{ user: judy, action: "cluster:monitor/health" }], authorizer: { cacheSize: -1 } }]);
    expect(result).toEqual({ error: expect.stringMatching(/^RangeError: .* got -1$/) });
  });

  it("authorizers with no cache, a one-entry cache and the default cache decide alike", async () => {
    const requests = [judy, teamUser, judy, { ...teamUser, host: "10.0.1.1" }, judy].flatMap((user) =>
      ["indices:data/read/search", "indices:data/write/index", "cluster:monitor/health"].map((action) => ({
        user,
        action,
        indices: ["logs-1", "team-red-1"].slice(0, action.startsWith("cluster:") ? 0 : 1),
      })),
    );
    const calls = (authorizer?: Record<string, unknown>) =>
      requests.map((request) => ({ name: "authorize", args: [request], ...(authorizer ? { authorizer } : {}) }));
    const [byDefault, uncached, tiny] = await Promise.all([
      host.call(path, calls()),
      host.call(path, calls({ cacheSize: 0 })),
      host.call(path, calls({ cacheSize: 1 })),
    ]);
    expect(values(uncached)).toEqual(values(byDefault));
    expect(values(tiny)).toEqual(values(byDefault));
    expect(values(byDefault).some((d) => (d as { decision: string }).decision === "allow")).toBe(true);
  });
});
