import { describe, expect, it } from "vitest";
import { renderSearchGuardTemplate, type SearchGuardSubject } from "../../src/patterns/searchguard-template.js";

const subject: SearchGuardSubject = {
  name: "ann",
  backendRoles: ["ops", "dev"],
  attributes: { dept: "a.b", depts: ["x", "y+z"], n: 7, nested: { team: "blue" }, empty: [] },
};
const render = (template: string) => renderSearchGuardTemplate(template, subject);

describe("Search Guard templates", () => {
  it("substitute the user name in both spellings", () => {
    expect(render("home_${user.name}_${user_name}")).toBe("home_ann_ann");
  });

  it("render a string attribute as itself and a number as its JSON text", () => {
    expect(render("d_${user.attrs.dept}_${user.attrs.n}")).toBe("d_a.b_7");
  });

  it("follow a dotted path into structured attributes", () => {
    expect(render("t_${user.attrs.nested.team}")).toBe("t_blue");
  });

  it("escape regex metacharacters with toRegexFragment and join a list as an alternation", () => {
    expect(render("/${user.attrs.dept|toRegexFragment}/")).toBe("/a\\.b/");
    expect(render("/${user.attrs.depts|toRegexFragment}/")).toBe("/(x|y\\+z)/");
  });

  it("take head and tail of lists, and the backend roles as a list", () => {
    expect(render("${user.roles|head}")).toBe("ops");
    expect(render("${user.attrs.depts|tail|toJson}")).toBe('["y+z"]');
  });

  it("fail without a value and no fallback", () => {
    expect(render("x_${user.attrs.missing}")).toBeUndefined();
    expect(render("x_${user.attrs.empty|head}")).toBeUndefined();
  });

  it("use the ?: fallback, a JSON value, when the value is unset or null", () => {
    expect(render('x_${user.attrs.missing?:"none"}')).toBe("x_none");
    expect(render('x_${user.attrs.empty|head?:["q"]|head}')).toBe("x_q");
    expect(render('x_${user.attrs.dept?:"none"}')).toBe("x_a.b");
  });

  it("fail on a function it does not know", () => {
    expect(render("${user.name|shout}")).toBeUndefined();
  });

  it("leave variables of the old syntaxes as written", () => {
    expect(render("i_${attr.internal.dept}")).toBe("i_${attr.internal.dept}");
  });
});
