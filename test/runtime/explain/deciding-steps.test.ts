/**
 * `explain` names the step of the plugin's evaluation that decided, in the
 * evaluator's order, and on a privilege deny what is missing; its decision
 * is always `authorize`'s.
 */
import { describe, expect, it } from "vitest";
import { explainer } from "./explain-policies.js";

const ROLES = `
reader:
  cluster_permissions: ["cluster:monitor/health"]
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["read"]
bulker:
  cluster_permissions: ["indices:data/write/bulk"]
sys:
  index_permissions:
    - index_patterns: [".sys-*", "logs-*"]
      allowed_actions: ["read", "system:admin/system_index"]
masked:
  index_permissions:
    - index_patterns: ["hr-*"]
      allowed_actions: ["crud"]
      masked_fields: ["ssn"]
async:
  cluster_permissions: ["cluster:admin/opendistro/asynchronous_search/*"]
admin_api:
  cluster_permissions: ["restapi:admin/roles"]
analyst:
  tenant_permissions:
    - tenant_patterns: ["analysts"]
      allowed_actions: ["kibana_all_read"]
`;

const MAPPINGS = `
reader:
  users: ["rita", "svc"]
bulker:
  users: ["bo"]
sys:
  users: ["sam"]
masked:
  users: ["max"]
async:
  users: ["judy", "elon"]
admin_api:
  users: ["ada"]
analyst:
  users: ["ann"]
`;

const TENANTS = `analysts:\n  description: "analysts"\n`;
const SETTINGS = [
  "plugins.security.system_indices.enabled: true",
  'plugins.security.system_indices.indices: [".sys-*"]',
  "plugins.security.system_indices.permission.enabled: true",
  "plugins.security.restapi.admin.enabled: true",
  "",
].join("\n");

const policy = explainer({ "roles.yml": ROLES, "roles_mapping.yml": MAPPINGS, "tenants.yml": TENANTS }, { settings: SETTINGS });

describe("the deciding step", () => {
  it("is `unchecked` for an action the plugin lets through without a check, even for a user without roles", () => {
    const explanation = policy.explain({ user: { name: "nobody" }, action: "cluster:admin/opendistro_security/whoami" });
    expect({ decision: explanation.decision.decision, rule: explanation.rule, grants: explanation.grants }).toEqual({ decision: "allow", rule: "unchecked", grants: [] });
  });

  it("is `bulk-shortcut` for a top-level bulk request, granted by the cluster permission alone", () => {
    const explanation = policy.explain({ user: { name: "bo" }, action: "indices:data/write/bulk", indices: ["anything"] });
    expect(explanation).toMatchObject({ decision: { decision: "allow" }, rule: "bulk-shortcut", grants: [{ target: { kind: "cluster" }, role: "bulker", actionPattern: "indices:data/write/bulk" }] });
  });

  it("is `bulk-shortcut` with the cluster target missing when no role grants the bulk action", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "indices:data/write/bulk", indices: ["logs-1"] });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "bulk-shortcut", missing: [{ target: { kind: "cluster" }, privilege: "indices:data/write/bulk" }] });
  });

  it("is `cluster` with the cluster target missing for an ungranted cluster action", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "cluster:monitor/state" });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "cluster", missing: [{ target: { kind: "cluster" }, privilege: "cluster:monitor/state" }] });
  });

  it("is `cluster` without anything missing for a service account, which no grant lets run cluster actions", () => {
    const explanation = policy.explain({ user: { name: "svc", attributes: { "attr.internal.service": "true" } }, action: "cluster:monitor/health" });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "cluster", missing: [], suggestions: [] });
  });

  it("is `index` with each ungranted index missing, and only those", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "indices:data/read/search", indices: ["logs-1", "metrics", "other"] });
    expect(explanation.rule).toBe("index");
    expect(explanation.missing.map((m) => [m.target, m.privilege])).toEqual([
      [{ kind: "index", index: "metrics" }, "indices:data/read/search"],
      [{ kind: "index", index: "other" }, "indices:data/read/search"],
    ]);
  });

  it("is `index` with all indices missing for a request naming no index that no `*` pattern grants", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "indices:data/read/search" });
    expect(explanation).toMatchObject({ rule: "index", missing: [{ target: { kind: "all-indices" }, privilege: "indices:data/read/search" }] });
  });

  it("is `system-index` with `system:admin/system_index` missing on each index of a request touching a system index", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "indices:data/read/search", indices: [".sys-1", "logs-1"] });
    expect(explanation.rule).toBe("system-index");
    expect(explanation.missing.map((m) => [m.target, m.privilege])).toEqual([
      [{ kind: "index", index: ".sys-1" }, "system:admin/system_index"],
      [{ kind: "index", index: "logs-1" }, "system:admin/system_index"],
    ]);
  });

  it("lets a role with `system:admin/system_index` through to the index privileges, which then decide", () => {
    const explanation = policy.explain({ user: { name: "sam" }, action: "indices:data/read/search", indices: [".sys-1"] });
    expect(explanation).toMatchObject({ decision: { decision: "allow" }, rule: "index", grants: [{ role: "sys", pattern: ".sys-*" }] });
  });

  it("is `system-index` without anything missing for the security index, which no role may touch", () => {
    const explanation = policy.explain({ user: { name: "sam" }, action: "indices:data/read/search", indices: [".opendistro_security"] });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "system-index", missing: [] });
    expect(explanation.summary).toContain("`.opendistro_security`");
  });

  it("is `rest-api` naming the role that grants the endpoint's permission explicitly", () => {
    const explanation = policy.explain({ user: { name: "ada" }, action: "restapi:admin/roles" });
    expect(explanation).toMatchObject({ decision: { decision: "allow" }, rule: "rest-api", grants: [{ target: { kind: "cluster" }, role: "admin_api", actionPattern: "restapi:admin/roles" }] });
  });

  it("is `rest-api` with the endpoint's permission missing on a refusal", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "restapi:admin/roles" });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "rest-api", missing: [{ target: { kind: "cluster" }, privilege: "restapi:admin/roles" }] });
  });

  it("is `tenant` with the tenant's access missing when no role opens the requested tenant", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "indices:data/read/search", indices: [".kibana"], tenant: "analysts" });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "tenant", missing: [{ target: { kind: "tenant", tenant: "analysts" }, privilege: "kibana:saved_objects/*/read" }] });
  });

  it("is `tenant` with read-write access missing for a write to a tenant open read-only", () => {
    const explanation = policy.explain({ user: { name: "ann" }, action: "indices:data/write/index", indices: [".kibana"], tenant: "analysts" });
    expect(explanation).toMatchObject({ rule: "tenant", missing: [{ target: { kind: "tenant", tenant: "analysts" }, privilege: "kibana:saved_objects/*/write" }] });
  });

  it("is `tenant` without grants for the user's private tenant, always open", () => {
    const explanation = policy.explain({ user: { name: "rita" }, action: "indices:data/write/index", indices: [".kibana"], tenant: "__user__" });
    expect(explanation).toMatchObject({ decision: { decision: "allow" }, rule: "tenant", grants: [] });
  });

  it("is `restrictions` for an action the privileges allow and the DLS/FLS valve refuses, with the grants kept", () => {
    const explanation = policy.explain({ user: { name: "max" }, action: "indices:data/write/update", indices: ["hr-1"] });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "restrictions", missing: [], grants: [{ role: "masked", pattern: "hr-*" }] });
  });

  it("is `ownership` when the owning plugin refuses another user's resource", () => {
    const search = { type: "async_search", id: "abc", owner: { name: "judy", backend_roles: ["IT"] } };
    const explanation = policy.explain({ user: { name: "elon" }, action: "cluster:admin/opendistro/asynchronous_search/get", resource: search });
    expect(explanation).toMatchObject({ decision: { decision: "deny" }, rule: "ownership", grants: [{ role: "async" }] });
  });

  it("is `malformed` for a request that cannot be read, with the reader's error in the summary", () => {
    const explanation = policy.explain({ user: { name: 7 }, action: "cluster:monitor/health" });
    expect(explanation).toMatchObject({ rule: "malformed", roles: [], grants: [], missing: [], suggestions: [] });
    expect(explanation.summary).toContain(explanation.decision.error!);
  });

  it("never throws, whatever the value, and always gives authorize's decision", () => {
    const values: unknown[] = [undefined, null, 0, "x", [], {}, { user: {} }, { user: { name: "rita" } }, { user: { name: "rita" }, action: "" }, Object.create(null)];
    for (const value of values) expect(policy.explain(value).decision).toEqual(policy.authorize(value));
  });

  it("is `searchguard`, with the decision and roles only, for a Search Guard table", () => {
    const sg = explainer({
      "sg_roles.yml": `_sg_meta:\n  type: "roles"\n  config_version: 2\nreader:\n  cluster_permissions: ["cluster:monitor/health"]\n`,
      "sg_roles_mapping.yml": `_sg_meta:\n  type: "rolesmapping"\n  config_version: 2\nreader:\n  users: ["rita"]\n`,
    });
    const explanation = sg.explain({ user: { name: "rita" }, action: "cluster:monitor/health" });
    expect(explanation).toMatchObject({ decision: { decision: "allow" }, rule: "searchguard", roles: [{ role: "reader", via: [] }], grants: [] });
  });
});
