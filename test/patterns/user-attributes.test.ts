import { describe, expect, it } from "vitest";
import { AttributeRenderError, renderAttributes, type AttributeSubject } from "../../src/patterns/user-attributes.js";

const alice: AttributeSubject = {
  name: "alice",
  backendRoles: ["IT", "ops"],
  securityRoles: ["reader", "writer"],
  attributes: { "attr.internal.dept": "eng", "attr.jwt.region": "eu" },
};

describe("renderAttributes", () => {
  it("replaces the user name in both spellings", () => {
    expect(renderAttributes("logs-${user.name}-${user_name}", alice)).toBe("logs-alice-alice");
  });

  it("renders backend roles and security roles as quoted, comma-separated lists", () => {
    expect(renderAttributes("[${user.roles}]", alice)).toBe('["IT","ops"]');
    expect(renderAttributes("[${user_securityRoles}]", alice)).toBe('["reader","writer"]');
  });

  it("replaces custom attributes by full key and by the key with underscores", () => {
    expect(renderAttributes("dept-${attr.internal.dept}", alice)).toBe("dept-eng");
    expect(renderAttributes("dept-${attr_internal_dept}", alice)).toBe("dept-eng");
  });

  it("uses the default only when the variable is unknown", () => {
    expect(renderAttributes("${attr.ldap.region:-eu}-data", alice)).toBe("eu-data");
    expect(renderAttributes("${attr.jwt.region:-us}-data", alice)).toBe("eu-data");
  });

  it("leaves an unknown variable without default as written", () => {
    expect(renderAttributes("dept-${attr.jwt.department}", alice)).toBe("dept-${attr.jwt.department}");
  });

  it("reads a doubled dollar as an escaped, literal variable", () => {
    expect(renderAttributes("$${user.name}", alice)).toBe("${user.name}");
  });

  it("substitutes variables inside variable names", () => {
    const subject = { ...alice, attributes: { "attr.jwt.alice": "team-a" } };
    expect(renderAttributes("${attr.jwt.${user.name}}", subject)).toBe("team-a");
  });

  it("substitutes variables found in attribute values", () => {
    const subject = { ...alice, attributes: { "attr.jwt.home": "home-${user.name}" } };
    expect(renderAttributes("${attr.jwt.home}", subject)).toBe("home-alice");
  });

  it("fails on attributes that refer to each other in a loop", () => {
    const subject = { ...alice, attributes: { "attr.jwt.a": "${attr.jwt.b}", "attr.jwt.b": "${attr.jwt.a}" } };
    expect(() => renderAttributes("${attr.jwt.a}", subject)).toThrow(AttributeRenderError);
  });

  it("does not escape wildcard characters in values", () => {
    const subject = { ...alice, attributes: { "attr.jwt.team": "*" } };
    expect(renderAttributes("team-${attr.jwt.team}", subject)).toBe("team-*");
  });

  it("lets a custom attribute named like a built-in variable win", () => {
    const subject = { ...alice, attributes: { "user.name": "mallory" } };
    expect(renderAttributes("${user.name}", subject)).toBe("mallory");
  });

  it("refuses to build an output that grows without bound", () => {
    const doubling: Record<string, string> = { "attr.jwt.a0": "xxxxxxxxxxxxxxxx" };
    for (let i = 1; i < 30; i++) doubling[`attr.jwt.a${i}`] = `\${attr.jwt.a${i - 1}}\${attr.jwt.a${i - 1}}`;
    expect(() => renderAttributes("${attr.jwt.a29}", { ...alice, attributes: doubling })).toThrow(AttributeRenderError);
  });
});
