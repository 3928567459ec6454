import { describe, expect, it } from "vitest";
import { loadTable } from "../../../src/runtime/index.js";
import { compileScript, listed, ROLES_YML } from "./helpers.js";

const base = { "roles.yml": ROLES_YML };

function refusals(text: string, path = "s.console"): string[] {
  return listed(compileScript(path, text, base)).filter((line) => / PC21\d\d /.test(line));
}

describe("requests the API refuses", () => {
  it("changing a reserved entry", () => {
    expect(refusals(`PUT _plugins/_security/api/roles/locked\n{"cluster_permissions": []}`)).toEqual([
      "s.console:1:34 PC2105 the API refuses this request (403 Forbidden): Resource 'locked' is reserved.",
    ]);
  });

  it("changing a static (built-in) entry", () => {
    expect(refusals(`DELETE _plugins/_security/api/roles/all_access`)).toEqual(["s.console:1:37 PC2105 the API refuses this request (403 Forbidden): Resource 'all_access' is static."]);
  });

  it("changing a hidden entry, which it says is not available", () => {
    expect(refusals(`PUT _plugins/_security/api/roles/secret_role\n{"cluster_permissions": []}`)).toEqual([
      "s.console:1:34 PC2105 the API refuses this request (404 Not Found): Resource 'secret_role' is not available.",
    ]);
  });

  it("but lets a super admin (curl with the admin certificate) change a reserved entry", () => {
    const result = compileScript("s.sh", `curl --cert kirk.pem --key kirk-key.pem -XPUT https://h/_plugins/_security/api/roles/locked -d '{"cluster_permissions": []}'`, base);
    expect(listed(result).filter((line) => line.includes("PC21"))).toEqual([]);
  });

  it("a key it does not know, with the keys it takes", () => {
    const result = compileScript("s.console", `PUT _plugins/_security/api/roles/r2\n{"cluster_permission": []}`, base);
    const refusal = result.diagnostics.find((d) => d.code === "PC2104")!;
    expect(refusal.message).toBe("the API refuses this request (400 Bad Request): Invalid configuration (invalid_keys: cluster_permission)");
    expect(refusal.suggestion).toBe("cluster_permissions");
    expect(refusal.span!.file.lineColumn(refusal.span!.start)).toEqual({ line: 2, column: 2 });
  });

  it("the read-only `reserved` flag from anyone but a super admin", () => {
    expect(refusals(`PUT _plugins/_security/api/tenants/t\n{"reserved": true, "description": "x"}`)).toEqual([
      "s.console:2:2 PC2104 the API refuses this request (400 Bad Request): Invalid configuration (invalid_keys: reserved)",
    ]);
  });

  it("a value of the wrong type", () => {
    expect(refusals(`PUT _plugins/_security/api/rolesmapping/app_reader\n{"users": "judy"}`)).toEqual([
      "s.console:2:11 PC2104 the API refuses this request (400 Bad Request): Wrong datatype (users: Array expected)",
    ]);
  });

  it("an empty body", () => {
    expect(refusals(`PUT _plugins/_security/api/tenants/t\n{}`)).toEqual(["s.console:2:1 PC2104 the API refuses this request (400 Bad Request): Request body required for this action."]);
  });

  it("a mapping of a role that does not exist, with a did-you-mean", () => {
    const result = compileScript("s.console", `PUT _plugins/_security/api/rolesmapping/app_reder\n{"users": ["judy"]}`, base);
    const refusal = result.diagnostics.find((d) => d.code === "PC2106")!;
    expect(refusal.message).toBe("the API refuses this request (404 Not Found): role 'app_reder' not found.");
    expect(refusal.help).toBe("did you mean `app_reader`?");
  });

  it("an action group that includes itself or is named like a role", () => {
    expect(refusals(`PUT _plugins/_security/api/actiongroups/g\n{"allowed_actions": ["g"]}\n\nPUT _plugins/_security/api/actiongroups/app_reader\n{"allowed_actions": ["read"]}`)).toEqual([
      "s.console:2:22 PC2106 the API refuses this request (400 Bad Request): g cannot be an allowed_action of itself",
      "s.console:4:41 PC2106 the API refuses this request (400 Bad Request): app_reader is an existing role. A action group cannot be named with an existing role name.",
    ]);
  });

  it("a new internal user without a password or hash", () => {
    expect(refusals(`PUT _plugins/_security/api/internalusers/u\n{"backend_roles": ["x"]}`)).toEqual([
      "s.console:2:1 PC2106 the API refuses this request (400 Bad Request): Please specify either 'hash' or 'password' when creating a new internal user.",
    ]);
  });

  it("a JSON Patch operation it does not support", () => {
    expect(refusals(`PATCH _plugins/_security/api/roles\n[{"op": "move", "from": "/a", "path": "/b"}]`)).toEqual([
      "s.console:2:9 PC2107 the API refuses this request (400 Bad Request): Unsupported patch operation: move. Supported are: add,replace,remove",
    ]);
  });
});

describe("applying requests in order", () => {
  it("creates, patches and deletes entries as the API does", () => {
    const text = [
      `PUT _plugins/_security/api/internalusers/judy\n{"password": "a-long-enough-secret", "backend_roles": ["IT"]}`,
      `PUT _plugins/_security/api/roles/logs\n{"index_permissions": [{"index_patterns": ["logs-*"], "allowed_actions": ["read"]}]}`,
      `PUT _plugins/_security/api/rolesmapping/logs\n{"backend_roles": ["IT"]}`,
      `PATCH _plugins/_security/api/roles/logs\n[{"op": "add", "path": "/index_permissions/0/index_patterns/-", "value": "audit-*"}]`,
      `PATCH _plugins/_security/api/rolesmapping\n[{"op": "add", "path": "/app_reader", "value": {"users": ["judy"]}}]`,
      `DELETE _plugins/_security/api/roles/app_reader`,
    ].join("\n\n");
    const result = compileScript("s.console", text, base);
    expect(listed(result).filter((line) => line.includes("error"))).toEqual([]);
    const policy = loadTable(result.table);
    const judy = { name: "judy", backend_roles: ["IT"] };
    expect(policy.authorize({ user: judy, action: "indices:data/read/search", indices: ["audit-1"] }).decision).toBe("allow");
    expect(policy.authorize({ user: judy, action: "cluster:monitor/health" }).decision).toBe("deny");
  });

  it("leaves the state as it was after a refused request", () => {
    const text = `PUT _plugins/_security/api/roles/r\n{"cluster_permissions": ["cluster:monitor/health"]}\n\nPATCH _plugins/_security/api/roles/r\n[{"op": "replace", "path": "/nope", "value": 1}]\n\nPUT _plugins/_security/api/rolesmapping/r\n{"users": ["u"]}`;
    const result = compileScript("s.console", text);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["PC2107"]);
  });

  it("skips requests to other endpoints with a note", () => {
    expect(refusals(`POST _plugins/_security/api/account\n{"password": "x"}\n\nPUT my-index\n{}`)).toEqual([
      "s.console:1:1 PC2103 `POST _plugins/_security/api/account` does not change the policy; policyc skips it",
      "s.console:4:1 PC2103 `PUT my-index` does not change the policy; policyc skips it",
    ]);
  });

  it("applies the cluster settings that decide requests", () => {
    const text = `PUT _cluster/settings\n{"persistent": {"plugins": {"anomaly_detection": {"filter_by_backend_roles": true}}}, "transient": {"cluster.routing.allocation.enable": "all"}}`;
    const result = compileScript("s.console", text);
    expect(result.table!.settings.anomalyDetectionFilterByBackendRoles).toBe(true);
    expect(listed(result)).toEqual(["s.console:2:101 PC2116 setting `cluster.routing.allocation.enable` does not change decisions; policyc skips it"]);
  });

  it("warns at a password the API's default rules refuse, and still applies the request", () => {
    const result = compileScript("s.console", `PUT _opendistro/_security/api/internalusers/judy\n{"password": "judy"}`);
    expect(listed(result).map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual(["s.console:2:14 PC2108"]);
    expect(result.table).toBeDefined();
  });

  it("reports a body that is not JSON at its exact place", () => {
    expect(refusals(`PUT _plugins/_security/api/roles/r\n{\n  "cluster_permissions": ['x']\n}`)).toEqual([
      "s.console:3:27 PC2102 not valid JSON: unexpected `'x'` (JSON strings take double quotes)",
    ]);
  });
});
