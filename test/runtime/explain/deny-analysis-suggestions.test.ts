/**
 * The changes `explain` suggests for a deny: verified by deciding again,
 * ranked by how little else they grant, whole-request ones first, bounded,
 * and absent where no change to the policy helps.
 */
import { describe, expect, it } from "vitest";
import { analyze, describeSuggestion, examplePolicy, onAllIndices, onCluster, onIndex, onTenant, policyOf, requestOf } from "../../explain/deny-policies.js";

const SEARCH = "indices:data/read/search";
const WRITE = "indices:data/write/index";
const STATS = "indices:monitor/stats";

describe("suggestions are verified", () => {
  it("leave out a change that would not allow the request: DLS refuses an update whatever role grants it", () => {
    const policy = examplePolicy("dls-fls-masking");
    const request = { user: { name: "erin", attributes: { "attr.internal.department": "engineering" } }, action: "indices:data/write/update", indices: ["hr"] };
    const result = analyze(policy, request, [onIndex("hr", "indices:data/write/update")]);
    expect(result.missing[0]!.nearMisses).toContainEqual(expect.objectContaining({ kind: "unheld-role", role: "hr_admin" }));
    expect(result.suggestions).toEqual([]);
  });

  it("offer nothing for another user's asynchronous search, which no role opens", () => {
    const policy = examplePolicy("async-search");
    const action = "cluster:admin/opendistro/asynchronous_search/get";
    const request = { user: { name: "elon", backend_roles: ["admin"] }, action, resource: { type: "async_search", id: "judy-search-1", owner: { name: "judy", backend_roles: ["IT"] } } };
    expect(analyze(policy, request, [onCluster(action)]).suggestions).toEqual([]);
  });
});

describe("system index protection", () => {
  const roles = `
alerts_reader:
  index_permissions:
    - index_patterns: [".alerts"]
      allowed_actions: ["read"]
`;
  const policyWith = (permissionEnabled: boolean) =>
    policyOf({
      "roles.yml": roles,
      "roles_mapping.yml": `alerts_reader:\n  users: ["sam"]\n`,
      "opensearch.yml": `plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [".alerts"]\nplugins.security.system_indices.permission.enabled: ${permissionEnabled}\n`,
    });

  it("suggests `system:admin/system_index` on the index permission that covers the index while system index permissions are on", () => {
    const result = analyze(policyWith(true), requestOf("sam", SEARCH, [".alerts"]), [onIndex(".alerts", "system:admin/system_index")]);
    expect(result.suggestions.map(describeSuggestion)).toContain("add-action alerts_reader#0 system:admin/system_index");
  });

  it("suggests nothing for a protected action on a system index while system index permissions are off", () => {
    const result = analyze(policyWith(false), requestOf("sam", WRITE, [".alerts"]), [onIndex(".alerts", "system:admin/system_index")]);
    expect(result.suggestions).toEqual([]);
  });

  it("suggests nothing for the security index, which no role may touch", () => {
    const result = analyze(policyWith(true), requestOf("sam", SEARCH, [".opendistro_security"]), [onIndex(".opendistro_security", "system:admin/system_index")]);
    expect(result.suggestions).toEqual([]);
  });
});

describe("security REST API requests", () => {
  const restPolicy = (adminEnabled: boolean) =>
    policyOf({
      "roles.yml": `helpdesk:\n  cluster_permissions: ["cluster_monitor"]\nrest_admin:\n  cluster_permissions: ["cluster_monitor"]\n`,
      "roles_mapping.yml": `helpdesk:\n  users: ["hal"]\nrest_admin:\n  users: ["root"]\n`,
      "opensearch.yml": `plugins.security.restapi.roles_enabled: ["rest_admin"]\nplugins.security.restapi.admin.enabled: ${adminEnabled}\n`,
    });

  it("suggest the endpoint's permission while admin access by permission is enabled", () => {
    const result = analyze(restPolicy(true), requestOf("hal", "restapi:admin/roles"), [onCluster("restapi:admin/roles")]);
    expect(result.suggestions.map(describeSuggestion)).toContain("add-action helpdesk restapi:admin/roles");
  });

  it("suggest only a `roles_enabled` role while the permission would not count", () => {
    const result = analyze(restPolicy(false), requestOf("hal", "restapi:admin/roles"), []);
    expect(result.suggestions.map(describeSuggestion)).toEqual(["map-user rest_admin hal"]);
    expect(result.suggestions[0]?.detail).toContain("which `plugins.security.restapi.roles_enabled` lists");
  });
});

describe("requests naming several indices", () => {
  const roles = `
split:
  index_permissions:
    - index_patterns: ["a-*"]
      allowed_actions: ["read"]
    - index_patterns: ["b-*"]
      allowed_actions: ["read"]
`;
  const policy = policyOf({ "roles.yml": roles, "roles_mapping.yml": `split:\n  users: ["pat"]\n` });
  const result = () => analyze(policy, requestOf("pat", WRITE, ["a-1", "b-1"]), [onIndex("a-1", WRITE), onIndex("b-1", WRITE)]);

  it("rank a change that allows the whole request first: a new index permission on both", () => {
    expect(result().suggestions[0]).toMatchObject({ kind: "add-action", role: "split", entry: 2, action: WRITE });
    expect(result().suggestions[0]?.detail).toBe("add `indices:data/write/index` to a new index permission on `a-1` and `b-1` of role `split`");
  });

  it("say which index a change fixes when it fixes only part of the request", () => {
    const partial = result().suggestions.find((suggestion) => suggestion.kind === "add-action" && suggestion.entry === 0 && suggestion.action === WRITE);
    expect(partial?.detail).toBe("add `indices:data/write/index` to the index permission on `a-*` of role `split`; this fixes `a-1` only");
  });

  it("rank every whole-request change before the partial ones", () => {
    const partial = result().suggestions.map((suggestion) => suggestion.detail.includes("only"));
    expect(partial).toEqual([...partial].sort((a, b) => Number(a) - Number(b)));
  });
});

describe("which changes are suggested", () => {
  it("never changes a built-in role, which a policy cannot change", () => {
    const policy = policyOf({ "roles.yml": "", "roles_mapping.yml": `readall:\n  users: ["rita"]\n` });
    const result = analyze(policy, requestOf("rita", WRITE, ["logs-1"]), [onIndex("logs-1", WRITE)]);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.map((suggestion) => suggestion.kind)).toEqual(result.suggestions.map(() => "map-user"));
  });

  it("without provenance, suggests single actions but no action groups", () => {
    const roles = `monitor_only:\n  cluster_permissions: ["cluster_monitor"]\n`;
    const policy = policyOf({ "roles.yml": roles, "roles_mapping.yml": `monitor_only:\n  users: ["tess"]\n` }, false);
    const actions = analyze(policy, requestOf("tess", STATS, ["logs-1"]), [onIndex("logs-1", STATS)]).suggestions.flatMap((s) => (s.kind === "add-action" ? [s.action] : []));
    expect(actions).toEqual([STATS]);
  });

  it("for a request naming no index, suggests a new index permission on `*`", () => {
    const policy = policyOf({ "roles.yml": `logs:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n`, "roles_mapping.yml": `logs:\n  users: ["lou"]\n` });
    const result = analyze(policy, requestOf("lou", SEARCH), [onAllIndices(SEARCH)]);
    expect(result.suggestions[0]).toMatchObject({ kind: "add-action", role: "logs", entry: 1, action: SEARCH });
    expect(result.suggestions.map(describeSuggestion)).toContain("add-index-pattern logs#0 *");
  });

  it("for a tenant, suggests mapping the user to a role that opens it read-write", () => {
    const policy = examplePolicy("multi-tenant-dashboards");
    const request = { user: { name: "alice", backend_roles: ["dashboards", "analyst"] }, action: WRITE, indices: [".kibana"], tenant: "human_resources" };
    const result = analyze(policy, request, [onTenant("human_resources", "kibana:saved_objects/*/write")]);
    expect(result.suggestions[0]).toMatchObject({ kind: "map-user", role: "hr_dashboards", user: "alice" });
  });

  it("suggests no mapping while `roles_mapping_resolution` is `BACKENDROLES_ONLY`, which reads no mapping", () => {
    const policy = policyOf({
      "roles.yml": `writer:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["write"]\n`,
      "opensearch.yml": "plugins.security.roles_mapping_resolution: BACKENDROLES_ONLY\n",
    });
    const result = analyze(policy, requestOf("vic", WRITE, ["logs-1"]), [onIndex("logs-1", WRITE)]);
    expect(result.suggestions.filter((suggestion) => suggestion.kind === "map-user")).toEqual([]);
  });

  it("keeps at most five suggestions of each kind", () => {
    const roles = Array.from({ length: 8 }, (_, i) => `r${i}:\n  cluster_permissions: ["cluster:monitor/health"]\n`).join("");
    const mappings = Array.from({ length: 8 }, (_, i) => `r${i}:\n  users: ["many"]\n`).join("");
    const policy = policyOf({ "roles.yml": roles, "roles_mapping.yml": mappings });
    const result = analyze(policy, requestOf("many", "cluster:monitor/stats"), [onCluster("cluster:monitor/stats")]);
    expect(result.suggestions.filter((suggestion) => suggestion.kind === "add-action")).toHaveLength(5);
  });
});

describe("ranking by what else a change grants", () => {
  const roles = `
has_recovery:
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["indices:monitor/recovery"]
plain:
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["indices:data/read/get"]
`;
  const groups = `
stats_and_recovery:
  allowed_actions: ["indices:monitor/stats", "indices:monitor/recovery"]
`;
  const policy = policyOf({ "roles.yml": roles, "action_groups.yml": groups, "roles_mapping.yml": `has_recovery:\n  users: ["gil"]\nplain:\n  users: ["gil"]\n` });
  const groupSuggestions = () => analyze(policy, requestOf("gil", STATS, ["logs-1"]), [onIndex("logs-1", STATS)]).suggestions.filter((s) => s.kind === "add-action" && s.action !== STATS);

  it("chooses the smallest group with the action: `stats_and_recovery` rather than `indices_monitor`", () => {
    expect(groupSuggestions().map((suggestion) => (suggestion.kind === "add-action" ? suggestion.action : ""))).toEqual(["stats_and_recovery", "stats_and_recovery"]);
  });

  it("ranks a group suggestion that grants fewer other actions before one that grants more", () => {
    expect(groupSuggestions().map((suggestion) => [suggestion.role, suggestion.alsoGrants])).toEqual([
      ["has_recovery", 0],
      ["plain", 1],
    ]);
  });
});
