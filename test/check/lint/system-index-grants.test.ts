/** PC8009: `system:admin/system_index` granted while system index permissions are off. */
import { describe, expect, it } from "vitest";
import { diagnosticsOf, findingsOf, placesOf } from "./findings.js";

const ROLE = `alerting:
  index_permissions:
    - index_patterns: [".opendistro-alerting-config"]
      allowed_actions: ["read", "system:admin/system_index"]
`;

describe("the system index permission while the feature is off (PC8009)", () => {
  it("warns at the permission when the setting is left at its default", () => {
    expect(findingsOf({ "roles.yml": ROLE }, "PC8009")).toEqual([
      {
        place: "roles.yml:7:33",
        message: "`system:admin/system_index` does nothing while `plugins.security.system_indices.permission.enabled` is off, as it is by default",
        help: "set `plugins.security.system_indices.permission.enabled: true` in opensearch.yml to let this role reach system indices through it, or remove it",
      },
    ]);
  });

  it("points at the setting when it is turned off explicitly", () => {
    const [finding] = diagnosticsWithSetting("plugins.security.system_indices.permission.enabled: false\n");
    expect(finding?.message).toMatch(/is off$/);
    expect(finding?.related.map((r) => r.message)).toEqual(["`plugins.security.system_indices.permission.enabled` is turned off here"]);
  });

  it("says nothing when the feature is on, in either spelling the plugin reads", () => {
    for (const key of ["plugins.security.system_indices.permission.enabled", "plugins.security.system_indices.permissions.enabled"]) {
      expect(placesOf({ "roles.yml": ROLE, "opensearch.yml": `${key}: true\n` }, "PC8009")).toEqual([]);
    }
  });

  it("warns at a group that grants it explicitly, but not at `*`, which never does", () => {
    const files = {
      "roles.yml": 'alerting:\n  index_permissions:\n    - index_patterns: [".alerts"]\n      allowed_actions: ["*", "system_access"]\n',
      "action_groups.yml": 'system_access:\n  allowed_actions: ["system:admin/system_index"]\n',
    };
    expect(findingsOf(files, "PC8009").map((f) => [f.place, f.message])).toEqual([
      [
        "roles.yml:7:30",
        "action group `system_access` grants `system:admin/system_index`, which does nothing while `plugins.security.system_indices.permission.enabled` is off, as it is by default",
      ],
    ]);
  });
});

function diagnosticsWithSetting(settings: string) {
  return diagnosticsOf({ "roles.yml": ROLE, "opensearch.yml": settings }).filter((d) => d.code === "PC8009");
}
