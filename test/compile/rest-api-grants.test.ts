import { describe, expect, it } from "vitest";
import { explicitRestApiPermissions } from "../../src/compile/rest-api-grants.js";
import { compileFiles } from "../helpers/policy.js";

describe("explicit REST API permissions of a role", () => {
  it("are the permissions named or matched by a pattern other than the bare `*`", () => {
    expect(explicitRestApiPermissions(["restapi:admin/roles", "cluster:monitor/*"])).toEqual(["restapi:admin/roles"]);
    expect(explicitRestApiPermissions(["restapi:admin/ssl/*"])).toEqual(["restapi:admin/ssl/certs/info", "restapi:admin/ssl/certs/reload"]);
    expect(explicitRestApiPermissions(["/restapi:admin\\/(roles|tenants)/"])).toEqual(["restapi:admin/roles", "restapi:admin/tenants"]);
  });

  it("leave out what only the bare `*` grants", () => {
    expect(explicitRestApiPermissions(["*"])).toEqual([]);
  });

  it("cover every permission the plugin checks through `restapi:admin/*`", () => {
    expect(explicitRestApiPermissions(["restapi:admin/*"])).toEqual([
      "restapi:admin/actiongroups",
      "restapi:admin/allowlist",
      "restapi:admin/config/update",
      "restapi:admin/internalusers",
      "restapi:admin/nodesdn",
      "restapi:admin/ratelimiters",
      "restapi:admin/resource_sharing/migrate",
      "restapi:admin/roles",
      "restapi:admin/rolesmapping",
      "restapi:admin/rollback_version",
      "restapi:admin/ssl/certs/info",
      "restapi:admin/ssl/certs/reload",
      "restapi:admin/tenants",
      "restapi:admin/view_version",
    ]);
  });

  it("are recorded in the decision table after action groups are expanded", () => {
    const table = compileFiles({
      "roles.yml": `editor:\n  cluster_permissions: ["rest"]\n`,
      "action_groups.yml": `rest:\n  allowed_actions: ["restapi:admin/rolesmapping", "restapi:admin/nothing"]\n`,
    }).table!;
    expect(table.roles.find((role) => role.name === "editor")?.restApi).toEqual(["restapi:admin/rolesmapping"]);
    expect(table.roles.find((role) => role.name === "all_access")?.restApi).toEqual([]);
  });
});
