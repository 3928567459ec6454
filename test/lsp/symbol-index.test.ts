/** The symbol index: where roles, action groups and tenants are defined and named. */
import { describe, expect, it } from "vitest";
import { buildSymbolIndex, type SymbolOccurrence } from "../../src/check/symbol-index.js";
import type { LocatedString } from "../../src/model/types.js";
import { readPolicyModel } from "../../src/index.js";
import { readBuiltinPolicy } from "../../src/parse/yaml/index.js";
import { withMeta } from "../helpers/policy.js";

function indexOf(files: Record<string, string>, extraRoleReferences: readonly LocatedString[] = []) {
  const inputs = files["a.policy"] !== undefined ? Object.entries(files).map(([path, text]) => ({ path, text })) : withMeta(files);
  const { model } = readPolicyModel({ files: inputs });
  return buildSymbolIndex({ policy: model, builtins: readBuiltinPolicy(), extraRoleReferences });
}

/** `file:line:column text` of each occurrence. */
const places = (occurrences: readonly SymbolOccurrence[]) =>
  occurrences.map(({ span }) => {
    const { line, column } = span.file.lineColumn(span.start);
    return `${span.file.path}:${line}:${column} ${span.file.text.slice(span.start, span.end)}`;
  });

const YAML = {
  "action_groups.yml": "my_read:\n  allowed_actions: [indices:data/read/*]\nmy_all:\n  allowed_actions: [my_read, read]\n",
  "roles.yml": "reader:\n  cluster_permissions: [cluster_monitor, cluster:monitor/health]\n  index_permissions:\n    - index_patterns: [logs-*]\n      allowed_actions: [my_all]\n  tenant_permissions:\n    - tenant_patterns: [analytics, ana*]\n      allowed_actions: [kibana_all_read]\n",
  "roles_mapping.yml": "reader:\n  users: [alice]\n",
  "internal_users.yml": 'bob:\n  hash: "x"\n  opendistro_security_roles: [reader, "reader"]\n',
  "tenants.yml": "analytics: {}\n",
};

describe("buildSymbolIndex", () => {
  it("finds a custom action group's definition and every use of it", () => {
    const index = indexOf(YAML);
    expect(places(index.definitions("action_group", "my_read"))).toEqual(["action_groups.yml:4:1 my_read"]);
    expect(places(index.references("action_group", "my_all"))).toEqual(["roles.yml:8:25 my_all"]);
  });

  it("finds a role's mappings and the users given it, in file order", () => {
    const index = indexOf(YAML);
    expect(places(index.references("role", "reader"))).toEqual(["roles_mapping.yml:4:1 reader", "internal_users.yml:6:31 reader", 'internal_users.yml:6:39 "reader"']);
  });

  it("puts a built-in definition before a custom one of the same name", () => {
    const index = indexOf({ "action_groups.yml": "read:\n  allowed_actions: [indices:data/read/get]\n" });
    expect(index.definitions("action_group", "read").map(({ span }) => span.file.path)).toEqual(["policyc:data/opensearch/static_action_groups.yml", "action_groups.yml"]);
  });

  it("tells actions from action groups", () => {
    const index = indexOf(YAML);
    expect(places(index.references("action", "cluster:monitor/health"))).toEqual(["roles.yml:5:42 cluster:monitor/health"]);
    expect(index.references("action_group", "cluster_monitor").map(({ span }) => span.file.path)).toContain("roles.yml");
  });

  it("counts a tenant pattern as a reference only when it is the tenant's name", () => {
    const index = indexOf(YAML);
    expect(places(index.references("tenant", "analytics"))).toEqual(["roles.yml:10:25 analytics"]);
  });

  it("finds the name at an offset, up to and including its end", () => {
    const index = indexOf(YAML);
    const start = YAML["roles_mapping.yml"].indexOf("reader") + withMeta({ "roles_mapping.yml": "" })[0]!.text.length;
    expect(index.at("roles_mapping.yml", start)).toMatchObject({ kind: "role", name: "reader", definition: false });
    expect(index.at("roles_mapping.yml", start + 6)).toMatchObject({ name: "reader" });
    expect(index.at("roles_mapping.yml", start + 7)).toBeUndefined();
    expect(index.at("nowhere.yml", start)).toBeUndefined();
  });

  it("does not count a DSL role's own mapping clauses as a reference", () => {
    const index = indexOf({ "a.policy": "role r {\n  users alice\n}\nuser bob { roles r }\n" });
    expect(places(index.definitions("role", "r"))).toEqual(["a.policy:1:6 r"]);
    expect(places(index.references("role", "r"))).toEqual(["a.policy:4:18 r"]);
  });

  it("adds the references the model keeps no location for, each place once", () => {
    // `mapped_to r` of a role mapped elsewhere only adds `bob` to that mapping.
    const text = "role r {}\nmapping r { users alice }\nuser bob { mapped_to r }\n";
    const index = indexOf({ "a.policy": text });
    expect(places(index.references("role", "r"))).toEqual(["a.policy:2:9 r"]);
    const file = index.definitions("role", "r")[0]!.span.file;
    const mappedTo = { value: "r", span: { file, start: text.lastIndexOf("r }"), end: text.lastIndexOf("r }") + 1 } };
    expect(places(indexOf({ "a.policy": text }, [mappedTo, mappedTo]).references("role", "r"))).toEqual(["a.policy:2:9 r", "a.policy:3:22 r"]);
  });
});
