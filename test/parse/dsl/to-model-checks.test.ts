/** What the conversion to the model checks: clause placement, duplicates across files, and `mapped_to`. */
import { describe, expect, test } from "vitest";
import { at, diagnosticsText, parseModel, summary, values } from "./helpers.js";

describe("clauses and flags in the wrong place", () => {
  test("dls in a role body is an error at the clause, saying where it belongs", () => {
    const { model, diagnostics } = parseModel("role r {\n  cluster a\n  dls '{}'\n}");
    expect(summary(diagnostics)).toEqual(["PC1005 3:3"]);
    expect(diagnostics[0]).toMatchObject({ message: "a role takes no `dls` clause", help: "`dls` belongs in an `index` entry" });
    expect(values(model.roles[0]!.clusterPermissions)).toEqual(["a"]);
  });

  test("hash in a role is an error", () => {
    const { diagnostics } = parseModel('role r { hash "x" }');
    expect(diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([["PC1005", "a role takes no `hash` clause", "`hash` belongs in a user"]]);
  });

  test("a clause that belongs in several places names them all", () => {
    const { diagnostics } = parseModel("tenant t { backend_roles a }");
    expect(diagnostics[0]?.help).toBe("`backend_roles` belongs in a role, a mapping or a user");
  });

  test("the static flag on a mapping is an error at the flag", () => {
    const { model, diagnostics } = parseModel("mapping m static { users u }");
    expect(summary(diagnostics)).toEqual(["PC1005 1:11"]);
    expect(diagnostics[0]).toMatchObject({ message: "a mapping takes no `static` flag", help: "a mapping takes `reserved` and `hidden`" });
    expect(values(model.roleMappings[0]!.users)).toEqual(["u"]);
  });

  test("a flag given twice is an error at the second", () => {
    const { diagnostics } = parseModel("role r reserved reserved { }");
    expect(summary(diagnostics)).toEqual(["PC1006 1:17"]);
    expect(at(diagnostics[0]?.related[0]?.span)).toBe("1:8");
  });

  test("allow on an index entry's first line and in its block is an error at the second", () => {
    const { model, diagnostics } = parseModel("role r {\n  index a allow read {\n    allow write\n  }\n}");
    expect(summary(diagnostics)).toEqual(["PC1006 3:5"]);
    expect(diagnostics[0]?.message).toBe("`allow` is given twice in an `index` entry of role `r`");
    expect(at(diagnostics[0]?.related[0]?.span)).toBe("2:11");
    expect(values(model.roles[0]!.indexPermissions[0]!.allowedActions)).toEqual(["read"]);
  });

  test("a clause given twice in a role is an error; index and tenant entries repeat freely", () => {
    const { model, diagnostics } = parseModel("role r {\n  cluster a\n  index x\n  index y\n  cluster b\n}");
    expect(summary(diagnostics)).toEqual(["PC1006 5:3"]);
    expect(model.roles[0]!.indexPermissions).toHaveLength(2);
    expect(values(model.roles[0]!.clusterPermissions)).toEqual(["a"]);
  });

  test("an index clause inside an index entry is an error", () => {
    const { diagnostics } = parseModel("role r { index a { index b } }");
    expect(diagnostics.map((d) => d.message)).toEqual(["an `index` entry takes no `index` clause"]);
  });

  test("a role-mapping clause in an action group is an error", () => {
    const { diagnostics } = parseModel("action_group g { allow a users u }");
    expect(diagnostics.map((d) => d.message)).toEqual(["an action group takes no `users` clause"]);
  });

  test("an attribute given twice is an error at the second", () => {
    const { model, diagnostics } = parseModel("user u { attributes a = 1, a = 2 }");
    expect(summary(diagnostics)).toEqual(["PC1006 1:28"]);
    expect(model.internalUsers[0]!.attributes.map((a) => a.value.value)).toEqual(["1"]);
  });
});

describe("duplicate definitions", () => {
  test("a role defined in two files is an error at the second, pointing at the first", () => {
    const { model, diagnostics } = parseModel({ "a.policy": "role r { cluster a }", "b.policy": "\nrole r { cluster b }" });
    expect(diagnosticsText(diagnostics)).toBe("b.policy:2:6: error PC3005: role `r` is defined twice\n  a.policy:1:6: `r` is first defined here\n");
    expect(model.roles.map((role) => values(role.clusterPermissions))).toEqual([["a"]]);
  });

  test.each([
    ["action group `g`", "action_group g allow a\naction_group g allow b", "2:14", "1:14"],
    ["user `u`", "user u\nuser u { hash x }", "2:6", "1:6"],
    ["tenant `t`", "tenant t\ntenant t", "2:8", "1:8"],
  ])("%s defined twice is an error", (what, source, second, first) => {
    const { diagnostics } = parseModel(source);
    expect(diagnostics.map((d) => [d.code, d.message, at(d.span), at(d.related[0]?.span)])).toEqual([["PC3005", `${what} is defined twice`, second, first]]);
  });

  test("two mapping blocks of one role are an error", () => {
    const { model, diagnostics } = parseModel("mapping r { users a }\nmapping r { users b }");
    expect(diagnostics.map((d) => [d.code, d.message, at(d.span), at(d.related[0]?.span)])).toEqual([["PC3005", "role `r` is mapped twice", "2:9", "1:9"]]);
    expect(model.roleMappings).toHaveLength(1);
  });

  test("a role with mapping clauses and a mapping block is mapped twice", () => {
    const { diagnostics } = parseModel("role r {\n  cluster a\n  users u\n}\nmapping r { backend_roles b }");
    expect(diagnostics.map((d) => [d.code, at(d.span), at(d.related[0]?.span)])).toEqual([["PC3005", "5:9", "3:3"]]);
    expect(diagnostics[0]?.help).toContain("takes no `mapping` block");
  });

  test("a mapping block before the role's own mapping clauses is reported at the clauses", () => {
    const { diagnostics } = parseModel("mapping r { users a }\nrole r { hosts h }");
    expect(diagnostics.map((d) => [d.code, at(d.span), at(d.related[0]?.span)])).toEqual([["PC3005", "2:10", "1:9"]]);
  });

  test("a role and a mapping block of another role are no duplicates", () => {
    expect(parseModel("role r { users a }\nmapping s { users b }").diagnostics).toEqual([]);
  });

  test("kinds have separate namespaces", () => {
    expect(parseModel("role x { }\nuser x\ntenant x\naction_group x allow a\nmapping x { users x }").diagnostics).toEqual([]);
  });
});

describe("mapped_to", () => {
  test("mapped_to adds the user to the role's mapping block", () => {
    const { model, diagnostics } = parseModel("user judy { mapped_to r }\nmapping r { users elon }");
    expect(diagnostics).toEqual([]);
    expect(values(model.roleMappings[0]!.users)).toEqual(["elon", "judy"]);
  });

  test("mapped_to adds the user to a role's inline mapping", () => {
    const { model } = parseModel("role r { backend_roles b }\nuser judy { mapped_to r }");
    expect(model.roleMappings.map((m) => [m.role.value, values(m.users), values(m.backendRoles)])).toEqual([["r", ["judy"], ["b"]]]);
  });

  test("mapped_to creates a mapping when the role has none, after the others", () => {
    const { model, diagnostics } = parseModel("user judy { mapped_to a, b }\nuser elon { mapped_to a }\nmapping c { users x }");
    expect(diagnostics).toEqual([]);
    expect(model.roleMappings.map((m) => [m.role.value, values(m.users)])).toEqual([
      ["c", ["x"]],
      ["a", ["judy", "elon"]],
      ["b", ["judy"]],
    ]);
    expect(model.roleMappings[1]).toMatchObject({ reserved: false, hidden: false, backendRoles: [], andBackendRoles: [], hosts: [] });
    expect(at(model.roleMappings[1]!.role.span)).toBe("1:23");
  });

  test("mapped_to on a role's mapping does not make it a duplicate of the role's mapping clauses", () => {
    const { diagnostics } = parseModel("user judy { mapped_to r }\nrole r { users elon }");
    expect(diagnostics).toEqual([]);
  });

  test("a user the mapping already lists is not added twice", () => {
    const { model } = parseModel("role r { users judy }\nuser judy { mapped_to r }");
    expect(values(model.roleMappings[0]!.users)).toEqual(["judy"]);
  });
});
