import { describe, expect, it } from "vitest";
import { policyOf, type ConfigFiles } from "../helpers/policy.js";

const files: ConfigFiles = {
  "roles.yml": `
analyst_rw:
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["kibana_all_write"]
analyst_ro:
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["kibana_all_read"]
any_rw:
  tenant_permissions:
    - tenant_patterns: ["*"]
      allowed_actions: ["kibana_all_write"]
global_ro:
  tenant_permissions:
    - tenant_patterns: ["global_tenant"]
      allowed_actions: ["kibana_all_read"]
own_team:
  tenant_permissions:
    - tenant_patterns: ["team_\${attr.internal.team}"]
      allowed_actions: ["kibana_all_write"]
named_after_user:
  tenant_permissions:
    - tenant_patterns: ["\${user.name}_space"]
      allowed_actions: ["kibana_all_read"]
global_by_template:
  tenant_permissions:
    - tenant_patterns: ["\${attr.internal.home}"]
      allowed_actions: ["kibana_all_read"]
`,
  "roles_mapping.yml": `
analyst_rw:
  users: ["rw"]
analyst_ro:
  users: ["ro", "hr"]
any_rw:
  users: ["any"]
kibana_user:
  users: ["dash", "dash_ro", "dash_template"]
global_ro:
  users: ["dash_ro"]
own_team:
  backend_roles: ["team"]
named_after_user:
  users: ["carol", "dave"]
global_by_template:
  users: ["dash_template"]
`,
  "tenants.yml": `analysts: {}\nhr: {}\nteam_red: {}\nteam_blue: {}\ncarol_space: {}\n`,
};
const policy = () => policyOf(files);
const tenantsOf = (user: string | Parameters<ReturnType<typeof policy>["whoami"]>[0]) =>
  policy().whoami(typeof user === "string" ? { name: user } : user).tenants;

const CONFIG = (kibana: string) => `_meta:\n  type: "config"\n  config_version: 2\nconfig:\n  dynamic:\n    kibana:\n${kibana}`;

describe("the tenants whoami lists", () => {
  it("lists a tenant the user may write as true and one it may only read as false", () => {
    expect(tenantsOf("rw")).toEqual({ analysts: true, rw: true });
    expect(tenantsOf("ro")).toEqual({ analysts: false, ro: true });
  });

  it("always lists the user's own name as read-write: the private tenant", () => {
    expect(tenantsOf("nobody")).toEqual({ nobody: true });
  });

  it("lists a defined tenant named like the user as read-write, whatever the user's roles give", () => {
    expect(tenantsOf("hr")).toEqual({ analysts: false, hr: true });
  });

  it("lists only defined tenants and global_tenant, even for the pattern *", () => {
    expect(tenantsOf("any")).toEqual({ analysts: true, any: true, carol_space: true, global_tenant: true, hr: true, team_blue: true, team_red: true });
  });

  it("lists global_tenant as read-write for kibana_user", () => {
    expect(tenantsOf("dash")).toEqual({ dash: true, global_tenant: true });
  });

  it("lists global_tenant as configured when a role of a kibana_user grants it without a template", () => {
    expect(tenantsOf("dash_ro")).toEqual({ dash_ro: true, global_tenant: false });
  });

  it("keeps kibana_user's read-write global_tenant when only a template pattern grants it", () => {
    expect(tenantsOf({ name: "dash_template", attributes: { "attr.internal.home": "global_tenant" } })).toEqual({ dash_template: true, global_tenant: true });
  });

  it("renders template tenant patterns with the user's attributes", () => {
    expect(tenantsOf({ name: "u", backend_roles: ["team"], attributes: { "attr.internal.team": "red" } })).toEqual({ team_red: true, u: true });
    expect(tenantsOf({ name: "u", backend_roles: ["team"], attributes: { "attr.internal.team": "*" } })).toEqual({ team_blue: true, team_red: true, u: true });
  });

  it("renders ${user.name} and grants only the tenant that is defined", () => {
    expect(tenantsOf("carol")).toEqual({ carol: true, carol_space: false });
    expect(tenantsOf("dave")).toEqual({ dave: true });
  });

  it("lists a template pattern that cannot render as granting nothing", () => {
    expect(tenantsOf({ name: "u", backend_roles: ["team"] })).toEqual({ u: true });
  });

  it("does not depend on the multi-tenancy or private tenant settings", () => {
    const expected = { analysts: true, rw: true };
    for (const kibana of ["      multitenancy_enabled: false\n", "      private_tenant_enabled: false\n"]) {
      expect(policyOf({ ...files, "config.yml": CONFIG(kibana) }).whoami({ name: "rw" }).tenants).toEqual(expected);
    }
  });

  it("lists the tenants of the Dashboards server user as of anyone else", () => {
    expect(tenantsOf("kibanaserver")).toEqual({ kibanaserver: true });
  });

  it("keeps a user or tenant named __proto__ as an ordinary key", () => {
    const tenants = tenantsOf("__proto__");
    expect(Object.keys(tenants)).toEqual(["__proto__"]);
    expect(tenants["__proto__"]).toBe(true);
  });
});

describe("the rest of whoami", () => {
  it("reports the roles every decision for the user lists", () => {
    const p = policy();
    const user = { name: "any", roles: ["analyst_ro", "ghost"] };
    const info = p.whoami(user);
    expect(info.roles).toEqual(["analyst_ro", "any_rw", "ghost"]);
    expect(info.roles).toEqual(p.authorize({ user, action: "cluster:monitor/health" }).roles);
  });

  it("reports backend roles as given, each once, and the attribute names sorted", () => {
    const info = policy().whoami({ name: "u", backend_roles: ["b", "a", "b"], attributes: { "attr.jwt.z": "1", "attr.internal.a": "2" } });
    expect(info.backend_roles).toEqual(["b", "a"]);
    expect(info.custom_attribute_names).toEqual(["attr.internal.a", "attr.jwt.z"]);
  });

  it("reports the user and the requested tenant as the plugin prints them", () => {
    const info = policy().whoami({ name: "rw", backend_roles: ["x", "y"] }, "analysts");
    expect(info.user).toBe("User [name=rw, backend_roles=[x, y], requestedTenant=analysts]");
    expect(info.user_requested_tenant).toBe("analysts");
    expect(policy().whoami({ name: "rw" }).user_requested_tenant).toBeNull();
  });

  it("lists the fields in the plugin's order", () => {
    expect(Object.keys(policy().whoami({ name: "rw" }))).toEqual(["user", "user_name", "user_requested_tenant", "backend_roles", "custom_attribute_names", "roles", "tenants"]);
  });

  it("throws a TypeError with the reason for a malformed user or tenant", () => {
    expect(() => policy().whoami({ backend_roles: [] })).toThrow(new TypeError("`user.name` must be a string"));
    expect(() => policy().whoami({ name: "rw" }, 5 as unknown as string)).toThrow(new TypeError("`tenant` must be a string"));
  });

  it("gives lists a caller may change without changing later answers", () => {
    const p = policy();
    const user = { name: "u", backend_roles: ["team"], attributes: { "attr.internal.team": "red" } };
    (p.whoami(user).backend_roles as string[]).push("other");
    expect(p.whoami(user).backend_roles).toEqual(["team"]);
    expect(p.authorize({ user, action: "x" }).reason).toContain("backend_roles=[team]");
  });
});
