import { describe, expect, test } from "vitest";
import { at, messages, parseSg, summary } from "./helpers.js";

describe("what Search Guard rejects", () => {
  test("an unknown attribute of a role is an error", () => {
    const { diagnostics } = parseSg({ "sg_roles.yml": "r:\n  cluster_permission: [SGS_CLUSTER_MONITOR]\n" });
    expect(messages(diagnostics)).toEqual(["PC2006 error: unknown key `cluster_permission` in role `r`; did you mean `cluster_permissions`?"]);
  });

  test("an unknown attribute of an index permission is an error", () => {
    const { diagnostics } = parseSg({ "sg_roles.yml": "r:\n  index_permissions:\n    - index_patterns: [a]\n      allowed_actions: [SGS_READ]\n      alias_patterns: [b]\n" });
    expect(summary(diagnostics)).toEqual(["PC2006 5:7"]);
  });

  test("an unknown attribute of a role mapping is an error", () => {
    const { diagnostics } = parseSg({ "sg_roles_mapping.yml": "r:\n  user: [judy]\n" });
    expect(messages(diagnostics)).toEqual(["PC2006 error: unknown key `user` in role mapping `r`; did you mean `users`?"]);
  });

  test("an action group without `type` is an error", () => {
    const { diagnostics } = parseSg({ "sg_action_groups.yml": "G:\n  allowed_actions: [SGS_READ]\n" });
    expect(messages(diagnostics)).toEqual(["PC2007 error: action group `G` has no `type`; the plugin requires it"]);
    expect(at(diagnostics[0]!.span)).toBe("1:1");
  });

  test("`exclude_index_permissions` is an error that says to use index negation instead", () => {
    const roles = 'r:\n  exclude_index_permissions:\n    - index_patterns: ["secret"]\n      actions: ["*"]\n';
    const { diagnostics } = parseSg({ "sg_roles.yml": roles });
    expect(messages(diagnostics)).toEqual([
      "PC2016 error: `exclude_index_permissions` (role `r`) is no longer supported in Search Guard FLX; the plugin rejects the role",
    ]);
    expect(diagnostics[0]!.help).toContain("index negation `-pattern`");
    expect(at(diagnostics[0]!.span)).toBe("2:3");
  });

  test("OpenSearch's `_meta` block is an error that says to write `_sg_meta`", () => {
    const { model, diagnostics } = parseSg({ "sg_roles.yml": '_meta:\n  type: "roles"\n  config_version: 2\nr: {}\n' });
    expect(messages(diagnostics)).toEqual(["PC2006 error: Search Guard reads `_meta` as role `_meta` and rejects it; its meta block is `_sg_meta`"]);
    expect(model.roles.map((r) => r.name.value)).toEqual(["r"]);
  });

  test("a `_sg_meta.type` naming another file type is a warning", () => {
    const { diagnostics } = parseSg({ "sg_roles.yml": '_sg_meta:\n  type: "tenants"\nr: {}\n' });
    expect(messages(diagnostics)).toEqual(["PC2004 warning: `_sg_meta.type` is `tenants` but the file is read as `roles` (by its name)"]);
  });

  test("an internal user's other attributes are accepted, as the plugin does not check them", () => {
    expect(parseSg({ "sg_internal_users.yml": "judy:\n  hash: x\n  email: judy@example.com\n" }).diagnostics).toEqual([]);
  });
});
