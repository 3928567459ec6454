import { describe, expect, it } from "vitest";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { policyOf } from "../helpers/policy.js";

const ROLES = `
rest_admin:
  cluster_permissions: ["cluster_monitor"]
roles_editor:
  cluster_permissions: ["restapi:admin/roles"]
rest_patterns:
  cluster_permissions: ["restapi:admin/*"]
rest_group:
  cluster_permissions: ["rest_perms"]
star:
  cluster_permissions: ["*"]
certs:
  cluster_permissions: ["restapi:admin/ssl/certs/info", "restapi:admin/allowlist"]
config_admin:
  cluster_permissions: ["restapi:admin/config/update"]
`;

const MAPPING = `
rest_admin:
  users: ["judy"]
roles_editor:
  users: ["ed"]
rest_patterns:
  users: ["pat"]
rest_group:
  users: ["gus"]
star:
  users: ["stan"]
all_access:
  users: ["ada"]
certs:
  users: ["cera", "judy2"]
config_admin:
  users: ["cole"]
rest_admin2:
  users: ["judy2"]
`;

const GROUPS = `
rest_perms:
  allowed_actions: ["restapi:admin/rolesmapping"]
`;

/** A policy with the given opensearch.yml settings. */
function restPolicy(settings: string) {
  return policyOf({ "roles.yml": ROLES, "roles_mapping.yml": MAPPING, "action_groups.yml": GROUPS, "opensearch.yml": settings });
}

const ADMIN_ENABLED = `plugins.security.restapi.admin.enabled: true\n`;
const ROLES_ENABLED = `plugins.security.restapi.roles_enabled: ["rest_admin", "rest_admin2"]\n`;

function ask(settings: string, user: AuthorizationRequest["user"], action: string, method?: AuthorizationRequest["method"]) {
  return restPolicy(settings).authorize({ user, action, ...(method ? { method } : {}) });
}

describe("the account endpoint", () => {
  it("is open to every user, one without any role included", () => {
    expect(ask("{}\n", { name: "nobody" }, "restapi:admin/account")).toEqual({ decision: "allow", roles: [], missing: [] });
  });
});

describe("roles_enabled", () => {
  it("lets a user mapped to a listed role call any endpoint with a permission of its own", () => {
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/internalusers").decision).toBe("allow");
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/cache", "DELETE").decision).toBe("allow");
  });

  it("matches role names exactly, not as patterns", () => {
    const decision = ask(`plugins.security.restapi.roles_enabled: ["rest_*"]\n`, { name: "judy" }, "restapi:admin/roles");
    expect(decision.decision).toBe("deny");
  });

  it("counts roles the authenticator assigned, defined or not", () => {
    expect(ask(ROLES_ENABLED, { name: "x", roles: ["rest_admin2"] }, "restapi:admin/roles").decision).toBe("allow");
  });

  it("is read under its legacy name too", () => {
    expect(ask(`opendistro_security.restapi.roles_enabled: ["rest_admin"]\n`, { name: "judy" }, "restapi:admin/roles").decision).toBe("allow");
  });
});

describe("the REST layer's refusal", () => {
  it("says role based access is not enabled when no role is listed", () => {
    expect(ask("{}\n", { name: "judy" }, "restapi:admin/roles")).toEqual({
      decision: "deny",
      roles: ["rest_admin"],
      reason: "No permission to access REST API: Role based access not enabled.. No client TLS certificate found in request",
      missing: [],
    });
  });

  it("names the user and its security roles when none of them is listed", () => {
    expect(ask(ROLES_ENABLED, { name: "ed", roles: ["extra"] }, "restapi:admin/roles").reason).toBe(
      "No permission to access REST API: User ed with Security roles [extra, roles_editor] does not have any role privileged for admin access. No client TLS certificate found in request",
    );
  });

  it("decides a REST API name by the REST layer, not by the cluster permission that matches it", () => {
    expect(ask("{}\n", { name: "ed" }, "restapi:admin/roles").decision).toBe("deny");
  });
});

describe("explicit permissions with plugins.security.restapi.admin.enabled", () => {
  it("open the endpoint whose permission a role names", () => {
    expect(ask(ADMIN_ENABLED, { name: "ed" }, "restapi:admin/roles").decision).toBe("allow");
  });

  it("name the endpoint's permission as missing when no role grants it", () => {
    expect(ask(ADMIN_ENABLED, { name: "ed" }, "restapi:admin/internalusers")).toMatchObject({ decision: "deny", missing: ["restapi:admin/internalusers"] });
  });

  it("count an action pattern other than the bare `*`, and one reached through an action group", () => {
    expect(ask(ADMIN_ENABLED, { name: "pat" }, "restapi:admin/tenants").decision).toBe("allow");
    expect(ask(ADMIN_ENABLED, { name: "gus" }, "restapi:admin/rolesmapping").decision).toBe("allow");
  });

  it("never count the bare `*`, not even all_access's", () => {
    expect(ask(ADMIN_ENABLED, { name: "stan" }, "restapi:admin/roles").decision).toBe("deny");
    expect(ask(ADMIN_ENABLED, { name: "ada" }, "restapi:admin/roles").decision).toBe("deny");
  });

  it("count for nothing while admin is not enabled", () => {
    expect(ask("{}\n", { name: "pat" }, "restapi:admin/roles")).toMatchObject({ decision: "deny", missing: [] });
  });

  it("do not open endpoints that have no permission (cache, audit, …)", () => {
    expect(ask(ADMIN_ENABLED, { name: "pat" }, "restapi:admin/cache", "DELETE")).toMatchObject({ decision: "deny", missing: [] });
  });
});

describe("endpoints that check the explicit permission of every request", () => {
  it("refuse SSL certificates to a roles_enabled user without it", () => {
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/ssl/certs/info")).toEqual({
      decision: "deny",
      roles: ["rest_admin"],
      reason: "Access denied",
      missing: [],
    });
  });

  it("open SSL certificates and the allowlist to a roles_enabled user with it and admin enabled", () => {
    const settings = ROLES_ENABLED + ADMIN_ENABLED;
    expect(ask(settings, { name: "judy2" }, "restapi:admin/ssl/certs/info").decision).toBe("allow");
    expect(ask(settings, { name: "judy2" }, "restapi:admin/allowlist", "PUT").decision).toBe("allow");
    expect(ask(settings, { name: "judy" }, "restapi:admin/nodesdn")).toMatchObject({ reason: "Access denied", missing: ["restapi:admin/nodesdn"] });
  });

  it("pick the SSL permission by the method: GET reads certificates, PUT reloads them", () => {
    expect(ask(ADMIN_ENABLED, { name: "cera" }, "restapi:admin/ssl", "GET").decision).toBe("allow");
    expect(ask(ADMIN_ENABLED, { name: "cera" }, "restapi:admin/ssl", "PUT")).toMatchObject({ decision: "deny", missing: ["restapi:admin/ssl/certs/reload"] });
    expect(ask(ADMIN_ENABLED, { name: "cera" }, "restapi:admin/ssl/certs/reload").decision).toBe("deny");
  });

  it("let a roles_enabled user read the security configuration but not change it", () => {
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/config").decision).toBe("allow");
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/config/update")).toMatchObject({ decision: "deny", reason: "Access denied" });
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/config", "PATCH").reason).toBe("Access denied");
  });

  it("let the config/update permission read and change the security configuration with admin enabled", () => {
    expect(ask(ADMIN_ENABLED, { name: "cole" }, "restapi:admin/config").decision).toBe("allow");
    expect(ask(ADMIN_ENABLED, { name: "cole" }, "restapi:admin/config/update").decision).toBe("allow");
    expect(ask(ADMIN_ENABLED, { name: "cole" }, "restapi:admin/config", "DELETE").decision).toBe("deny");
  });
});

describe("malformed REST API requests", () => {
  it("name a `restapi:admin/` action that is no endpoint", () => {
    expect(ask(ROLES_ENABLED, { name: "judy" }, "restapi:admin/nothing")).toEqual({
      decision: "deny",
      roles: [],
      missing: [],
      error: "`restapi:admin/nothing` is not a security REST API endpoint",
    });
  });

  it("name a method the REST API does not take", () => {
    const decision = restPolicy(ROLES_ENABLED).authorize({ user: { name: "judy" }, action: "restapi:admin/roles", method: "get" });
    expect(decision.error).toBe("`method` must be one of `DELETE`, `GET`, `PATCH`, `POST`, `PUT`");
  });
});
