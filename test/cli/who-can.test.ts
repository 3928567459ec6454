import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-who-can-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A few questions per example: the seed scenario's own action first. */
const QUESTIONS: readonly (readonly [example: string, args: readonly string[]])[] = [
  ["alerting-system-index", ["cluster:admin/opendistro/alerting/alerts/get"]],
  ["alerting-system-index", ["indices:data/read/search", "--index", ".opendistro-alerting-config"]],
  ["anomaly-detection", ["cluster:admin/opendistro/ad/detector/write"]],
  ["async-search", ["cluster:admin/opendistro/asynchronous_search/get"]],
  ["async-search", ["indices:data/write/index", "--index", "logs-2026"]],
  ["async-search-seed-mapping", ["cluster:admin/opendistro/asynchronous_search/submit"]],
  ["bulk-permissions", ["indices:data/write/bulk"]],
  ["bulk-permissions", ["indices:data/write/index", "--index", "test-index"]],
  ["cat-shards-denial", ["indices:monitor/stats"]],
  ["cat-shards-denial", ["cluster:monitor/state"]],
  ["default-config", ["cluster:monitor/health"]],
  ["default-config", ["indices:data/write/index", "--index", "logs-2026"]],
  ["dls-fls-masking", ["indices:data/read/search", "--index", "hr"]],
  ["multi-tenant-dashboards", ["indices:data/write/index", "--tenant", "analysts"]],
  ["multi-tenant-dashboards", ["indices:data/read/search", "--index", ".kibana"]],
  ["security-rest-api", ["restapi:admin/roles"]],
  ["searchguard-anomaly-detection", ["cluster:admin/searchguard/ad/detector/delete"]],
  ["searchguard-demo-config", ["indices:data/read/search", "--index", "logs-1"]],
  ["searchguard-demo-config", ["kibana:saved_objects/_/write", "--tenant", "ops"]],
];

/** `cluster:monitor/health --index x` → `cluster-monitor-health--index-x`. */
function slug(args: readonly string[]): string {
  return args.join(" ").replace(/[^A-Za-z0-9_.]+/g, "-").replace(/^-|-$/g, "");
}

describe("policyc who-can on every example", () => {
  for (const [example, args] of QUESTIONS) {
    it(`answers \`${args.join(" ")}\` on ${example} as text and JSON`, async () => {
      const text = runCli(["who-can", `examples/${example}`, ...args]);
      expect(text.status).toBe(0);
      await expect(text.stdout).toMatchFileSnapshot(`../golden/cli/who-can/${example}--${slug(args)}.txt`);
      const json = runCli(["who-can", `examples/${example}`, ...args, "--format", "json"]);
      expect(json.status).toBe(0);
      await expect(json.stdout).toMatchFileSnapshot(`../golden/cli/who-can/${example}--${slug(args)}.json`);
    });
  }
});

describe("policyc who-can", () => {
  it("answers the same from the .policy twin of an example, but for the locations", () => {
    const fromYaml = JSON.parse(runCli(["who-can", "examples/bulk-permissions", "indices:data/write/bulk", "--format", "json"]).stdout) as { roles: { role: string }[] };
    const fromDsl = JSON.parse(runCli(["who-can", "examples/bulk-permissions/bulk-permissions.policy", "indices:data/write/bulk", "--format", "json"]).stdout) as { roles: { role: string }[] };
    expect(fromDsl.roles.map((r) => r.role)).toEqual(fromYaml.roles.map((r) => r.role));
  });

  it("reads a compiled table, with the locations of its provenance", () => {
    const out = scratch();
    expect(runCli(["compile", "examples/cat-shards-denial", "--out", out, "--provenance"]).status).toBe(0);
    const result = runCli(["who-can", join(out, "policy.json"), "cluster:monitor/health"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("role `cluster_monitor_only` (examples/cat-shards-denial/roles.yml:8:1)");
  });

  it("says what is missing when a compiled table has no provenance", () => {
    const out = scratch();
    runCli(["compile", "examples/cat-shards-denial", "--out", out]);
    const result = runCli(["who-can", join(out, "policy.json"), "cluster:monitor/health"]);
    expect(result.stdout).toContain("role `cluster_monitor_only`\n");
    expect(result.stdout).toContain("the table carries no provenance");
  });

  it("exits 1 with the diagnostics when the policy has errors", () => {
    const result = runCli(["who-can", "test/cli/fixtures/broken", "cluster:monitor/health"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error PC");
    expect(result.stdout).toBe("");
  });

  it("exits 2 when the action is missing, the format is unknown or the policy cannot be read", () => {
    expect(runCli(["who-can", "examples/cat-shards-denial"])).toMatchObject({ status: 2, stderr: expect.stringContaining("give the policy and then the action") });
    expect(runCli(["who-can", "examples/cat-shards-denial", "cluster:monitor/health", "--format", "yaml"])).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown format `yaml`") });
    expect(runCli(["who-can", "no/such/dir", "cluster:monitor/health"])).toMatchObject({ status: 2, stderr: "policyc: cannot read `no/such/dir`: no such file or directory\n" });
  });
});
