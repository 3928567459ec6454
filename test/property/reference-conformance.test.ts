/**
 * The reference evaluator against the shared conformance vectors
 * (/work/shared/conformance/cases/*.json: decisions of the plugin), so that
 * it is checked against the plugin itself and not only against policyc.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { referenceAuthorize } from "../reference-evaluator.js";

const CASES = "/work/shared/conformance/cases";
const SETTINGS_KEYS: Record<string, string> = {
  system_indices_enabled: "plugins.security.system_indices.enabled",
  system_indices: "plugins.security.system_indices.indices",
  system_index_permissions_enabled: "plugins.security.system_indices.permissions.enabled",
  roles_mapping_resolution: "plugins.security.roles_mapping_resolution",
};

interface Case {
  name: string;
  config?: Record<string, string>;
  settings?: Record<string, unknown>;
  requests: (AuthorizationRequest & { expect: "allow" | "deny"; expect_reason?: string; why?: string; tenant_access?: string })[];
}

const files = existsSync(CASES) ? readdirSync(CASES).filter((f) => f.endsWith(".json")).sort() : [];

describe.skipIf(files.length === 0)("the reference evaluator on the conformance vectors", () => {
  for (const file of files) {
    it(file, () => {
      const kase = JSON.parse(readFileSync(join(CASES, file), "utf8")) as Case;
      const texts: Record<string, string> = { ...(kase.config ?? {}) };
      const settings = Object.entries(kase.settings ?? {}).filter(([k]) => SETTINGS_KEYS[k]);
      if (settings.length) texts["opensearch.yml"] = settings.map(([k, v]) => `${SETTINGS_KEYS[k]}: ${JSON.stringify(v)}\n`).join("");
      const failures: string[] = [];
      kase.requests.forEach((r, i) => {
        const { expect: expected, expect_reason, why: _why, tenant_access: _access, ...request } = r;
        const decision = referenceAuthorize(texts, request);
        if (decision.decision !== expected || (expect_reason !== undefined && decision.reason !== expect_reason)) {
          failures.push(`#${i} ${JSON.stringify(request)}: expected ${expected} ${expect_reason ?? ""}, got ${JSON.stringify(decision)}`);
        }
      });
      expect(failures).toEqual([]);
    });
  }
});
