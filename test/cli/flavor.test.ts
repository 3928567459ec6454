/**
 * The flavor on the command line: a Search Guard directory is recognized by its file names, `--flavor` names
 * the flavor on every command that reads a configuration, and a directory of both flavors is an error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A directory holding the given files. */
function directoryWith(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "policyc-flavor-"));
  temporaryDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SG_FILES = {
  "sg_roles.yml": "reader:\n  index_permissions:\n    - index_patterns: [\"logs-*\"]\n      allowed_actions: [SGS_READ]\n",
  "sg_roles_mapping.yml": "reader:\n  users: [judy]\n",
};
const OS_ROLES = '_meta:\n  type: "roles"\n  config_version: 2\nreader:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: [read]\n';
const SEARCH = JSON.stringify({ user: { name: "judy" }, action: "indices:data/read/search", indices: ["logs-1"] });

function checkOne(dir: string): ReturnType<typeof runCli> {
  const requests = join(dir, "requests.jsonl");
  writeFileSync(requests, `${SEARCH}\n`);
  return runCli(["check", dir, "--requests", requests]);
}

describe("a Search Guard configuration directory", () => {
  it("is recognized by its sg_* file names and decided with Search Guard's built-ins", () => {
    const result = checkOne(directoryWith(SG_FILES));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ decision: "allow" });
  });

  it("compiles into a table that says its flavor", () => {
    const dir = directoryWith(SG_FILES);
    const out = join(dir, "out");
    expect(runCli(["compile", dir, "--out", out])).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(readFileSync(join(out, "policy.json"), "utf8"))).toMatchObject({ flavor: "searchguard" });
  });
});

describe("--flavor", () => {
  it("names the flavor of files whose names say none", () => {
    const tenants = 'team_a:\n  description: "Team A"\n';
    const dir = directoryWith({ "static_tenants.yml": tenants });
    expect(runCli(["validate", dir, "--flavor", "searchguard"])).toMatchObject({ status: 0, stdout: "" });
    // Without it the file is OpenSearch's, which needs a `_meta` block.
    expect(runCli(["validate", dir]).stdout).toContain("error PC2003");
  });

  it("is accepted by compile, check, validate, whoami and convert", () => {
    for (const command of ["compile", "check", "validate", "whoami", "convert"]) {
      expect(runCli([command, "--help"]).stdout, command).toContain("--flavor <flavor>");
    }
  });

  it("refuses a value that is no flavor, with exit code 2", () => {
    const result = runCli(["validate", directoryWith(SG_FILES), "--flavor", "elastic"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("policyc: `--flavor` must be `opensearch` or `searchguard`, not `elastic`\n");
  });

  it("makes a file of the other flavor an error, with exit code 1", () => {
    const dir = directoryWith({ ...SG_FILES, "roles.yml": OS_ROLES });
    const result = runCli(["validate", dir, "--flavor", "searchguard"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${join(dir, "roles.yml")}:1:1: error PC5007: \`roles.yml\` is an OpenSearch Security file, but the flavor is \`searchguard\`; it is not read`);
  });

  it("does not apply to a compiled decision table", () => {
    const dir = directoryWith(SG_FILES);
    const out = join(dir, "out");
    runCli(["compile", dir, "--out", out]);
    writeFileSync(join(dir, "requests.jsonl"), `${SEARCH}\n`);
    const table = runCli(["check", join(out, "policy.json"), "--requests", join(dir, "requests.jsonl"), "--flavor", "searchguard"]);
    expect(table.status).toBe(2);
    expect(table.stderr).toBe("policyc: `--flavor` applies when compiling; a decision table already holds its flavor\n");
  });
});

describe("a directory mixing both flavors", () => {
  const mixed = () => directoryWith({ ...SG_FILES, "roles.yml": OS_ROLES });

  it("is an error that says so, and check decides nothing (exit code 1)", () => {
    const dir = mixed();
    const result = checkOne(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `${join(dir, "roles.yml")}:1:1: error PC5007: the configuration mixes OpenSearch Security files (\`roles.yml\`) and Search Guard files (\`sg_roles.yml\`, \`sg_roles_mapping.yml\`); a policy is read with one plugin's rules`,
    );
  });

  it("is reported once by validate, with exit code 1", () => {
    const result = runCli(["validate", mixed()]);
    expect(result.status).toBe(1);
    expect(result.stdout.match(/PC5007/g)).toHaveLength(1);
  });
});

describe("convert", () => {
  it("refuses to write a Search Guard configuration as DSL, with exit code 2", () => {
    const dir = directoryWith(SG_FILES);
    const result = runCli(["convert", dir, "--to", "dsl", "--output", join(dir, "policy.policy")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "policyc: the DSL writes OpenSearch Security policies only, so a Search Guard configuration cannot be converted to it; migrate it with `--to opensearch` first\n",
    );
  });
});
