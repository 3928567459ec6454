import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-convert-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const example = (name: string) => join("examples", name);
const requestsOf = (name: string) => join("examples", name, "requests.jsonl");
const expectedOf = (name: string) => readFileSync(join("examples", name, "expected.jsonl"), "utf8");

describe("policyc convert --to dsl", () => {
  it("writes one .policy file that decides every request as the YAML does", () => {
    const policy = join(scratch(), "policy.policy");
    const converted = runCli(["convert", example("default-config"), "--to", "dsl", "--output", policy]);
    expect(converted).toMatchObject({ status: 0, stdout: "" });
    const checked = runCli(["check", policy, "--requests", requestsOf("default-config")]);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toBe(expectedOf("default-config"));
  });

  it("carries the settings of the configuration directory into the settings block", () => {
    const policy = join(scratch(), "policy.policy");
    runCli(["convert", example("alerting-system-index"), "--to", "dsl", "--output", policy]);
    expect(readFileSync(policy, "utf8")).toMatch(/^settings \{\n {2}plugins\.security\.system_indices\.enabled = true\n/);
    expect(runCli(["check", policy, "--requests", requestsOf("alerting-system-index")]).stdout).toBe(expectedOf("alerting-system-index"));
  });

  it("converts the settings of --settings too", () => {
    const dir = scratch();
    writeFileSync(join(dir, "settings.yml"), "plugins.security.roles_mapping_resolution: BOTH\n");
    const policy = join(dir, "policy.policy");
    runCli(["convert", example("bulk-permissions"), "--to", "dsl", "--output", policy, "--settings", join(dir, "settings.yml")]);
    expect(readFileSync(policy, "utf8")).toContain("settings {\n  plugins.security.roles_mapping_resolution = BOTH\n}\n");
  });

  it("prints the input's diagnostics, exits 1 and writes nothing when the input has errors", () => {
    const policy = join(scratch(), "policy.policy");
    const result = runCli(["convert", "test/cli/fixtures/broken", "--to", "dsl", "--output", policy]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error PC2006");
    expect(existsSync(policy)).toBe(false);
  });

  it("prints warnings of the input and converts anyway", () => {
    const policy = join(scratch(), "policy.policy");
    const result = runCli(["convert", example("async-search-seed-mapping"), "--to", "dsl", "--output", policy]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("warning PC3003");
    expect(existsSync(policy)).toBe(true);
  });

  it("leaves no temporary file next to the output", () => {
    const dir = scratch();
    runCli(["convert", example("async-search"), "--to", "dsl", "--output", join(dir, "policy.policy")]);
    expect(readdirSync(dir)).toEqual(["policy.policy"]);
  });
});

describe("policyc convert --to yaml", () => {
  it("writes a directory of configuration files that decides every request as the DSL does", () => {
    const dir = scratch();
    runCli(["convert", example("default-config"), "--to", "dsl", "--output", join(dir, "policy.policy")]);
    const converted = runCli(["convert", join(dir, "policy.policy"), "--to", "yaml", "--output", join(dir, "config")]);
    // The plugin's demo roles.yml repeats actions a wildcard of the same list grants: lint warnings (PC8004), no error.
    expect(converted).toMatchObject({ status: 0, stdout: "" });
    expect(converted.stderr).not.toMatch(/ error /);
    expect(readdirSync(join(dir, "config"))).toEqual(["action_groups.yml", "internal_users.yml", "roles.yml", "roles_mapping.yml", "tenants.yml"]);
    expect(runCli(["check", join(dir, "config"), "--requests", requestsOf("default-config")]).stdout).toBe(expectedOf("default-config"));
  });

  it("writes opensearch.yml for the node settings of the settings block", () => {
    const dir = scratch();
    runCli(["convert", example("alerting-system-index"), "--to", "dsl", "--output", join(dir, "policy.policy")]);
    runCli(["convert", join(dir, "policy.policy"), "--to", "yaml", "--output", join(dir, "config")]);
    expect(readFileSync(join(dir, "config", "opensearch.yml"), "utf8")).toBe(
      [
        "plugins.security.system_indices.enabled: true",
        'plugins.security.system_indices.indices: [".opendistro-alerting-config", ".opendistro-alerting-alert*"]',
        "plugins.security.system_indices.permission.enabled: true",
        "",
      ].join("\n"),
    );
    expect(runCli(["check", join(dir, "config"), "--requests", requestsOf("alerting-system-index")]).stdout).toBe(expectedOf("alerting-system-index"));
  });

  it("writes the Dashboards settings to config.yml", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.policy"), "settings { config.dynamic.kibana.private_tenant_enabled = false }\n");
    expect(runCli(["convert", join(dir, "a.policy"), "--to", "yaml", "--output", join(dir, "out")]).status).toBe(0);
    expect(readFileSync(join(dir, "out", "config.yml"), "utf8")).toContain("config:\n  dynamic:\n    kibana:\n      private_tenant_enabled: false\n");
    expect(existsSync(join(dir, "out", "opensearch.yml"))).toBe(false);
  });

  it("gives back the same .policy text after a trip through YAML", () => {
    const dir = scratch();
    runCli(["convert", example("async-search"), "--to", "dsl", "--output", join(dir, "first.policy")]);
    runCli(["convert", join(dir, "first.policy"), "--to", "yaml", "--output", join(dir, "config")]);
    runCli(["convert", join(dir, "config"), "--to", "dsl", "--output", join(dir, "second.policy")]);
    expect(readFileSync(join(dir, "second.policy"), "utf8")).toBe(readFileSync(join(dir, "first.policy"), "utf8"));
  });

  it("refuses a directory that holds another policy file, which would be read with the converted ones", () => {
    const dir = scratch();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "opensearch.yml"), "cluster.name: x\n");
    writeFileSync(join(dir, "a.policy"), "role r {}\n");
    const result = runCli(["convert", join(dir, "a.policy"), "--to", "yaml", "--output", join(dir, "out")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("already holds `opensearch.yml`");
    expect(readdirSync(join(dir, "out"))).toEqual(["opensearch.yml"]);
  });

  it("reports a name that a configuration file cannot hold and writes nothing", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.policy"), 'role "_meta" {}\n');
    const result = runCli(["convert", join(dir, "a.policy"), "--to", "yaml", "--output", join(dir, "out")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error PC5004: role `_meta` cannot be written to `roles.yml`");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("policyc convert usage", () => {
  it("exits 2 for an unknown target format", () => {
    const result = runCli(["convert", example("async-search"), "--to", "json", "--output", join(scratch(), "x")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown format `json`");
  });

  it("says in its help that comments are not carried over", () => {
    const result = runCli(["convert", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Comments are not carried over");
  });
});
