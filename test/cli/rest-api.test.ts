/**
 * The REST API through the command line: the seeds' requests in examples/
 * decide their scenarios as the YAML versions do, API dumps read as a
 * directory, `convert --to console|curl`, `diff --to patch`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const lines = (text: string): unknown[] => text.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as unknown);
const expected = (example: string): unknown[] => lines(readFileSync(join(ROOT, "examples", example, "expected.jsonl"), "utf8"));

describe("the seeds' requests in examples/", () => {
  it("judy and elon, created through the console, decide async-search's requests as its YAML does", () => {
    const result = runCli(["check", "examples/async-search/api-requests.console", "--base", "examples/async-search/roles.yml", "--requests", "examples/async-search/requests.jsonl"]);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual(expected("async-search"));
  });

  it("anomalyuser, alice and bob, created with curl and the console, decide anomaly-detection's requests as its YAML does", () => {
    const result = runCli([
      "check",
      "examples/anomaly-detection/setup.sh",
      "examples/anomaly-detection/api-requests.console",
      "--base",
      "examples/anomaly-detection/roles.yml",
      "--requests",
      "examples/anomaly-detection/requests.jsonl",
    ]);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual(expected("anomaly-detection"));
    expect(result.stderr).toContain("setup.sh:11:1: info PC2113: requests go to `localhost:9200` and `localhost:9250`; policyc applies them all to one policy");
  });

  it("the seed's mapping of `async_full_access`, verbatim, is refused as the API refuses it", () => {
    const result = runCli(["validate", "examples/async-search-seed-mapping/api-requests.console", "--base", "examples/async-search-seed-mapping/roles.yml"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "examples/async-search-seed-mapping/api-requests.console:24:44: error PC2106: the API refuses this request (404 Not Found): role 'async_full_access' not found.",
    );
    expect(result.stdout).toContain("examples/async-search-seed-mapping/api-requests.console:8:15: warning PC2108");
  });

  it("a script given beside a configuration directory applies to it", () => {
    const result = runCli(["check", "examples/async-search", "examples/async-search/api-requests.console", "--requests", "examples/async-search/requests.jsonl"]);
    expect(result.status).toBe(0);
    expect(lines(result.stdout)).toEqual(expected("async-search"));
  });
});

describe("API dumps", () => {
  const dumps = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "policyc-dump-"));
    writeFileSync(join(dir, "roles.json"), JSON.stringify({ logs_reader: { reserved: false, hidden: false, static: false, cluster_permissions: [], index_permissions: [{ index_patterns: ["logs-*"], fls: [], masked_fields: [], allowed_actions: ["read"] }], tenant_permissions: [] } }));
    writeFileSync(join(dir, "rolesmapping.json"), JSON.stringify({ logs_reader: { hosts: [], users: [], reserved: false, hidden: false, backend_roles: ["ops"], and_backend_roles: [] } }));
    writeFileSync(join(dir, "requests.jsonl"), `${JSON.stringify({ user: { name: "kim", backend_roles: ["ops"] }, action: "indices:data/read/search", indices: ["logs-1"] })}\n`);
    return dir;
  };

  it("read as a directory, decide requests", () => {
    const dir = dumps();
    const result = runCli(["check", dir, "--requests", join(dir, "requests.jsonl")]);
    expect(result.stderr).toBe("");
    expect(lines(result.stdout)).toEqual([{ decision: "allow", roles: ["logs_reader"], missing: [] }]);
  });

  it("convert to the requests that recreate them", () => {
    const dir = dumps();
    const output = join(dir, "apply.console");
    const result = runCli(["convert", dir, "--to", "console", "--output", output]);
    expect(result.status).toBe(0);
    const text = readFileSync(output, "utf8");
    expect(text.split("\n").filter((line) => line.startsWith("PUT "))).toEqual(["PUT _plugins/_security/api/roles/logs_reader", "PUT _plugins/_security/api/rolesmapping/logs_reader"]);
  });

  it("a .json file that is neither a dump nor a decision table is a usage error", () => {
    const dir = mkdtempSync(join(tmpdir(), "policyc-json-"));
    writeFileSync(join(dir, "users.json"), "{}");
    const result = runCli(["validate", join(dir, "users.json")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is neither a decision table (it has no `format` field) nor a REST API dump, which is recognized by its name");
  });
});

describe("diff --to patch", () => {
  it("writes the PATCH requests that turn the old policy into the new one", () => {
    const dir = mkdtempSync(join(tmpdir(), "policyc-patch-"));
    writeFileSync(join(dir, "old.policy"), "role r1 {\n  cluster cluster:monitor/health\n}\n");
    writeFileSync(join(dir, "new.policy"), "role r1 {\n  cluster cluster:monitor/health, cluster:monitor/state\n}\n");
    const result = runCli(["diff", join(dir, "old.policy"), join(dir, "new.policy"), "--to", "patch"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`PATCH _plugins/_security/api/roles\n[\n  {\n    "op": "add",\n    "path": "/r1/cluster_permissions",\n    "value": [\n      "cluster:monitor/health",\n      "cluster:monitor/state"\n    ]\n  }\n]`);
  });
});
