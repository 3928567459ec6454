/** PC3006: a custom role that no role mapping and no internal user gives to anyone. */
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";
import { withMeta, type ConfigFiles } from "../helpers/policy.js";

const ROLE = "reader:\n  cluster_permissions: [cluster_monitor]\n";

function unmapped(files: ConfigFiles | string): string[] {
  const inputs = typeof files === "string" ? [{ path: "a.policy", text: files }] : withMeta(files);
  return validate({ files: inputs })
    .diagnostics.filter((diagnostic) => diagnostic.code === "PC3006")
    .map((diagnostic) => {
      const { line, column } = diagnostic.span!.file.lineColumn(diagnostic.span!.start);
      return `${diagnostic.span!.file.path}:${line}:${column}: ${diagnostic.message}`;
    });
}

describe("roles mapped to nobody", () => {
  it("warns at the name of a role no mapping and no user reaches", () => {
    expect(unmapped({ "roles.yml": ROLE })).toEqual([
      "roles.yml:4:1: role `reader` is mapped to nobody: no role mapping and no internal user gives it to anyone, so it grants nothing",
    ]);
  });

  it("counts every kind of mapping rule", () => {
    for (const rule of ["users: [alice]", "backend_roles: [hr]", "hosts: ['10.*']", "and_backend_roles: [a, b]"]) {
      expect(unmapped({ "roles.yml": ROLE, "roles_mapping.yml": `reader:\n  ${rule}\n` })).toEqual([]);
    }
  });

  it("counts a user's opendistro_security_roles", () => {
    expect(unmapped({ "roles.yml": ROLE, "internal_users.yml": 'bob:\n  hash: "x"\n  opendistro_security_roles: [reader]\n' })).toEqual([]);
  });

  it("counts a DSL user's mapped_to and a role's own mapping clauses", () => {
    expect(unmapped("role reader {}\nuser bob { mapped_to reader }\nrole writer { users alice }\n")).toEqual([]);
  });

  it("does not count a mapping whose rules can match nobody", () => {
    const mapping = "reader:\n  users: ['', '/[/']\n  and_backend_roles: [a, '']\n";
    expect(unmapped({ "roles.yml": ROLE, "roles_mapping.yml": mapping })).toHaveLength(1);
  });

  it("leaves out reserved roles, which a distribution ships for administrators to map", () => {
    expect(unmapped({ "roles.yml": "reader:\n  reserved: true\n" })).toEqual([]);
  });

  it("leaves out a role that takes the name of a built-in one", () => {
    expect(unmapped({ "roles.yml": "all_access:\n  cluster_permissions: ['*']\n" })).toEqual([]);
  });

  it("says nothing when backend role names may reach roles directly", () => {
    for (const resolution of ["BACKENDROLES_ONLY", "BOTH"]) {
      expect(unmapped({ "roles.yml": ROLE, "opensearch.yml": `plugins.security.roles_mapping_resolution: ${resolution}\n` })).toEqual([]);
    }
  });

  it("says nothing about a policy with errors, whose mappings may not all have been read", () => {
    expect(unmapped("role reader {}\nmapping other { users alice ; }\n")).toEqual([]);
    expect(unmapped("role reader {}\nmapping other { users alice }\n")).toHaveLength(1);
  });
});
