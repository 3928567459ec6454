import { describe, expect, test } from "vitest";
import { at, fixture, META, parse, summary, textOf } from "./helpers.js";

const roles = (body: string) => parse({ "roles.yml": META.roles + body });
const mappings = (body: string) => parse({ "roles_mapping.yml": META.rolesmapping + body });

describe("unknown keys", () => {
  test("an unknown key in an index permission is reported at the key with a suggestion", () => {
    const { diagnostics } = roles("r:\n  index_permissions:\n    - index_pattern: [logs]\n      allowed_actions: [read]\n");
    expect(summary(diagnostics)).toEqual(["PC2006 6:7"]);
    expect(diagnostics[0]!.message).toBe("unknown key `index_pattern` in index permission 1 of role `r`; did you mean `index_patterns`?");
  });

  test("an unknown key in a role is reported with a suggestion", () => {
    const { diagnostics } = roles("r:\n  cluster_permission: [cluster_monitor]\n");
    expect(diagnostics.map((d) => d.message)).toEqual(["unknown key `cluster_permission` in role `r`; did you mean `cluster_permissions`?"]);
  });

  test("a key of another file type is unknown", () => {
    const { diagnostics } = mappings("r:\n  static: true\n");
    expect(summary(diagnostics)).toEqual(["PC2006 5:3"]);
  });

  test("a merge key is an unknown key with a hint", () => {
    const { diagnostics } = roles("r:\n  <<: {reserved: true}\n");
    expect(summary(diagnostics)).toEqual(["PC2006 5:3"]);
    expect(diagnostics[0]!.help).toBe("the plugin does not support yaml merge keys; write the keys out");
  });

  test("an unknown key in an internal user gets no suggestion when nothing is close", () => {
    const { diagnostics } = parse({ "internal_users.yml": META.internalusers + "u:\n  password: secret\n" });
    expect(diagnostics.map((d) => d.message)).toEqual(["unknown key `password` in internal user `u`"]);
  });
});

describe("wrong types", () => {
  test("a number where a list of users belongs is an error at the value", () => {
    const { diagnostics } = mappings("m:\n  users: 5\n");
    expect(summary(diagnostics)).toEqual(["PC2007 5:10"]);
    expect(diagnostics[0]!.message).toBe("`users` of role mapping `m` must be a list of strings");
  });

  test("a single string where a list belongs is an error, as in the plugin", () => {
    expect(summary(mappings("m:\n  users: bob\n").diagnostics)).toEqual(["PC2007 5:10"]);
  });

  test("a mapping where the index permissions list belongs is an error", () => {
    const { diagnostics } = roles("r:\n  index_permissions: {}\n");
    expect(summary(diagnostics)).toEqual(["PC2007 5:22"]);
    expect(diagnostics[0]!.message).toBe("`index_permissions` of role `r` must be a list of index permissions");
  });

  test("a role whose value is null is an error with a hint", () => {
    const { diagnostics, model } = roles("r:\nother: {}\n");
    expect(summary(diagnostics)).toEqual(["PC2007 4:1"]);
    expect(diagnostics[0]).toMatchObject({ message: "role `r` is empty; it must be a mapping", help: "write `r: {}` if it is meant to be empty" });
    expect(model.roles.map((r) => r.name.value)).toEqual(["r", "other"]);
  });

  test("a role whose value is an empty map is fine", () => {
    const { diagnostics, model } = roles("r: {}\n");
    expect(diagnostics).toEqual([]);
    expect(model.roles[0]).toMatchObject({ clusterPermissions: [], indexPermissions: [], tenantPermissions: [] });
  });

  test("an empty list field is an error at its key", () => {
    const { diagnostics } = mappings("m:\n  users:\n  backend_roles: [a]\n");
    expect(summary(diagnostics)).toEqual(["PC2007 5:3"]);
    expect(diagnostics[0]!.help).toBe("write `users: []` if it is meant to be empty");
  });

  test("a role that is a list is an error", () => {
    expect(roles("r: [a]\n").diagnostics.map((d) => d.message)).toEqual(["role `r` must be a mapping"]);
  });

  test("a file that is a list is an error", () => {
    const { diagnostics } = parse({ "roles.yml": "- a\n" });
    expect(diagnostics.map((d) => d.message)).toEqual(["the file must be a mapping with `_meta` and one entry per role"]);
  });

  test("an attribute that is a list is an error", () => {
    const { diagnostics } = parse({ "internal_users.yml": META.internalusers + "u:\n  attributes:\n    team: [a]\n" });
    expect(diagnostics.map((d) => d.message)).toEqual(["attribute `team` of internal user `u` must be a string"]);
  });

  test("an alias where a list belongs is an error with a hint about aliases", () => {
    const { diagnostics } = roles("r:\n  cluster_permissions: &c [a]\ns:\n  cluster_permissions: *c\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2007", "PC2008"]);
    expect(diagnostics[0]!.help).toBe("the plugin does not resolve yaml aliases; write the value out");
  });

  test("a flag that is not a boolean is an error", () => {
    expect(summary(roles("r:\n  reserved: maybe\n").diagnostics)).toEqual(["PC2007 5:13"]);
  });

  test("a quoted boolean flag is accepted, as Jackson does", () => {
    const { diagnostics, model } = roles('r:\n  reserved: "true"\n');
    expect(diagnostics).toEqual([]);
    expect(model.roles[0]!.reserved).toBe(true);
  });

  test("a DLS query that is a mapping is an error", () => {
    expect(roles("r:\n  index_permissions:\n    - dls: {term: {a: 1}}\n").diagnostics.map((d) => d.message)).toEqual([
      "`dls` of index permission 1 of role `r` must be a string",
    ]);
  });
});

describe("scalars where names belong", () => {
  test.each(["123", "1e3", "0x1F", "true", "1.5"])("`%s` is read as its text with a warning", (text) => {
    const { diagnostics, model } = roles(`r:\n  cluster_permissions:\n    - ${text}\n`);
    expect(summary(diagnostics)).toEqual(["PC2009 6:7"]);
    expect(diagnostics[0]!.message).toBe(`\`${text}\` is read as the string \`${text}\`; quote it to make that explicit`);
    expect(model.roles[0]!.clusterPermissions.map((p) => p.value)).toEqual([text]);
  });

  test("`yes` is a string in YAML 1.2 and gets no warning", () => {
    expect(roles("r:\n  cluster_permissions: [yes]\n").diagnostics).toEqual([]);
  });

  test("a number as a description is read as its text with a warning", () => {
    const { diagnostics, model } = roles("r:\n  description: 42\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2009"]);
    expect(model.roles[0]!.description).toBe("42");
  });

  test.each([
    ["~", "7:7"],
    ["null", "7:7"],
    ["", "7:5"],
  ])("an empty item (`- %s`) in a list of names is an error", (text, position) => {
    const { diagnostics, model } = mappings(`m:\n  users:\n    - alice\n    - ${text}\n`);
    expect(summary(diagnostics)).toEqual([`PC2007 ${position}`]);
    expect(diagnostics[0]!.message).toBe("item 2 of `users` of role mapping `m` is empty; it must be a string");
    expect(model.roleMappings[0]!.users.map((u) => u.value)).toEqual(["alice"]);
  });
});

describe("message text", () => {
  test("a name with a line break is escaped in the message", () => {
    const { diagnostics } = roles('"a\\nb": 5\n');
    expect(diagnostics.map((d) => d.message)).toEqual(["role `a\\nb` must be a mapping"]);
  });

  test("a very long name is shortened in the message", () => {
    const { diagnostics } = roles(`${"x".repeat(500)}: 5\n`);
    expect(diagnostics[0]!.message).toBe(`role \`${"x".repeat(80)}…\` must be a mapping`);
  });
});

describe("deduplication", () => {
  test("each problem is reported once", () => {
    const { diagnostics } = roles("r:\n  index_permissions:\n    - index_patterns: 1\n      allowed_actions: {}\n      fls: x\n");
    expect(summary(diagnostics)).toEqual(["PC2007 6:23", "PC2007 7:24", "PC2007 8:12"]);
  });
});

describe("the seed alerting role", () => {
  test("a second list item holding only allowed_actions is two index permissions, not an error", () => {
    const { diagnostics, model } = parse(fixture("seed-alerting-role"));
    expect(diagnostics).toEqual([]);
    const [first, second] = model.roles[0]!.indexPermissions;
    expect(model.roles[0]!.indexPermissions).toHaveLength(2);
    expect(first!.indexPatterns.map((p) => p.value)).toEqual([".opendistro-alerting-config"]);
    expect(first!.allowedActions).toEqual([]);
    expect(second!.indexPatterns).toEqual([]);
    expect(second!.allowedActions.map((a) => a.value)).toEqual(["system:admin/system_index"]);
    expect(at(second!.allowedActions[0]!.span)).toBe("14:11");
    expect(textOf(second!.allowedActions[0]!.span)).toBe("'system:admin/system_index'");
  });
});
