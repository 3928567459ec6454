/** Where completion is asked, what belongs there: found from the text before the cursor. */
import { describe, expect, it } from "vitest";
import { dslCompletionContext } from "../../src/lsp/dsl-completion-context.js";
import { yamlCompletionContext } from "../../src/lsp/yaml-completion-context.js";

/** The context at the `|` of a text. */
function dslAt(marked: string) {
  const offset = marked.indexOf("|");
  return dslCompletionContext(marked.replace("|", ""), offset);
}

function yamlAt(marked: string, type: Parameters<typeof yamlCompletionContext>[2] = "roles") {
  const offset = marked.indexOf("|");
  return yamlCompletionContext(marked.replace("|", ""), offset, type);
}

describe("dslCompletionContext", () => {
  it("expects actions and action groups after `allow` and `cluster`, and in their lists", () => {
    for (const text of ["role r { cluster |", "role r { cluster a, b, |", "role r { index x allow rea|", "action_group g allow a,|"]) {
      expect(dslAt(text)?.names).toEqual(["action_groups", "actions"]);
    }
  });

  it("starts the word being typed where it starts", () => {
    expect(dslAt("role r { cluster cluster:mon|")).toMatchObject({ start: 17, quoted: false });
    expect(dslAt('role r { cluster "cluster:mon|')).toMatchObject({ start: 18, quoted: true });
  });

  it("expects roles after `mapped_to`, `roles` and a top-level `mapping`", () => {
    for (const text of ["user u { mapped_to |", "user u { roles a, |", "mapping |"]) expect(dslAt(text)?.names).toEqual(["roles"]);
  });

  it("expects tenants after `tenant` in a role, and a new name after a top-level `tenant`", () => {
    expect(dslAt("role r {\n  tenant |")?.names).toEqual(["tenants"]);
    expect(dslAt("tenant |")).toEqual({ names: [], words: [], start: 7, quoted: false });
  });

  it("takes a keyword right after a definition keyword for the definition's name", () => {
    expect(dslAt("role allow |")?.words).toEqual(["reserved", "hidden", "static", "import", "settings", "action_group", "role", "mapping", "user", "tenant"]);
  });

  it("expects the enclosing block's clauses once a list has ended", () => {
    expect(dslAt("role r {\n  cluster a\n  |")?.words).toEqual(["description", "cluster", "index", "tenant", "users", "backend_roles", "and_backend_roles", "hosts"]);
    expect(dslAt("role r {\n  index x {\n    |")?.words).toEqual(["allow", "dls", "fls", "mask"]);
    expect(dslAt("user u {\n  |")?.words).toEqual(["hash", "backend_roles", "roles", "attributes", "description", "mapped_to"]);
    expect(dslAt("role r {\n  index x {\n  }\n}\n|")?.words).toContain("role");
  });

  it("offers `allow` after an index entry's patterns", () => {
    expect(dslAt("role r {\n  index logs-*, x |")?.words.slice(0, 2)).toEqual(["allow", "description"]);
  });

  it("expects setting names in a settings block", () => {
    expect(dslAt("settings {\n  plugins.sec|")?.names).toEqual(["settings"]);
  });

  it("offers nothing in a comment or after a finished string", () => {
    expect(dslAt("role r { # cluster |")).toBeUndefined();
    expect(dslAt('role r { cluster "a"|')).toBeUndefined();
  });
});

describe("yamlCompletionContext", () => {
  it("expects actions and action groups in a block list of cluster_permissions or allowed_actions", () => {
    expect(yamlAt("r:\n  cluster_permissions:\n    - |")?.names).toEqual(["action_groups", "actions"]);
    const sameIndent = "r:\n  cluster_permissions:\n  - a\n  - cl|";
    expect(yamlAt(sameIndent)).toMatchObject({ names: ["action_groups", "actions"], start: sameIndent.indexOf("cl|") });
    expect(yamlAt("g:\n  allowed_actions:\n    - \"in|", "actiongroups")).toMatchObject({ names: ["action_groups", "actions"], quoted: true });
  });

  it("expects actions in a one-line flow list", () => {
    expect(yamlAt("r:\n  index_permissions:\n    - index_patterns: [x]\n      allowed_actions: [read, \"wr|")).toMatchObject({ names: ["action_groups", "actions"], quoted: true });
  });

  it("expects tenants in tenant_patterns and roles in opendistro_security_roles", () => {
    expect(yamlAt("r:\n  tenant_permissions:\n    - tenant_patterns:\n        - |")?.names).toEqual(["tenants"]);
    expect(yamlAt("u:\n  opendistro_security_roles: [|", "internalusers")?.names).toEqual(["roles"]);
  });

  it("expects a role as an entry of roles_mapping.yml, and nothing new in the other files", () => {
    expect(yamlAt("reader:\n  users: [a]\nrea|", "rolesmapping")?.names).toEqual(["roles"]);
    expect(yamlAt("rea|", "roles")).toBeUndefined();
  });

  it("expects the keys of the map a key is typed in", () => {
    expect(yamlAt("_meta:\n  ty|")?.words).toEqual(["type", "config_version"]);
    expect(yamlAt("u:\n  ha|", "internalusers")?.words).toEqual(["reserved", "hidden", "static", "description", "hash", "backend_roles", "opendistro_security_roles", "attributes"]);
    expect(yamlAt("r:\n  index_permissions:\n    - index_patterns: [x]\n      al|")?.words).toEqual(["index_patterns", "allowed_actions", "dls", "fls", "masked_fields"]);
    expect(yamlAt("r:\n  index_permissions:\n    - |")?.words).toEqual(["index_patterns", "allowed_actions", "dls", "fls", "masked_fields"]);
  });

  it("offers nothing in a comment, on a bare dash or under keys it knows nothing about", () => {
    expect(yamlAt("r:\n  cluster_permissions: # a |")).toBeUndefined();
    expect(yamlAt("r:\n  cluster_permissions:\n    -|")).toBeUndefined();
    const patterns = "r:\n  index_permissions:\n    - index_patterns:\n        - |";
    expect(yamlAt(patterns)).toEqual({ names: [], words: [], start: patterns.indexOf("|"), quoted: false });
  });
});
