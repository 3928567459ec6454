import { describe, expect, it } from "vitest";
import { sgPolicyOf } from "./sg-policy.js";

const policy = sgPolicyOf({
  "sg_roles.yml": `
analyst:
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["SGS_KIBANA_ALL_READ"]
`,
  "sg_roles_mapping.yml": `analyst:\n  backend_roles: ["ops"]\nSGS_KIBANA_USER:\n  users: ["ann"]\n`,
  "sg_tenants.yml": "analysts: {}\nhr: {}\n",
  "sg_frontend_multi_tenancy.yml": "enabled: true\n",
});

describe("rolesOf and whoami of a Search Guard policy", () => {
  it("rolesOf gives the effective roles, sorted", () => {
    expect(policy.rolesOf({ name: "ann", backend_roles: ["ops"], roles: ["zed"] })).toEqual(["SGS_KIBANA_USER", "analyst", "zed"]);
  });

  it("whoami lists the tenants the user may read, true where write", () => {
    expect(policy.whoami({ name: "ann", backend_roles: ["ops"] }).tenants).toEqual({ SGS_GLOBAL_TENANT: true, analysts: false });
  });

  it("rolesOf throws the reason for an invalid user", () => {
    expect(() => policy.rolesOf({ name: ["x"] })).toThrow("`user.name` must be a string");
  });
});
