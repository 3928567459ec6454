/**
 * The migration keeps decisions: for every request of a generated stream
 * (users × actions × indices), the migrated OpenSearch policy decides as the
 * Search Guard one did, except for the requests the migration report names
 * (a warning naming one of the user's roles and a pattern matching the
 * action). Tenant requests are left out: the plugins ask for tenant access
 * with different requests (Search Guard: the actions
 * `kibana:saved_objects/_/read|write`; OpenSearch: requests on `.kibana`).
 * So are Search Guard's own endpoints (open actions such as `whoami`) and
 * indices: they do not exist once the cluster runs OpenSearch Security; and
 * requests on all indices (none named) for the actions OpenSearch protects
 * on its own security index, which it refuses to every role.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink, type Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { migrateToOpenSearch } from "../../../src/emit/opensearch-migration/index.js";
import { OPENSEARCH_ATTRIBUTE_PREFIX } from "../../../src/emit/opensearch-migration/templates.js";
import { compile, readPolicyModel } from "../../../src/index.js";
import { readBuiltinPolicy } from "../../../src/parse/yaml/builtin-policy.js";
import { matcherOf, parsePattern } from "../../../src/patterns/pattern.js";
import { isSystemIndexProtectedAction } from "../../../src/rules/actions.js";
import { loadTable, type Policy } from "../../../src/runtime/index.js";
import type { JsonValue } from "../../../src/table/request.js";
import { ROOT } from "../../helpers/cli.js";
import { openSearchPolicyOf } from "./sg-model.js";

type Files = { path: string; text: string }[];

interface StreamUser {
  readonly name: string;
  readonly backend_roles?: string[];
  readonly roles?: string[];
  readonly attributes?: Record<string, JsonValue>;
}

interface StreamRequest {
  readonly user: StreamUser;
  readonly action: string;
  readonly indices?: string[];
}

function searchGuardPolicy(files: Files): Policy {
  const result = compile({ files });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loadTable(result.table);
}

function migrated(files: Files): { policy: Policy; report: readonly Diagnostic[] } {
  const { model } = readPolicyModel({ files });
  expect(model.flavor).toBe("searchguard");
  const sink = new DiagnosticSink();
  const opensearch = migrateToOpenSearch(model, { searchguard: readBuiltinPolicy("searchguard"), opensearch: readBuiltinPolicy("opensearch") }, sink);
  return { policy: openSearchPolicyOf(opensearch), report: sink.diagnostics };
}

/** OpenSearch reads an internal user's attribute `x` as `attr.internal.x`, the name the migration writes. */
function openSearchRequest(request: StreamRequest): unknown {
  const attributes = Object.fromEntries(Object.entries(request.user.attributes ?? {}).map(([key, value]) => [OPENSEARCH_ATTRIBUTE_PREFIX + key, String(value)]));
  return { ...request, user: { ...request.user, attributes } };
}

function stream(users: readonly StreamUser[], actions: readonly string[], indexLists: readonly (string[] | undefined)[]): StreamRequest[] {
  const requests = users.flatMap((user) => actions.flatMap((action) => indexLists.map((indices) => ({ user, action, ...(indices ? { indices } : {}) }))));
  return requests.filter((request) => request.indices !== undefined || !isSystemIndexProtectedAction(request.action));
}

/** A warning names the request when it names one of the user's roles and a pattern that matches the action. */
function namedByReport(report: readonly Diagnostic[], roles: readonly string[], action: string): boolean {
  return report.some((diagnostic) => {
    const names = [...diagnostic.message.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    return names.some((name) => roles.includes(name)) && names.some((name) => matcherOf(parsePattern(name))(action));
  });
}

/** The requests whose decision changed without the report naming them, as readable lines. */
function unreportedChanges(files: Files, requests: readonly StreamRequest[]): string[] {
  const before = searchGuardPolicy(files);
  const { policy: after, report } = migrated(files);
  return requests.flatMap((request) => {
    const old = before.authorize(request);
    const now = after.authorize(openSearchRequest(request));
    if (old.decision === now.decision || namedByReport(report, old.roles, request.action)) return [];
    return [`${request.user.name} ${request.action} ${JSON.stringify(request.indices ?? [])}: ${old.decision} → ${now.decision}`];
  });
}

const directoryFiles = (dir: string): Files =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".yml"))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), "utf8") }));

const ACTIONS = [
  "cluster:monitor/health",
  "cluster:monitor/state",
  "cluster:admin/settings/update",
  "cluster:admin/snapshot/create",
  "cluster:admin/snapshot/delete",
  "cluster:admin/snapshot/get",
  "cluster:admin/ingest/pipeline/put",
  "indices:data/read/search",
  "indices:data/read/get",
  "indices:data/read/mget",
  "indices:data/read/msearch",
  "indices:data/read/scroll",
  "indices:data/read/sql",
  "indices:data/read/open_point_in_time",
  "indices:data/write/index",
  "indices:data/write/delete",
  "indices:data/write/bulk",
  "indices:admin/create",
  "indices:admin/analyze",
  "indices:admin/mappings/get",
  "indices:admin/index_template/put",
  "indices:monitor/stats",
  "indices:monitor/recovery",
];

describe("migrating the Search Guard demo configuration", () => {
  const files = directoryFiles(join(ROOT, "examples", "searchguard-demo-config"));
  const users: StreamUser[] = [
    { name: "admin", backend_roles: ["admin"] },
    { name: "readall", backend_roles: ["readall"] },
    { name: "logstash", backend_roles: ["logstash"] },
    { name: "kibanaro", backend_roles: ["kibanauser", "readall"] },
    { name: "kibanaserver" },
    { name: "snapshotrestore", backend_roles: ["snapshotrestore"] },
    { name: "mallory" },
  ];
  const indexLists = [undefined, ["logs-1"], ["logstash-1"], [".kibana"], [".kibana_1"], [".tasks"], ["mallory"], ["readall", "logs-1"]];

  it("decides every request of the stream as Search Guard did, except those the report names", () => {
    expect(unreportedChanges(files, stream(users, ACTIONS, indexLists))).toEqual([]);
  });
});

describe("migrating a policy with cluster exclusions, index negation and attributes", () => {
  const files: Files = [
    {
      path: "sg_roles.yml",
      text: `
ops:
  cluster_permissions: ["SGS_CLUSTER_MONITOR", "cluster:admin/snapshot/*"]
  exclude_cluster_permissions: ["cluster:admin/snapshot/delete"]
  index_permissions:
    - index_patterns: ["logs-*", "-logs-secret*", "metrics-?"]
      allowed_actions: ["SGS_READ"]
    - index_patterns: ["home-\${user_name}*", "-home-shared*"]
      allowed_actions: ["SGS_CRUD"]
auditor:
  cluster_permissions: ["cluster:admin/snapshot/get", "cluster:admin/snapshot/delete"]
  index_permissions:
    - index_patterns: ["logs-secret*"]
      allowed_actions: ["indices:data/read/search"]
dept:
  index_permissions:
    - index_patterns: ["dept-\${user.attrs.dept}"]
      allowed_actions: ["SGS_READ"]
`,
    },
    {
      path: "sg_roles_mapping.yml",
      text: `
ops:
  backend_roles: ["ops"]
auditor:
  users: ["audrey"]
dept:
  users: ["*"]
`,
    },
  ];
  const users: StreamUser[] = [
    { name: "ann", backend_roles: ["ops"], attributes: { dept: "sales" } },
    { name: "audrey", attributes: { dept: "hr" } },
    { name: "audrey", backend_roles: ["ops"] },
    { name: "shared", backend_roles: ["ops"] },
    { name: "nobody" },
  ];
  const indexLists = [undefined, ["logs-app"], ["logs-secret-1"], ["metrics-1"], ["metrics-10"], ["home-ann-x"], ["home-shared-1"], ["dept-sales"], ["dept-hr"], ["logs-app", "logs-secret-1"]];

  it("decides every request of the stream as Search Guard did, except those the report names", () => {
    expect(unreportedChanges(files, stream(users, ACTIONS, indexLists))).toEqual([]);
  });

  it("names the requests whose decision changes: an excluded action another role grants", () => {
    const { policy } = migrated(files);
    const request = { user: { name: "audrey", backend_roles: ["ops"] }, action: "cluster:admin/snapshot/delete" };
    expect(searchGuardPolicy(files).authorize(request).decision).toBe("deny");
    expect(policy.authorize(request).decision).toBe("allow");
  });
});
