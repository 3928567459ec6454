import { describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { loadTable } from "../../../src/runtime/index.js";
import { listed } from "./helpers.js";

const ROLES_DUMP = `{
  "all_access": {"reserved": true, "hidden": false, "static": true, "description": "Allow full access", "cluster_permissions": ["*"],
    "index_permissions": [{"index_patterns": ["*"], "fls": [], "masked_fields": [], "allowed_actions": ["*"]}],
    "tenant_permissions": [{"tenant_patterns": ["*"], "allowed_actions": ["kibana_all_write"]}]},
  "app_reader": {"reserved": false, "hidden": false, "static": false, "cluster_permissions": ["cluster:monitor/health"],
    "index_permissions": [{"index_patterns": ["app-*"], "fls": [], "masked_fields": [], "allowed_actions": ["read"]}], "tenant_permissions": []}
}`;
const MAPPING_DUMP = `{"app_reader": {"hosts": [], "users": ["judy"], "reserved": false, "hidden": false, "backend_roles": [], "and_backend_roles": []}}`;
const USERS_DUMP = `{"judy": {"hash": "", "reserved": false, "hidden": false, "backend_roles": ["IT"], "attributes": {"dept": "eng"}, "opendistro_security_roles": [], "static": false}}`;

describe("API dumps", () => {
  it("read like a configuration directory, the API's read-only fields ignored", () => {
    const result = compile({ files: [{ path: "dump/roles.json", text: ROLES_DUMP }, { path: "dump/rolesmapping.json", text: MAPPING_DUMP }, { path: "dump/internalusers.json", text: USERS_DUMP }] });
    expect(listed(result)).toEqual([]);
    const policy = loadTable(result.table);
    expect(policy.authorize({ user: { name: "judy" }, action: "indices:data/read/search", indices: ["app-1"] }).decision).toBe("allow");
    expect(policy.authorize({ user: { name: "judy" }, action: "indices:data/write/index", indices: ["app-1"] }).decision).toBe("deny");
  });

  it("do not redefine the built-in roles they list as static", () => {
    const result = compile({ files: [{ path: "roles.json", text: ROLES_DUMP }] });
    expect(result.diagnostics.map((d) => d.code)).not.toContain("PC3004");
  });

  it("read a static entry policyc does not know as a custom one, with a warning", () => {
    const text = `{"future_role": {"static": true, "reserved": true, "cluster_permissions": ["cluster:monitor/*"]}}`;
    const result = compile({ files: [{ path: "roles.json", text }] });
    expect(listed(result).filter((line) => !line.includes("PC3006"))).toEqual([
      "roles.json:1:2 PC2110 role `future_role` is static in the dumped cluster but not built into policyc; it is read as a custom one",
    ]);
  });

  it("say so when the file holds an error answer instead of a dump", () => {
    const text = `{"status": "FORBIDDEN", "message": "No permission to access REST API: User admin with Security roles [own_index] does not have any access to endpoint ROLES"}`;
    const result = compile({ files: [{ path: "roles.json", text }] });
    expect(result.diagnostics.map((d) => d.code)).toContain("PC2109");
    expect(result.diagnostics.find((d) => d.code === "PC2109")!.message).toContain("No permission to access REST API");
  });

  it("report an unknown key of an entry at its place in the file", () => {
    const text = `{\n  "r1": {\n    "cluster_permisions": []\n  }\n}`;
    expect(listed(compile({ files: [{ path: "roles.json", text }] })).filter((line) => line.includes("PC2006"))).toEqual([
      "roles.json:3:5 PC2006 unknown key `cluster_permisions` in role `r1`; did you mean `cluster_permissions`?",
    ]);
  });

  it("report a file whose bytes could not be read, and read nothing of it", () => {
    const result = compile({ files: [{ path: "roles.json", text: "", problem: { kind: "too-large", byteLength: 40_000_000, limit: 33_554_432 } }] });
    expect(listed(result)).toEqual(["roles.json:1:1 PC2101 the file has 40000000 bytes; policyc reads files of at most 33554432 bytes"]);
  });
});
