import { describe, expect, it } from "vitest";
import { tenantIndexName } from "../../src/runtime/tenants.js";
import { decide, policyOf, type ConfigFiles } from "../helpers/policy.js";

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
star_action:
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["*"]
global_ro:
  tenant_permissions:
    - tenant_patterns: ["global_tenant"]
      allowed_actions: ["kibana_all_read"]
kibana_index:
  index_permissions:
    - index_patterns: [".kibana"]
      allowed_actions: ["read"]
`,
  "roles_mapping.yml": `
analyst_rw:
  users: ["rw"]
analyst_ro:
  users: ["ro"]
any_rw:
  users: ["any"]
star_action:
  users: ["star"]
kibana_user:
  users: ["dash", "dash_ro"]
global_ro:
  users: ["dash_ro", "global_reader"]
kibana_index:
  users: ["global_reader", "dash_ro"]
all_access:
  users: ["root"]
`,
  "tenants.yml": `analysts:\n  description: "Analysts"\n`,
};
const policy = () => policyOf(files);
const read = "indices:data/read/search";
const write = "indices:data/write/index";
const kibana = (user: string, action: string, tenant?: string) => decide(policy(), user, action, [".kibana"], tenant).decision;

describe("a request to the Dashboards index with a tenant", () => {
  it("is decided by tenant privileges alone, read-write from kibana_all_write", () => {
    expect(kibana("rw", write, "analysts")).toBe("allow");
  });

  it("allows only reads with a read-only tenant permission", () => {
    expect(kibana("ro", read, "analysts")).toBe("allow");
    expect(kibana("ro", write, "analysts")).toBe("deny");
  });

  it("reads allowed_actions * as read-only, since it is not expanded", () => {
    expect(kibana("star", write, "analysts")).toBe("deny");
    expect(kibana("star", read, "analysts")).toBe("allow");
  });

  it("never grants a tenant that is not defined, even through *", () => {
    expect(kibana("any", read, "sales")).toBe("deny");
    expect(kibana("any", write, "global_tenant")).toBe("allow");
  });

  it("always allows the private tenant, by __user__ or by the user's own name", () => {
    expect(kibana("ro", write, "__user__")).toBe("allow");
    expect(kibana("ro", write, "ro")).toBe("allow");
  });

  it("gives kibana_user read-write on the global tenant unless a role of the user configures it", () => {
    expect(kibana("dash", write, "global_tenant")).toBe("allow");
    expect(kibana("dash_ro", write, "global_tenant")).toBe("deny");
    expect(kibana("dash_ro", read, "global_tenant")).toBe("allow");
  });

  it("grants the tenant's own index without index privileges", () => {
    const index = tenantIndexName(".kibana", "analysts");
    expect(decide(policy(), "rw", write, [`${index}_1`], "analysts").decision).toBe("allow");
  });

  it("refuses other tenant indices, even to all_access", () => {
    expect(decide(policy(), "root", read, [".kibana_1"], "analysts").decision).toBe("deny");
    expect(decide(policy(), "root", read, [".kibana_1"]).decision).toBe("allow");
  });

  it("does not apply to the Dashboards server user", () => {
    const serverPolicy = policyOf({ ...files, "roles_mapping.yml": `kibana_server:\n  users: ["kibanaserver"]\n` });
    expect(decide(serverPolicy, "kibanaserver", write, [".kibana"], "analysts").decision).toBe("allow");
  });
});

describe("a request to the Dashboards index without a tenant", () => {
  it("needs the global tenant and then the index privileges", () => {
    expect(kibana("global_reader", read)).toBe("allow");
    expect(kibana("ro", read)).toBe("deny");
    expect(kibana("dash", read)).toBe("allow");
  });
});

describe("tenant settings", () => {
  it("refuses the private tenant when private tenants are disabled", () => {
    const config = `_meta:\n  type: "config"\n  config_version: 2\nconfig:\n  dynamic:\n    kibana:\n      private_tenant_enabled: false\n`;
    const disabled = policyOf({ ...files, "config.yml": config });
    expect(decide(disabled, "ro", write, [".kibana"], "__user__").decision).toBe("deny");
  });

  it("leaves the Dashboards index to index privileges when multi-tenancy is off", () => {
    const config = `_meta:\n  type: "config"\n  config_version: 2\nconfig:\n  dynamic:\n    kibana:\n      multitenancy_enabled: false\n`;
    const off = policyOf({ ...files, "config.yml": config });
    expect(decide(off, "rw", write, [".kibana"], "analysts").decision).toBe("deny");
    expect(decide(off, "global_reader", read, [".kibana"]).decision).toBe("allow");
  });
});

describe("tenantIndexName", () => {
  it("builds the plugin's tenant index name from the Java hash code", () => {
    // "analysts".hashCode() in Java is -1024445391.
    expect(tenantIndexName(".kibana", "analysts")).toBe(".kibana_-1024445391_analysts");
    expect(tenantIndexName(".kibana", "Human Resources!")).toMatch(/^\.kibana_-?\d+_humanresources$/);
  });
});

describe("tenant decisions the settings and templates shape", () => {
  const templates: ConfigFiles = {
    "roles.yml": `
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
own_team:
  backend_roles: ["team"]
named_after_user:
  users: ["carol", "dave"]
global_by_template:
  users: ["dash_template"]
kibana_user:
  users: ["dash_template"]
`,
    "tenants.yml": `team_red: {}\ncarol_space: {}\n`,
  };
  const templatePolicy = () => policyOf(templates);
  const red = { name: "u", backend_roles: ["team"], attributes: { "attr.internal.team": "red" } };

  it("renders a template tenant pattern with the user's attributes", () => {
    expect(decide(templatePolicy(), red, write, [".kibana"], "team_red").decision).toBe("allow");
    expect(decide(templatePolicy(), { ...red, attributes: { "attr.internal.team": "blue" } }, write, [".kibana"], "team_red").decision).toBe("deny");
  });

  it("grants through a template only tenants that are defined", () => {
    expect(decide(templatePolicy(), "carol", read, [".kibana"], "carol_space").decision).toBe("allow");
    expect(decide(templatePolicy(), "dave", read, [".kibana"], "dave_space").decision).toBe("deny");
  });

  it("keeps kibana_user's read-write global tenant when only a template grants it read", () => {
    const user = { name: "dash_template", attributes: { "attr.internal.home": "global_tenant" } };
    expect(decide(templatePolicy(), user, write, [".kibana"], "global_tenant").decision).toBe("allow");
  });

  it("still allows the tenant named like the user when private tenants are disabled; only __user__ is refused", () => {
    const config = `_meta:\n  type: "config"\n  config_version: 2\nconfig:\n  dynamic:\n    kibana:\n      private_tenant_enabled: false\n`;
    const disabled = policyOf({ ...files, "config.yml": config });
    expect(decide(disabled, "ro", write, [".kibana"], "ro").decision).toBe("allow");
    expect(decide(disabled, "ro", write, [".kibana"], "__user__").decision).toBe("deny");
  });

  it("refuses __user__ with private tenants disabled whatever the index", () => {
    const config = `_meta:\n  type: "config"\n  config_version: 2\nconfig:\n  dynamic:\n    kibana:\n      private_tenant_enabled: false\n`;
    const disabled = policyOf({ ...files, "config.yml": config });
    expect(decide(disabled, "root", "cluster:monitor/health", undefined, "__user__").decision).toBe("deny");
  });

  it("never grants an undefined tenant, not even to all_access", () => {
    expect(kibana("root", read, "nope")).toBe("deny");
  });
});
