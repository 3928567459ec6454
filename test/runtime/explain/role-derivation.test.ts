/**
 * `explain` says how the user got each role: the request's `user.roles`, a
 * backend role of the same name, or each role mapping field whose pattern
 * matched, with what it matched and where the pattern is written.
 */
import { describe, expect, it } from "vitest";
import type { RoleSource } from "../../../src/table/explanation.js";
import { explainer, where } from "./explain-policies.js";

const ROLES = `
reader:
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["read"]
`;

/** The sources of one role of the explanation of a cluster request by `user`. */
function sourcesOf(mappings: string, user: Record<string, unknown>, role = "reader", settings?: string): readonly RoleSource[] | undefined {
  const policy = explainer({ "roles.yml": ROLES, "roles_mapping.yml": mappings }, settings === undefined ? {} : { settings });
  const explanation = policy.explain({ user, action: "cluster:monitor/health" });
  return explanation.roles.find((derivation) => derivation.role === role)?.via;
}

describe("role derivation", () => {
  it("names the users pattern that matched the user name, and where it is written", () => {
    const via = sourcesOf(`reader:\n  users: ["bob", "ali*"]\n`, { name: "alice" });
    expect(via).toEqual([
      {
        kind: "mapping",
        field: "users",
        patterns: ["ali*"],
        matched: ["alice"],
        at: [{ file: "roles_mapping.yml", line: 5, column: 18 }],
        mappingAt: { file: "roles_mapping.yml", line: 4, column: 1 },
      },
    ]);
  });

  it("names each backend_roles pattern that matched, with the first backend role it matched", () => {
    const via = sourcesOf(`reader:\n  backend_roles: ["ops", "dev*"]\n`, { name: "u", backend_roles: ["x", "developers", "ops", "dev"] });
    expect(via).toMatchObject([{ kind: "mapping", field: "backend_roles", patterns: ["ops", "dev*"], matched: ["ops", "developers"] }]);
  });

  it("lists every and_backend_roles pattern when all of them matched", () => {
    const via = sourcesOf(`reader:\n  and_backend_roles: ["team-*", "admin"]\n`, { name: "u", backend_roles: ["admin", "team-red"] });
    expect(via).toMatchObject([{ kind: "mapping", field: "and_backend_roles", patterns: ["team-*", "admin"], matched: ["team-red", "admin"] }]);
    const source = via![0]!;
    expect(source.kind === "mapping" ? source.at?.map(where) : undefined).toEqual(["roles_mapping.yml:5:23", "roles_mapping.yml:5:33"]);
  });

  it("gives no role when only some and_backend_roles patterns matched", () => {
    expect(sourcesOf(`reader:\n  and_backend_roles: ["team-*", "admin"]\n`, { name: "u", backend_roles: ["team-red"] })).toBeUndefined();
  });

  it("names the hosts pattern that matched the caller's address", () => {
    const via = sourcesOf(`reader:\n  hosts: ["10.0.*"]\n`, { name: "u", host: "10.0.3.4" });
    expect(via).toMatchObject([{ kind: "mapping", field: "hosts", patterns: ["10.0.*"], matched: ["10.0.3.4"] }]);
  });

  it("lists one source per field when several fields of a mapping matched", () => {
    const via = sourcesOf(`reader:\n  users: ["u"]\n  backend_roles: ["b"]\n`, { name: "u", backend_roles: ["b"] });
    expect(via?.map((source) => (source.kind === "mapping" ? source.field : source.kind))).toEqual(["users", "backend_roles"]);
  });

  it("says a bare `*` backend role maps a user without backend roles, matching nothing", () => {
    const via = sourcesOf(`reader:\n  backend_roles: ["*"]\n`, { name: "u" });
    expect(via).toMatchObject([{ kind: "mapping", field: "backend_roles", patterns: ["*"], matched: [""] }]);
  });

  it("names the request's own user.roles", () => {
    expect(sourcesOf(`reader:\n  users: ["nobody"]\n`, { name: "u", roles: ["reader"] })).toEqual([{ kind: "request" }]);
  });

  it("names a backend role of the same name with roles_mapping_resolution BOTH", () => {
    const via = sourcesOf(`reader:\n  users: ["u"]\n`, { name: "u", backend_roles: ["reader"] }, "reader", "plugins.security.roles_mapping_resolution: BOTH\n");
    expect(via?.map((source) => (source.kind === "mapping" ? source.field : source.kind))).toEqual(["backend-role", "users"]);
  });

  it("ignores mappings with roles_mapping_resolution BACKENDROLES_ONLY", () => {
    const via = sourcesOf(`reader:\n  users: ["u"]\n`, { name: "u", backend_roles: ["reader"] }, "reader", "plugins.security.roles_mapping_resolution: BACKENDROLES_ONLY\n");
    expect(via).toEqual([{ kind: "backend-role" }]);
  });

  it("does not count a backend role of the same name with the default MAPPING_ONLY", () => {
    expect(sourcesOf(`reader:\n  users: ["nobody"]\n`, { name: "u", backend_roles: ["reader"] })).toBeUndefined();
  });

  it("explains every role of the decision, sorted, undefined roles included", () => {
    const policy = explainer({ "roles.yml": ROLES, "roles_mapping.yml": `reader:\n  users: ["u"]\nghost:\n  users: ["u"]\n` });
    const explanation = policy.explain({ user: { name: "u" }, action: "cluster:monitor/health" });
    expect(explanation.roles.map((derivation) => derivation.role)).toEqual(explanation.decision.roles);
    expect(explanation.roles.map((derivation) => derivation.role)).toEqual(["ghost", "reader"]);
  });

  it("leaves locations out without provenance", () => {
    const policy = explainer({ "roles.yml": ROLES, "roles_mapping.yml": `reader:\n  users: ["u"]\n` }, { provenance: false });
    const [derivation] = policy.explain({ user: { name: "u" }, action: "cluster:monitor/health" }).roles;
    expect(derivation!.via).toEqual([{ kind: "mapping", field: "users", patterns: ["u"], matched: ["u"] }]);
  });
});
