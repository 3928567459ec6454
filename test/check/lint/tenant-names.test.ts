/** PC8008: tenant permissions on tenants that are not defined. */
import { describe, expect, it } from "vitest";
import { findingsOf, placesOf } from "./findings.js";

const TENANTS = "analytics:\n  description: the analysts' tenant\n";

function roleOnTenants(...patterns: string[]): { "roles.yml": string; "tenants.yml": string } {
  const list = patterns.map((pattern) => JSON.stringify(pattern)).join(", ");
  return {
    "roles.yml": `analyst:\n  tenant_permissions:\n    - tenant_patterns: [${list}]\n      allowed_actions: ["kibana_all_write"]\n`,
    "tenants.yml": TENANTS,
  };
}

describe("tenant permissions on undefined tenants (PC8008)", () => {
  it("warns at a tenant name that is not defined, with the defined one it resembles", () => {
    expect(findingsOf(roleOnTenants("analytcs"), "PC8008")).toEqual([
      {
        place: "roles.yml:6:25",
        message: "tenant `analytcs` is not defined, so this tenant permission grants nothing on it; did you mean `analytics`?",
        help: "define it in tenants.yml or with a `tenant` definition in the DSL, or name a defined tenant",
        suggestion: "analytics",
      },
    ]);
  });

  it("says nothing about defined tenants, the global and the private tenant", () => {
    expect(placesOf(roleOnTenants("analytics", "global_tenant", "__user__"), "PC8008")).toEqual([]);
  });

  it("says nothing about wildcards, regexes and templates, which may be meant for tenants to come", () => {
    expect(placesOf(roleOnTenants("team-*", "/team-.*/", "${attr.internal.team}"), "PC8008")).toEqual([]);
  });

  it("warns in a .policy file, where tenants are defined with `tenant`", () => {
    const policy = 'tenant analytics\nrole analyst {\n  tenant analytics, analytcs allow kibana_all_read\n  users alice\n}\n';
    expect(placesOf(policy, "PC8008")).toEqual(["app.policy:3:21 PC8008"]);
  });
});
