/** Names: keywords where a name is expected, and every name YAML allows, written as a string. */
import { describe, expect, test } from "vitest";
import { at, parseModel, textOf, values } from "./helpers.js";

describe("keywords as names", () => {
  test("a keyword after `role` is the role's name", () => {
    const { model, diagnostics } = parseModel("role users { cluster cluster }");
    expect(diagnostics).toEqual([]);
    expect(model.roles[0]?.name.value).toBe("users");
    expect(values(model.roles[0]!.clusterPermissions)).toEqual(["cluster"]);
  });

  test("keywords are names in lists, after commas too", () => {
    const { model, diagnostics } = parseModel("role r { index allow, index allow allow, read\n users role, user, tenant }");
    expect(diagnostics).toEqual([]);
    const permission = model.roles[0]!.indexPermissions[0]!;
    expect(values(permission.indexPatterns)).toEqual(["allow", "index"]);
    expect(values(permission.allowedActions)).toEqual(["allow", "read"]);
    expect(values(model.roleMappings[0]!.users)).toEqual(["role", "user", "tenant"]);
  });

  test("every definition can be named with a keyword", () => {
    const { model, diagnostics } = parseModel(
      "action_group static allow read\nuser hidden { roles reserved }\ntenant mapping\nmapping index { users hosts }",
    );
    expect(diagnostics).toEqual([]);
    expect([model.actionGroups[0]?.name.value, model.internalUsers[0]?.name.value, model.tenants[0]?.name.value, model.roleMappings[0]?.role.value]).toEqual([
      "static",
      "hidden",
      "mapping",
      "index",
    ]);
    expect(model.actionGroups[0]?.static).toBe(false);
  });

  test("a flag keyword after a name is a flag", () => {
    const { model } = parseModel("user reserved reserved");
    expect(model.internalUsers[0]).toMatchObject({ name: { value: "reserved" }, reserved: true });
  });

  test("attribute names and values, and setting names, may be keywords", () => {
    const { model, diagnostics } = parseModel("user u { attributes type = role, hash = index }");
    expect(diagnostics).toEqual([]);
    expect(model.internalUsers[0]!.attributes.map((a) => [a.name.value, a.value.value])).toEqual([
      ["type", "role"],
      ["hash", "index"],
    ]);
  });
});

describe("names that are not words", () => {
  const names: [string, string, string][] = [
    ["spaces", '"hr team"', "hr team"],
    ["a user-name template", '"logs-${user.name}"', "logs-${user.name}"],
    ["the empty string", '""', ""],
    ["unicode letters", '"équipe-北京"', "équipe-北京"],
    ["an escaped double quote", String.raw`"say \"hi\""`, 'say "hi"'],
    ["a double quote in single quotes", `'say "hi"'`, 'say "hi"'],
    ["a single quote escaped in single quotes", String.raw`'it\'s'`, "it's"],
    ["a backslash", String.raw`"a\\b"`, "a\\b"],
    ["a regex pattern", String.raw`"/logs-\\d+/"`, "/logs-\\d+/"],
    ["a comma, a hash and braces", '"a,b#c{d}"', "a,b#c{d}"],
    ["a line break and a tab", String.raw`"a\nb\tc"`, "a\nb\tc"],
    ["a \\u escape", String.raw`"\u0041\u00e9"`, "Aé"],
    ["a keyword in quotes", '"role"', "role"],
  ];

  test.each(names)("%s", (_what, written, value) => {
    const { model, diagnostics } = parseModel(`role ${written} { users ${written} }`);
    expect(diagnostics).toEqual([]);
    expect(model.roles[0]?.name.value).toBe(value);
    expect(values(model.roleMappings[0]!.users)).toEqual([value]);
  });

  test("a string's span covers its quotes", () => {
    const { model } = parseModel('role "a b" { cluster "x\\"y" }');
    expect(textOf(model.roles[0]?.name.span)).toBe('"a b"');
    expect(textOf(model.roles[0]?.clusterPermissions[0]?.span)).toBe('"x\\"y"');
    expect(at(model.roles[0]?.clusterPermissions[0]?.span)).toBe("1:22");
  });
});
