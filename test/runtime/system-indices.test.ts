import { describe, expect, it } from "vitest";
import { decide, policyOf } from "../helpers/policy.js";

const roles = `
sys_reader:
  index_permissions:
    - index_patterns: [".alerts"]
      allowed_actions: ["read", "system:admin/system_index"]
reader:
  index_permissions:
    - index_patterns: [".alerts", "logs-*"]
      allowed_actions: ["read"]
sys_via_group:
  index_permissions:
    - index_patterns: ["*"]
      allowed_actions: ["system:admin/system_index*", "read"]
`;
const mappings = `
all_access:
  users: ["admin"]
sys_reader:
  users: ["s"]
reader:
  users: ["r"]
sys_via_group:
  users: ["g"]
`;
const policyWith = (permissionEnabled: boolean, spelling = "permissions") =>
  policyOf({
    "roles.yml": roles,
    "roles_mapping.yml": mappings,
    "opensearch.yml": `plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [".alerts"]\nplugins.security.system_indices.${spelling}.enabled: ${permissionEnabled}\n`,
  });

describe("system indices with the permission feature off", () => {
  it("denies a protected action on a system index even to all_access", () => {
    const decision = decide(policyWith(false), "admin", "indices:data/write/index", [".alerts"]);
    expect(decision).toMatchObject({ decision: "deny", missing: ["indices:data/write/index"] });
  });

  it("decides an unprotected action by the ordinary privileges", () => {
    expect(decide(policyWith(false), "admin", "indices:data/read/search", [".alerts"]).decision).toBe("allow");
    expect(decide(policyWith(false), "admin", "indices:admin/open", [".alerts"]).decision).toBe("allow");
  });

  it("protects the security index whatever the settings", () => {
    const defaults = policyOf({ "roles.yml": roles, "roles_mapping.yml": mappings });
    expect(decide(defaults, "admin", "indices:admin/delete", [".opendistro_security"]).decision).toBe("deny");
    expect(decide(defaults, "admin", "indices:data/write/index", [".alerts"]).decision).toBe("allow");
  });

  it("denies a protected action on all indices", () => {
    expect(decide(policyWith(false), "admin", "indices:data/write/delete/byquery").decision).toBe("deny");
  });
});

describe("system indices with the permission feature on", () => {
  it("needs system:admin/system_index besides the action", () => {
    expect(decide(policyWith(true), "s", "indices:data/read/search", [".alerts"]).decision).toBe("allow");
    expect(decide(policyWith(true), "r", "indices:data/read/search", [".alerts"]).decision).toBe("deny");
  });

  it("does not count a bare star as granting system:admin/system_index", () => {
    expect(decide(policyWith(true), "admin", "indices:data/read/search", [".alerts"]).decision).toBe("deny");
  });

  it("counts a wildcard pattern other than the bare star, through an action group too", () => {
    expect(decide(policyWith(true), "g", "indices:data/read/search", [".alerts", "logs-1"]).decision).toBe("allow");
  });

  it("needs the explicit privilege on the regular indices of the same request too", () => {
    expect(decide(policyWith(true), "s", "indices:data/read/search", [".alerts", "logs-1"]).decision).toBe("deny");
  });

  it("denies any request naming the security index", () => {
    expect(decide(policyWith(true), "g", "indices:data/read/search", [".opendistro_security"]).decision).toBe("deny");
  });

  it("reads the singular spelling of the setting as the plugin does", () => {
    expect(decide(policyWith(true, "permission"), "r", "indices:data/read/search", [".alerts"]).decision).toBe("deny");
    expect(decide(policyWith(true, "permission"), "s", "indices:data/read/search", [".alerts"]).decision).toBe("allow");
  });
});
