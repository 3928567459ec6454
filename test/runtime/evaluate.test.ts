import { describe, expect, it } from "vitest";
import { decide, policyOf } from "../helpers/policy.js";

const readerPolicy = () =>
  policyOf({
    "roles.yml": `
reader:
  cluster_permissions: ["cluster_composite_ops_ro"]
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["read"]
writer:
  index_permissions:
    - index_patterns: ["logs-*", "metrics-*"]
      allowed_actions: ["write"]
`,
    "roles_mapping.yml": `
reader:
  users: ["alice", "carol"]
writer:
  users: ["carol"]
`,
  });

describe("cluster and index actions", () => {
  it("decides an index action by index permissions only", () => {
    const policy = policyOf({
      "roles.yml": `misplaced:\n  cluster_permissions: ["indices:data/read/search"]\n`,
      "roles_mapping.yml": `misplaced:\n  users: ["u"]\n`,
    });
    expect(decide(policy, "u", "indices:data/read/search", ["logs-1"]).decision).toBe("deny");
  });

  it("decides the top-level bulk action by cluster permissions", () => {
    const policy = policyOf({
      "roles.yml": `r:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["indices:data/write/bulk*"]\n`,
      "roles_mapping.yml": `r:\n  users: ["u"]\n`,
    });
    expect(decide(policy, "u", "indices:data/write/bulk").decision).toBe("deny");
    expect(decide(policy, "u", "indices:data/write/bulk[s]", ["logs-1"]).decision).toBe("allow");
  });

  it("grants a cluster action through a nested built-in action group", () => {
    expect(decide(readerPolicy(), "alice", "indices:data/read/msearch").decision).toBe("allow");
  });

  it("treats an action that does not start with indices: as a cluster action", () => {
    const policy = policyOf({ "roles.yml": `r:\n  cluster_permissions: ["myplugin:admin/*"]\n`, "roles_mapping.yml": `r:\n  users: ["u"]\n` });
    expect(decide(policy, "u", "myplugin:admin/roles").decision).toBe("allow");
  });
});

describe("index requests", () => {
  it("allows a request only when every index is granted", () => {
    const policy = readerPolicy();
    expect(decide(policy, "alice", "indices:data/read/search", ["logs-1", "logs-2"]).decision).toBe("allow");
    expect(decide(policy, "alice", "indices:data/read/search", ["logs-1", "other"]).decision).toBe("deny");
  });

  it("lets different roles grant different indices of one request", () => {
    const policy = policyOf({
      "roles.yml": `a:\n  index_permissions:\n    - index_patterns: ["a-*"]\n      allowed_actions: ["read"]\nb:\n  index_permissions:\n    - index_patterns: ["b-*"]\n      allowed_actions: ["read"]\n`,
      "roles_mapping.yml": `a:\n  users: ["u"]\nb:\n  users: ["u"]\n`,
    });
    expect(decide(policy, "u", "indices:data/read/search", ["a-1", "b-1"]).decision).toBe("allow");
  });

  it("grants a request naming no index only through a pattern that covers every index", () => {
    const policy = policyOf({
      "roles.yml": `star:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["read"]\nlogs:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n`,
      "roles_mapping.yml": `star:\n  users: ["s"]\nlogs:\n  users: ["l"]\n`,
    });
    expect(decide(policy, "s", "indices:data/read/search").decision).toBe("allow");
    expect(decide(policy, "l", "indices:data/read/search").decision).toBe("deny");
    expect(decide(policy, "l", "indices:data/read/search", []).decision).toBe("deny");
  });
});

describe("renamed and unchecked actions", () => {
  const policy = () =>
    policyOf({
      "roles.yml": `creator:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["indices:admin/create"]\nauto:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["indices:admin/auto_create"]\n`,
      "roles_mapping.yml": `creator:\n  users: ["c"]\nauto:\n  users: ["a"]\n`,
    });

  it("evaluates auto_create as create", () => {
    expect(decide(policy(), "c", "indices:admin/auto_create", ["logs-1"]).decision).toBe("allow");
  });

  it("does not let a grant of the original name grant the renamed action", () => {
    const decision = decide(policy(), "a", "indices:admin/auto_create", ["logs-1"]);
    expect(decision.decision).toBe("deny");
    expect(decision.missing).toEqual(["indices:admin/create"]);
  });

  it("lets whoami and seq_no actions through for a user without roles", () => {
    expect(decide(policy(), "nobody", "cluster:admin/opendistro_security/whoami").decision).toBe("allow");
    expect(decide(policy(), "nobody", "indices:admin/seq_no/global_checkpoint_sync", ["x"]).decision).toBe("allow");
  });
});

describe("denials", () => {
  it("carry the plugin's message with the missing action", () => {
    const decision = decide(readerPolicy(), { name: "test-user", backend_roles: ["b", "a"] }, "indices:monitor/stats", ["logs-1"]);
    expect(decision).toEqual({
      decision: "deny",
      roles: [],
      reason: "no permissions for [indices:monitor/stats] and User [name=test-user, backend_roles=[b, a], requestedTenant=null]",
      missing: ["indices:monitor/stats"],
    });
  });

  it("name the requested tenant in the user part", () => {
    const decision = decide(readerPolicy(), "bob", "indices:data/read/search", [".kibana"], "finance");
    expect(decision.reason).toBe("no permissions for [indices:data/read/search] and User [name=bob, backend_roles=[], requestedTenant=finance]");
  });

  it("list the user's mapped roles, sorted", () => {
    expect(decide(readerPolicy(), "carol", "cluster:monitor/health").roles).toEqual(["reader", "writer"]);
  });
});

describe("special users", () => {
  it("denies every cluster action to a service account", () => {
    const policy = policyOf({ "roles.yml": `r:\n  cluster_permissions: ["*"]\n`, "roles_mapping.yml": `r:\n  users: ["svc"]\n` });
    expect(decide(policy, { name: "svc" }, "cluster:monitor/health").decision).toBe("allow");
    expect(decide(policy, { name: "svc", attributes: { "attr.internal.service": "true" } }, "cluster:monitor/health").decision).toBe("deny");
  });

  it("does not map plugin users and lets their index actions through while system indices are off", () => {
    const policy = policyOf({ "roles.yml": `r:\n  cluster_permissions: ["*"]\n`, "roles_mapping.yml": `r:\n  users: ["*"]\n` });
    const decision = decide(policy, "plugin:org.example", "indices:data/write/index", ["any-index"]);
    expect(decision).toMatchObject({ decision: "allow", roles: [] });
    expect(decide(policy, "plugin:org.example", "cluster:monitor/health").decision).toBe("deny");
  });
});
