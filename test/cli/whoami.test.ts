import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { withMeta } from "../helpers/policy.js";

const dir = mkdtempSync(join(tmpdir(), "policyc-whoami-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the test's directory and returns its path. */
function written(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** judy reads every tenant and is a kibana_user; the backend role `analyst` writes to `analysts`. */
const POLICY = (() => {
  const path = join(dir, "policy");
  mkdirSync(path);
  const files = withMeta({
    "roles.yml": `analyst_rw:\n  tenant_permissions:\n    - tenant_patterns: ["analysts"]\n      allowed_actions: ["kibana_all_write"]\nreader:\n  tenant_permissions:\n    - tenant_patterns: ["*"]\n      allowed_actions: ["kibana_all_read"]\n`,
    "roles_mapping.yml": `analyst_rw:\n  backend_roles: ["analyst"]\nreader:\n  users: ["judy"]\nkibana_user:\n  users: ["judy"]\n`,
    "tenants.yml": `analysts: {}\nsales: {}\n`,
  });
  for (const file of files) writeFileSync(join(path, file.path), file.text);
  return path;
})();

const JUDY = '{"name": "judy", "backend_roles": ["analyst", "analyst"], "attributes": {"attr.internal.dept": "eng"}}';
const jsonLines = (text: string): unknown[] =>
  text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as unknown);

describe("policyc whoami", () => {
  it("prints the user's authinfo as one JSON object and exits 0", () => {
    const result = runCli(["whoami", POLICY, "--user", JUDY]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(jsonLines(result.stdout)).toEqual([
      {
        user: "User [name=judy, backend_roles=[analyst], requestedTenant=null]",
        user_name: "judy",
        user_requested_tenant: null,
        backend_roles: ["analyst"],
        custom_attribute_names: ["attr.internal.dept"],
        roles: ["analyst_rw", "kibana_user", "reader"],
        tenants: { analysts: true, global_tenant: false, judy: true, sales: false },
      },
    ]);
  });

  it("prints roles, backend roles and tenants with rw and ro in the text format", () => {
    const result = runCli(["whoami", POLICY, "--user", JUDY, "--format", "text"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "user judy",
        "  roles: analyst_rw, kibana_user, reader",
        "  backend roles: analyst",
        "  custom attributes: attr.internal.dept",
        "  tenants:",
        "    analysts       rw",
        "    global_tenant  ro",
        "    judy           rw  (private tenant)",
        "    sales          ro",
        "",
      ].join("\n"),
    );
  });

  it("reports the tenant given with --tenant as the requested one", () => {
    const [info] = jsonLines(runCli(["whoami", POLICY, "--user", '{"name": "bob"}', "--tenant", "sales"]).stdout);
    expect(info).toMatchObject({ user: "User [name=bob, backend_roles=[], requestedTenant=sales]", user_requested_tenant: "sales", tenants: { bob: true } });
  });

  it("answers each line of --users, an error object for a malformed line, and goes on", () => {
    const users = written("users.jsonl", `${JUDY}\nnot json\n\n{"name": 7}\n{"name": "bob"}\n`);
    const result = runCli(["whoami", POLICY, "--users", users]);
    expect(result.status).toBe(0);
    const answers = jsonLines(result.stdout);
    expect(answers).toHaveLength(4);
    expect(answers[0]).toMatchObject({ user_name: "judy" });
    expect(answers[1]).toEqual({ error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(answers[2]).toEqual({ error: "line 4: `user.name` must be a string" });
    expect(answers[3]).toMatchObject({ user_name: "bob", tenants: { bob: true } });
  });

  it("reads the users from standard input with --users -", () => {
    const result = runCli(["whoami", POLICY, "--users", "-", "--format", "text"], { input: '{"name": "bob"}\n{"name": 1}\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("user bob\n  roles: (none)\n  backend roles: (none)\n  custom attributes: (none)\n  tenants:\n    bob  rw  (private tenant)\n\nerror: line 2: `user.name` must be a string\n");
  });

  it("reads a compiled decision table as well", () => {
    const out = join(dir, "compiled");
    expect(runCli(["compile", POLICY, "--out", out]).status).toBe(0);
    const fromTable = runCli(["whoami", join(out, "policy.json"), "--user", JUDY]);
    expect(fromTable.status).toBe(0);
    expect(fromTable.stdout).toBe(runCli(["whoami", POLICY, "--user", JUDY]).stdout);
  });

  it("exits 2 with a clear message when --user is not JSON", () => {
    const result = runCli(["whoami", POLICY, "--user", "{name: judy}"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^policyc: `--user` is not valid JSON \(.+\)\n$/);
  });

  it("exits 2 when --user is JSON but not a user", () => {
    const result = runCli(["whoami", POLICY, "--user", '{"backend_roles": ["x"]}']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("policyc: `--user`: `user.name` must be a string\n");
  });

  it("exits 2 without --user or --users, with both, or with an unknown format", () => {
    expect(runCli(["whoami", POLICY])).toMatchObject({ status: 2, stderr: "policyc: give the user with `--user '<json>'`, or a file of users with `--users <file>`\n" });
    expect(runCli(["whoami", POLICY, "--user", JUDY, "--users", "-"])).toMatchObject({ status: 2, stderr: "policyc: give either `--user` or `--users`, not both\n" });
    expect(runCli(["whoami", POLICY, "--user", JUDY, "--format", "yaml"])).toMatchObject({ status: 2, stderr: "policyc: unknown format `yaml`; use `json` or `text`\n" });
  });

  it("exits 2 when the users file cannot be read", () => {
    const result = runCli(["whoami", POLICY, "--users", join(dir, "missing.jsonl")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`policyc: cannot read users from \`${join(dir, "missing.jsonl")}\`: no such file or directory\n`);
  });

  it("exits 1 with the diagnostics when the policy has errors", () => {
    const result = runCli(["whoami", "test/cli/fixtures/broken", "--user", JUDY]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error PC");
  });
});
