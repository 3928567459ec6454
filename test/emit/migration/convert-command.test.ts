/**
 * `policyc convert <sg-dir> --to opensearch --output <dir>` as a user runs it:
 * the OpenSearch files it writes, the warnings it prints, and what it refuses.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-migrate-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const AD = join("examples", "searchguard-anomaly-detection");

describe("policyc convert --to opensearch", () => {
  it("writes OpenSearch Security files and exits 0 when only warnings are reported", () => {
    const output = join(scratch(), "os");
    const result = runCli(["convert", AD, "--to", "opensearch", "--output", output]);
    expect(result.status).toBe(0);
    expect(readdirSync(output).sort()).toEqual(["action_groups.yml", "config.yml", "internal_users.yml", "roles.yml", "roles_mapping.yml", "tenants.yml"]);
    expect(readFileSync(join(output, "internal_users.yml"), "utf8")).toContain("opendistro_security_roles:");
  });

  it("reports each cluster exclusion at its location with the access that changes", () => {
    const result = runCli(["convert", AD, "--to", "opensearch", "--output", join(scratch(), "os")]);
    expect(result.stderr).toContain(
      `${join(AD, "sg_roles.yml")}:44:7: warning PC7001: \`exclude_cluster_permissions\` \`cluster:admin/searchguard/ad/detector/delete\` of role \`anomaly_no_delete\` has no OpenSearch equivalent and is dropped`,
    );
  });

  it("writes a policy that OpenSearch decides as the report says: the excluded action is allowed", () => {
    const output = join(scratch(), "os");
    runCli(["convert", AD, "--to", "opensearch", "--output", output]);
    const request = { user: { name: "dan", backend_roles: ["intern"], roles: ["anomaly_full_access"] }, action: "cluster:admin/searchguard/ad/detector/delete" };
    const checked = runCli(["check", output, "--requests", "-"], { input: JSON.stringify(request) + "\n" });
    expect(JSON.parse(checked.stdout.trim())).toMatchObject({ decision: "allow", roles: ["anomaly_full_access", "anomaly_no_delete"] });
  });

  it("refuses an OpenSearch configuration, which needs no migration", () => {
    const result = runCli(["convert", join("examples", "default-config"), "--to", "opensearch", "--output", join(scratch(), "os")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("`--to opensearch` migrates a Search Guard configuration");
  });

  it("refuses to write a Search Guard configuration as OpenSearch files without migrating it", () => {
    const result = runCli(["convert", AD, "--to", "yaml", "--output", join(scratch(), "os")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("migrate to OpenSearch Security with `--to opensearch`");
  });
});
