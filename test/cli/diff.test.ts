import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-diff-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FIXTURES = "test/fixtures/diff";

describe("policyc diff on pairs of policies with known changes", () => {
  const CASES = [
    ["nested-group", "an action added to the innermost of three nested action groups shows in every role using any of them"],
    ["mapping", "a user pattern gains a role, a host loses one"],
    ["tenant", "a tenant permission becomes read-write, a tenant pattern and a tenant are added"],
    ["restrictions", "DLS changes, FLS excludes one more field, masking goes"],
    ["settings", "backend role names count as roles, a system index appears"],
  ] as const;

  for (const [name, what] of CASES) {
    it(`${name}: ${what}`, async () => {
      for (const [format, ending] of [["text", "txt"], ["json", "json"], ["markdown", "md"]] as const) {
        const result = runCli(["diff", `${FIXTURES}/base`, `${FIXTURES}/${name}`, "--format", format]);
        expect(result.status).toBe(0);
        await expect(result.stdout).toMatchFileSnapshot(`../golden/cli/diff/${name}.${ending}`);
      }
    });
  }

  it("dsl: two sets of .policy files, the new one with a nested group change and a mapping", async () => {
    const result = runCli(["diff", `${FIXTURES}/dsl/old/main.policy`, `${FIXTURES}/dsl/new/main.policy`]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../golden/cli/diff/dsl.txt");
    const sets = runCli(["diff", "--old", `${FIXTURES}/dsl/old/main.policy`, "--old", `${FIXTURES}/dsl/old/groups.policy`, "--new", `${FIXTURES}/dsl/new/main.policy`, "--new", `${FIXTURES}/dsl/new/groups.policy`]);
    expect(sets.stdout).toBe(result.stdout);
  });

  it("is empty for a reordered file, a renamed action group, and the DSL twin of a YAML policy", () => {
    for (const other of [`${FIXTURES}/reorder`, `${FIXTURES}/rename`, `${FIXTURES}/dsl/old/main.policy`]) {
      expect(runCli(["diff", `${FIXTURES}/base`, other])).toMatchObject({ status: 0, stdout: "no access changes\n" });
      expect(JSON.parse(runCli(["diff", `${FIXTURES}/base`, other, "--format", "json"]).stdout)).toEqual({ effect: "none", roles: [], principals: [], settings: [], notes: [] });
    }
  });
});

describe("policyc diff --fail-on-broadening", () => {
  it("exits 1 when access is gained, alone or with access lost", () => {
    expect(runCli(["diff", `${FIXTURES}/base`, `${FIXTURES}/nested-group`, "--fail-on-broadening"]).status).toBe(1);
    expect(runCli(["diff", `${FIXTURES}/base`, `${FIXTURES}/restrictions`, "--fail-on-broadening"]).status).toBe(1);
  });

  it("exits 0 when access is only lost, or nothing changes", () => {
    const narrowing = runCli(["diff", `${FIXTURES}/nested-group`, `${FIXTURES}/base`, "--fail-on-broadening"]);
    expect(narrowing.status).toBe(0);
    expect(narrowing.stdout).toMatch(/^access diff: narrowing/);
    expect(runCli(["diff", `${FIXTURES}/base`, `${FIXTURES}/reorder`, "--fail-on-broadening"]).status).toBe(0);
  });
});

describe("policyc diff --git", () => {
  function repoWithTwoCommits(): string {
    const repo = scratch();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
    git("init", "--quiet");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "test");
    cpSync(join(ROOT, FIXTURES, "base"), join(repo, "config"), { recursive: true });
    cpSync(join(ROOT, FIXTURES, "dsl/old"), join(repo, "dsl"), { recursive: true });
    git("add", ".");
    git("commit", "--quiet", "-m", "base");
    cpSync(join(ROOT, FIXTURES, "nested-group"), join(repo, "config"), { recursive: true });
    cpSync(join(ROOT, FIXTURES, "dsl/new"), join(repo, "dsl"), { recursive: true });
    git("commit", "--quiet", "-am", "app_basic allows explain");
    // Uncommitted edits must not count: the revisions are read from git.
    writeFileSync(join(repo, "config", "roles.yml"), "broken: [\n");
    return repo;
  }

  it("compares a configuration directory between two commits as the directories themselves compare", () => {
    const repo = repoWithTwoCommits();
    const fromGit = runCli(["diff", "--git", "HEAD~1", "HEAD", "config", "--format", "json"], { cwd: repo });
    expect(fromGit.status).toBe(0);
    const fromDirectories = runCli(["diff", `${FIXTURES}/base`, `${FIXTURES}/nested-group`, "--format", "json"]);
    const withoutLocations = (json: string) => JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === "at" ? undefined : value));
    expect(withoutLocations(fromGit.stdout)).toBe(withoutLocations(fromDirectories.stdout));
    expect(runCli(["diff", "--git", "HEAD~1", "HEAD", "config"], { cwd: repo }).stdout).toContain("role `app_admin` changed: broadening (config/roles.yml:5:1)");
  });

  it("reads a .policy file and its imports at each revision", () => {
    const repo = repoWithTwoCommits();
    const result = runCli(["diff", "--git", "HEAD~1", "HEAD", "dsl/main.policy", "--fail-on-broadening"], { cwd: repo });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("user pattern `judy`: broadening\n  + gains role `hr_reader`");
  });

  it("exits 2 naming the revision when git cannot read it", () => {
    const repo = repoWithTwoCommits();
    const result = runCli(["diff", "--git", "HEAD~5", "HEAD", "config"], { cwd: repo });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^policyc: `config` is not in revision `HEAD~5` \(git: /);
  });
});

describe("policyc diff on every example against a modified copy", () => {
  /** One change a pull request might make to each example: [file, text, replacement]. */
  const MODIFIED: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
    "alerting-system-index": [["roles.yml", "      allowed_actions:\n        - 'read'", "      allowed_actions:\n        - 'read'\n        - 'system:admin/system_index'"]],
    "anomaly-detection": [
      ["roles_mapping.yml", '    - "bob"\n', ""],
      ["opensearch.yml", "filter_by_backend_roles: true", "filter_by_backend_roles: false"],
    ],
    "async-search": [["roles.yml", "        - 'indices:data/read/search*'", "        - 'read'"]],
    "async-search-seed-mapping": [["roles_mapping.yml", "async_full_access:", "asynchronous_search_full_access:"]],
    "bulk-permissions": [["roles_mapping.yml", 'bulk_client:\n  users:\n    - "writer"', 'bulk_client:\n  users:\n    - "writer"\n    - "doc-only"']],
    "cat-shards-denial": [["roles.yml", '    - "cluster_monitor"', '    - "cluster_monitor"\n  index_permissions:\n    - index_patterns:\n        - "*"\n      allowed_actions:\n        - "indices_monitor"']],
    "default-config": [["roles_mapping.yml", 'readall:\n  reserved: false\n  backend_roles:\n  - "readall"', 'readall:\n  reserved: false\n  backend_roles:\n  - "readers"']],
    "dls-fls-masking": [
      ["roles.yml", '"gte": "2024-01-01"', '"gte": "2025-01-01"'],
      ["roles.yml", '        - "~salary"\n        - "~bonus"', '        - "~salary"'],
    ],
    "multi-tenant-dashboards": [
      ["roles.yml", '        - "global_tenant"\n      allowed_actions:\n        - "kibana_all_read"', '        - "global_tenant"\n      allowed_actions:\n        - "kibana_all_write"'],
      ["tenants.yml", 'management:\n  description: "Reports for management"\n', ""],
    ],
    "security-rest-api": [
      ["opensearch.yml", '["security_rest_api_access"]', '["security_rest_api_access", "role_manager"]'],
      ["roles.yml", '    - "restapi:admin/rolesmapping"\n', ""],
    ],
    "searchguard-anomaly-detection": [
      ["sg_roles.yml", 'exclude_cluster_permissions:\n    - "cluster:admin/searchguard/ad/detector/delete"\n    - "cluster:admin/searchguard/ad/detector/jobmanagement"\n', 'exclude_cluster_permissions:\n    - "cluster:admin/searchguard/ad/detector/delete"\n'],
      ["sg_roles_mapping.yml", '    - "ad-viewer"', '    - "ad-viewer"\n    - "analyst"'],
    ],
    "searchguard-demo-config": [["sg_roles_mapping.yml", 'SGS_OWN_INDEX:\n  users:\n  - "*"', 'SGS_OWN_INDEX:\n  users:\n  - "admin"']],
  };

  it("has a modification for every example", () => {
    const examples = readdirSync(join(ROOT, "examples"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(Object.keys(MODIFIED).sort()).toEqual(examples.sort());
  });

  /** `old/` and `new/` copies of the example's configuration files in a scratch directory, the modification applied to `new/`. */
  function oldAndNew(example: string): string {
    const dir = scratch();
    const yaml = readdirSync(join(ROOT, "examples", example)).filter((name) => /\.ya?ml$/.test(name));
    for (const side of ["old", "new"]) {
      mkdirSync(join(dir, side));
      for (const name of yaml) cpSync(join(ROOT, "examples", example, name), join(dir, side, name));
    }
    for (const [file, text, replacement] of MODIFIED[example]!) {
      const path = join(dir, "new", file);
      const before = readFileSync(path, "utf8");
      if (!before.includes(text)) throw new Error(`examples/${example}/${file} does not contain ${JSON.stringify(text)}`);
      writeFileSync(path, before.replace(text, replacement));
    }
    return dir;
  }

  for (const example of Object.keys(MODIFIED)) {
    it(`${example}: text, JSON and Markdown`, async () => {
      const dir = oldAndNew(example);
      for (const [format, ending] of [["text", "txt"], ["json", "json"], ["markdown", "md"]] as const) {
        const result = runCli(["diff", "old", "new", "--format", format], { cwd: dir });
        expect(result.status).toBe(0);
        await expect(result.stdout).toMatchFileSnapshot(`../golden/cli/diff/examples/${example}.${ending}`);
      }
    });
  }
});

describe("policyc diff of compiled tables", () => {
  it("compares two policy.json files, and says internal users are left out without provenance", () => {
    const [before, after] = [scratch(), scratch()];
    runCli(["compile", `${FIXTURES}/base`, "--out", before]);
    runCli(["compile", `${FIXTURES}/nested-group`, "--out", after]);
    const result = runCli(["diff", join(before, "policy.json"), join(after, "policy.json")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("role `app_admin` changed: broadening\n  + index `app-*`: gains `indices:data/read/explain`\n");
    expect(result.stdout).not.toContain("internal user `");
    expect(result.stdout).toMatch(/\nnote: the old and the new version are tables without provenance: internal users are not compared\n$/);
  });
});

describe("policyc diff errors", () => {
  it("exits 1 with the errors of the side that has them", () => {
    const result = runCli(["diff", "test/cli/fixtures/broken", `${FIXTURES}/base`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^policyc: the old policy \(`test\/cli\/fixtures\/broken`\) has errors:\n.*error PC/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 on wrong usage or a path that cannot be read", () => {
    expect(runCli(["diff", `${FIXTURES}/base`])).toMatchObject({ status: 2, stderr: expect.stringContaining("give the old and the new policy") });
    expect(runCli(["diff", "--git", "HEAD", `${FIXTURES}/base`])).toMatchObject({ status: 2, stderr: expect.stringContaining("`--git` takes two revisions and a path") });
    expect(runCli(["diff", `${FIXTURES}/base`, `${FIXTURES}/base`, "--format", "html"])).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown format `html`") });
    expect(runCli(["diff", `${FIXTURES}/base`, "no/such/dir"])).toMatchObject({ status: 2, stderr: "policyc: cannot read `no/such/dir`: no such file or directory\n" });
  });
});
