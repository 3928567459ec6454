import { describe, expect, it } from "vitest";
import { decide, policyOf } from "../helpers/policy.js";

const rolesYml = ["r", "other", "and_role", "host_role", "any_backend"]
  .map((name) => `${name}:\n  cluster_permissions: ["cluster:monitor/health"]\n`)
  .join("");

const mapped = (mappings: string, user: Parameters<typeof decide>[1], settings?: string) => {
  const files: Record<string, string> = { "roles.yml": rolesYml, "roles_mapping.yml": mappings };
  if (settings) files["opensearch.yml"] = settings;
  return decide(policyOf(files), user, "cluster:monitor/health").roles;
};

describe("role mapping", () => {
  it("maps by user name pattern, case-sensitively", () => {
    expect(mapped(`r:\n  users: ["svc-*"]\n`, "svc-logstash")).toEqual(["r"]);
    expect(mapped(`r:\n  users: ["svc-*"]\n`, "SVC-logstash")).toEqual([]);
  });

  it("maps by a backend role pattern", () => {
    expect(mapped(`r:\n  backend_roles: ["team-*"]\n`, { name: "u", backend_roles: ["team-red"] })).toEqual(["r"]);
  });

  it("maps through a bare star in backend_roles even a user without backend roles", () => {
    expect(mapped(`any_backend:\n  backend_roles: ["*"]\n`, { name: "u", backend_roles: [] })).toEqual(["any_backend"]);
  });

  it("needs every and_backend_roles pattern to match some backend role", () => {
    const mappings = `and_role:\n  and_backend_roles: ["ops", "eu-*"]\n`;
    expect(mapped(mappings, { name: "u", backend_roles: ["ops", "eu-west"] })).toEqual(["and_role"]);
    expect(mapped(mappings, { name: "u", backend_roles: ["ops"] })).toEqual([]);
  });

  it("maps by a regex that matches the whole name", () => {
    expect(mapped(`r:\n  users: ["/svc-[0-9]+/"]\n`, "svc-12")).toEqual(["r"]);
    expect(mapped(`r:\n  users: ["/svc-[0-9]+/"]\n`, "svc-12a")).toEqual([]);
  });

  it("maps every user through a bare star in users", () => {
    expect(mapped(`r:\n  users: ["*"]\n`, "anyone")).toEqual(["r"]);
  });

  it("needs and_backend_roles patterns of every kind, a bare star being met by any user", () => {
    const mappings = `and_role:\n  and_backend_roles: ["/ops-[a-z]+/", "eu-?", "*"]\n`;
    expect(mapped(mappings, { name: "u", backend_roles: ["ops-x", "eu-1"] })).toEqual(["and_role"]);
    expect(mapped(mappings, { name: "u", backend_roles: ["ops-1", "eu-1"] })).toEqual([]);
    expect(mapped(`and_role:\n  and_backend_roles: ["*"]\n`, { name: "u" })).toEqual(["and_role"]);
  });

  it("lets one backend role meet several and_backend_roles patterns", () => {
    expect(mapped(`and_role:\n  and_backend_roles: ["ops*", "*-eu"]\n`, { name: "u", backend_roles: ["ops-eu"] })).toEqual(["and_role"]);
  });

  it("finds the roles of a user among many mappings", () => {
    const roles = Array.from({ length: 300 }, (_, i) => `m${i}:\n  cluster_permissions: ["cluster:monitor/health"]\n`).join("");
    const mappings = Array.from({ length: 300 }, (_, i) => `m${i}:\n  users: ["user${i}", "group${i % 7}-*"]\n`).join("");
    const decision = decide(policyOf({ "roles.yml": roles, "roles_mapping.yml": mappings }), "group3-user42", "cluster:monitor/health");
    expect(decision.roles).toEqual(Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 === 3).map((i) => `m${i}`).sort());
  });

  it("maps by the caller's address, and never without one", () => {
    const mappings = `host_role:\n  hosts: ["10.0.0.*"]\n`;
    expect(mapped(mappings, { name: "u", host: "10.0.0.7" })).toEqual(["host_role"]);
    expect(mapped(mappings, { name: "u", host: "10.0.1.7" })).toEqual([]);
    expect(mapped(`host_role:\n  hosts: ["*"]\n`, { name: "u" })).toEqual([]);
  });

  it("adds the roles the authenticator assigned, defined or not", () => {
    expect(mapped(`r:\n  users: ["alice"]\n`, { name: "alice", roles: ["ghost"] })).toEqual(["ghost", "r"]);
  });

  it("keeps a mapping to an undefined role among the user's roles", () => {
    const policy = policyOf({ "roles.yml": rolesYml, "roles_mapping.yml": `async_full_access:\n  users: ["judy"]\n` });
    const decision = decide(policy, "judy", "cluster:monitor/health");
    expect(decision).toMatchObject({ decision: "deny", roles: ["async_full_access"] });
  });

  it("ignores mappings and uses backend role names with BACKENDROLES_ONLY", () => {
    const settings = "plugins.security.roles_mapping_resolution: BACKENDROLES_ONLY\n";
    expect(mapped(`r:\n  users: ["alice"]\n`, { name: "alice", backend_roles: ["other"] }, settings)).toEqual(["other"]);
  });

  it("uses both mappings and backend role names with BOTH", () => {
    const settings = "plugins.security.roles_mapping_resolution: BOTH\n";
    expect(mapped(`r:\n  users: ["alice"]\n`, { name: "alice", backend_roles: ["other"] }, settings)).toEqual(["other", "r"]);
  });
});
