import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compile, readPolicyModel, validate } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-dsl-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes files (by path relative to a new directory) and returns the directory. */
function writeFiles(files: Record<string, string>): string {
  const dir = scratch();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const BULK_REQUEST = '{"user": {"name": "writer"}, "action": "indices:data/write/bulk"}\n';
const decisionOf = (stdout: string) => JSON.parse(stdout) as { decision: string; roles: string[] };

describe(".policy files on the command line", () => {
  it("compile writes the decision table of a .policy file", () => {
    const dir = writeFiles({ "a.policy": "role writer { cluster indices:data/write/bulk users writer }\n" });
    const result = runCli(["compile", join(dir, "a.policy"), "--out", join(dir, "out")]);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out", "policy.json"), "utf8"))).toMatchObject({ format: "policyc-decision-table" });
  });

  it("check reads several .policy files as one policy", () => {
    const dir = writeFiles({ "roles.policy": "role writer { cluster indices:data/write/bulk }\n", "users.policy": "user writer { mapped_to writer }\n" });
    const result = runCli(["check", join(dir, "roles.policy"), join(dir, "users.policy"), "--requests", "-"], { input: BULK_REQUEST });
    expect(result.status).toBe(0);
    expect(decisionOf(result.stdout)).toMatchObject({ decision: "allow", roles: ["writer"] });
  });

  it("reads imported files relative to the importing file, each once however often it is imported", () => {
    const dir = writeFiles({
      "main.policy": 'import "roles/writer.policy"\nimport "users.policy"\nimport "./users.policy"\n',
      "roles/writer.policy": 'import "../users.policy"\nrole writer { cluster indices:data/write/bulk }\n',
      "users.policy": 'import "main.policy"\nmapping writer { users writer }\n',
    });
    const result = runCli(["check", join(dir, "main.policy"), join(dir, "users.policy"), "--requests", "-"], { input: BULK_REQUEST });
    expect(result.stderr).toBe("");
    expect(decisionOf(result.stdout)).toMatchObject({ decision: "allow", roles: ["writer"] });
  });

  it("exits 2 naming where a file that cannot be read was imported", () => {
    const dir = writeFiles({ "main.policy": 'role r {}\nimport "missing.policy"\n' });
    const result = runCli(["validate", join(dir, "main.policy")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`policyc: ${join(dir, "main.policy")}:2:8: cannot read \`${join(dir, "missing.policy")}\`: no such file or directory (imported here)\n`);
  });

  it("validate reports syntax errors tsc-style and exits 1", () => {
    const dir = writeFiles({ "a.policy": "role r {\n  clustr x\n}\n" });
    const result = runCli(["validate", join(dir, "a.policy")]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${join(dir, "a.policy").replace(/[.\\]/g, "\\$&")}:2:3: error PC1004`));
  });

  it("check applies --settings over the settings block", () => {
    const dir = writeFiles({
      "a.policy": "settings { plugins.security.roles_mapping_resolution = MAPPING_ONLY }\nrole writer { cluster indices:data/write/bulk }\n",
      "opensearch.yml": "plugins.security.roles_mapping_resolution: BACKENDROLES_ONLY\n",
    });
    const input = '{"user": {"name": "u", "backend_roles": ["writer"]}, "action": "indices:data/write/bulk"}\n';
    const withBlock = runCli(["check", join(dir, "a.policy"), "--requests", "-"], { input });
    const overridden = runCli(["check", join(dir, "a.policy"), "--requests", "-", "--settings", join(dir, "opensearch.yml")], { input });
    expect(decisionOf(withBlock.stdout).decision).toBe("deny");
    expect(decisionOf(overridden.stdout)).toMatchObject({ decision: "allow", roles: ["writer"] });
  });

  it("refuses YAML and .policy inputs together, saying so", () => {
    const dir = writeFiles({ "a.policy": "role r {}\n" });
    const result = runCli(["validate", "examples/async-search", join(dir, "a.policy")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("give either YAML configuration or .policy files, not both");
  });

  it("refuses a decision table given with other inputs", () => {
    const dir = writeFiles({ "policy.json": "{}", "a.policy": "role r {}\n" });
    const result = runCli(["check", join(dir, "policy.json"), join(dir, "a.policy"), "--requests", "-"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is a compiled decision table, which is read on its own");
  });
});

describe(".policy files in the programmatic API", () => {
  it("compile reads .policy files given with their imports", () => {
    const result = compile({
      files: [
        { path: "main.policy", text: 'import "users.policy"\nrole writer { cluster indices:data/write/bulk }\n' },
        { path: "users.policy", text: "user writer { mapped_to writer }\n" },
      ],
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.table).toBeDefined();
  });

  it("reports YAML files given with .policy files as an error, and does not read them", () => {
    const { diagnostics } = validate({
      files: [
        { path: "a.policy", text: "role r {}\n" },
        { path: "roles.yml", text: '_meta: {type: "roles", config_version: 2}\n' },
      ],
    });
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["PC5006", "error", "`roles.yml` is not read: a policy is read from YAML files or from .policy files, not both"],
    ]);
  });

  it("readPolicyModel gives the model of .policy files without compiling them", () => {
    const { model, diagnostics } = readPolicyModel({ files: [{ path: "a.policy", text: "role r { users u }\ntenant t\n" }] });
    expect(diagnostics).toEqual([]);
    expect(model.roles.map((role) => role.name.value)).toEqual(["r"]);
    expect(model.roleMappings.map((mapping) => mapping.users.map((user) => user.value))).toEqual([["u"]]);
    expect(model.tenants.map((tenant) => tenant.name.value)).toEqual(["t"]);
  });
});
