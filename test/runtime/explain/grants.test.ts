/**
 * On allow, `explain` names what granted each part of the request: role,
 * entry, the expanded action pattern, the index or tenant pattern, where
 * they are written, and the chain of action groups from the permission as
 * written to the pattern.
 */
import { describe, expect, it } from "vitest";
import type { ChainStep, Grant } from "../../../src/table/explanation.js";
import { explainer, where } from "./explain-policies.js";

const BUILTIN_GROUPS = "policyc:data/opensearch/static_action_groups.yml";

const ROLES = `_meta:
  type: "roles"
  config_version: 2
writer:
  cluster_permissions: ["cluster_composite_ops"]
  index_permissions:
    - index_patterns: ["logs-*", "metrics-*"]
      allowed_actions: ["team_crud"]
    - index_patterns: ["audit"]
      allowed_actions: ["team_crud", "indices:data/write/index"]
auditor:
  index_permissions:
    - index_patterns: ["*"]
      allowed_actions: ["indices:data/write/*", "indices:monitor/stats"]
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["kibana_all_write"]
dept_reader:
  index_permissions:
    - index_patterns: ["dept-\${attr.internal.dept}-*"]
      allowed_actions: ["read"]
`;

const GROUPS = `_meta:
  type: "actiongroups"
  config_version: 2
team_crud:
  allowed_actions: ["crud"]
`;

const MAPPINGS = `_meta:
  type: "rolesmapping"
  config_version: 2
writer:
  users: ["wendy"]
auditor:
  users: ["wendy", "adam"]
dept_reader:
  users: ["dora"]
`;

const TENANTS = `_meta:
  type: "tenants"
  config_version: 2
analysts:
  description: "the analysts"
`;

const FILES = { "roles.yml": ROLES, "action_groups.yml": GROUPS, "roles_mapping.yml": MAPPINGS, "tenants.yml": TENANTS };
const policy = explainer(FILES);

const chainText = (chain: readonly ChainStep[]) => chain.map((step) => `${step.name} @${where(step.at)}`);
const grantSummary = (grant: Grant) => `${grant.role}#${grant.entry ?? "-"} ${grant.actionPattern} on ${grant.pattern ?? "-"}`;

describe("grants of an allowed request", () => {
  it("chain a custom group through the built-in groups it nests to the action pattern, with every location", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:data/write/update", indices: ["logs-1"] });
    const grant = explanation.grants.find((g) => g.role === "writer")!;
    expect(grant.actionPattern).toBe("indices:data/write*");
    expect(chainText(grant.chain)).toEqual([
      "team_crud @roles.yml:8:25",
      "crud @action_groups.yml:5:21",
      `write @${BUILTIN_GROUPS}:35:5`,
      `indices:data/write* @${BUILTIN_GROUPS}:72:5`,
    ]);
  });

  it("name the index pattern that matched and where it and its entry are written", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:data/write/update", indices: ["metrics-2"] });
    const grant = explanation.grants.find((g) => g.role === "writer")!;
    expect({ entry: grant.entry, pattern: grant.pattern, patternAt: where(grant.patternAt), entryAt: where(grant.entryAt) }).toEqual({
      entry: 0,
      pattern: "metrics-*",
      patternAt: "roles.yml:7:34",
      entryAt: "roles.yml:7:7",
    });
  });

  it("prefer an action written directly, a one-step chain, over a chain through groups", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:data/write/index", indices: ["audit"] });
    const grant = explanation.grants.find((g) => g.role === "writer")!;
    expect(grant.actionPattern).toBe("indices:data/write/index");
    expect(chainText(grant.chain)).toEqual(["indices:data/write/index @roles.yml:10:38"]);
  });

  it("list every granting role and entry, sorted by role then entry", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:data/write/index", indices: ["logs-1"] });
    expect(explanation.grants.map(grantSummary)).toEqual(["auditor#0 indices:data/write/* on *", "writer#0 indices:data/write* on logs-*"]);
  });

  it("give each requested index its own grants, in the request's order", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:data/write/index", indices: ["audit", "logs-1"] });
    expect(explanation.grants.map((g) => `${g.target.kind === "index" ? g.target.index : g.target.kind}: ${grantSummary(g)}`)).toEqual([
      "audit: auditor#0 indices:data/write/* on *",
      "audit: writer#1 indices:data/write/index on audit",
      "logs-1: auditor#0 indices:data/write/* on *",
      "logs-1: writer#0 indices:data/write* on logs-*",
    ]);
  });

  it("grant all indices only through a pattern covering every name", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:monitor/stats" });
    expect(explanation.rule).toBe("index");
    expect(explanation.grants.map((g) => [g.target, grantSummary(g)])).toEqual([[{ kind: "all-indices" }, "auditor#0 indices:monitor/stats on *"]]);
  });

  it("name the cluster permission that granted a cluster action, the role's location as the entry's", () => {
    const explanation = policy.explain({ user: { name: "wendy" }, action: "indices:data/read/mget" });
    expect(explanation.rule).toBe("cluster");
    const [grant] = explanation.grants;
    expect(grant).toMatchObject({ target: { kind: "cluster" }, role: "writer", actionPattern: "indices:data/read/mget" });
    expect(grant!.entry).toBeUndefined();
    expect(where(grant!.entryAt)).toBe("roles.yml:4:1");
    expect(chainText(grant!.chain)[0]).toBe("cluster_composite_ops @roles.yml:5:25");
    expect(grant!.chain[grant!.chain.length - 1]!.name).toBe("indices:data/read/mget");
  });

  it("match a `${…}` pattern rendered with the user's attributes, and name the pattern as written", () => {
    const explanation = policy.explain({ user: { name: "dora", attributes: { "attr.internal.dept": "hr" } }, action: "indices:data/read/search", indices: ["dept-hr-2026"] });
    expect(explanation.decision.decision).toBe("allow");
    expect(explanation.grants.map(grantSummary)).toEqual(["dept_reader#0 indices:data/read* on dept-${attr.internal.dept}-*"]);
  });

  it("name the tenant permission and the chain to the write access a Dashboards write needs", () => {
    const explanation = policy.explain({ user: { name: "adam" }, action: "indices:data/write/index", indices: [".kibana"], tenant: "analysts" });
    expect(explanation.rule).toBe("tenant");
    const [grant] = explanation.grants;
    expect(grant).toMatchObject({ target: { kind: "tenant", tenant: "analysts" }, role: "auditor", actionPattern: "kibana:saved_objects/*/write", pattern: "analysts", entry: 0 });
    expect(chainText(grant!.chain)).toEqual(["kibana_all_write @roles.yml:17:25", `kibana:saved_objects/*/write @${BUILTIN_GROUPS}:10:5`]);
  });

  it("add the global tenant's grants when a request to the Dashboards index without a tenant needed them", () => {
    const explanation = policy.explain({ user: { name: "wendy", roles: ["kibana_user"] }, action: "indices:data/read/search", indices: [".kibana"] });
    expect(explanation.decision.decision).toBe("allow");
    expect(explanation.grants.filter((g) => g.target.kind === "tenant")).toEqual([
      { target: { kind: "tenant", tenant: "global_tenant" }, role: "kibana_user", actionPattern: "kibana:saved_objects/*/write", chain: [] },
    ]);
  });

  it("name patterns only, without chains or locations, when the table has no provenance", () => {
    const lean = explainer(FILES, { provenance: false });
    const explanation = lean.explain({ user: { name: "wendy" }, action: "indices:data/write/update", indices: ["logs-1"] });
    expect(explanation.provenance).toBe(false);
    expect(explanation.grants).toEqual([
      { target: { kind: "index", index: "logs-1" }, role: "auditor", actionPattern: "indices:data/write/*", chain: [], pattern: "*", entry: 0 },
      { target: { kind: "index", index: "logs-1" }, role: "writer", actionPattern: "indices:data/write*", chain: [], pattern: "logs-*", entry: 0 },
    ]);
  });

  it("lists nothing granted on a deny", () => {
    const explanation = policy.explain({ user: { name: "dora" }, action: "indices:data/write/index", indices: ["logs-1"] });
    expect(explanation.decision.decision).toBe("deny");
    expect(explanation.grants).toEqual([]);
  });
});
