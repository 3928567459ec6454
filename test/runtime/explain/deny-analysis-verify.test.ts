/**
 * How suggestions are verified: a copy of the table cut down to the
 * requesting user's roles decides that user's requests exactly as the
 * whole table does, and a changed copy grants what the change adds.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { authorize } from "../../../src/runtime/evaluate.js";
import { verifyApplyChange, verifyProjectTable } from "../../../src/runtime/explain/verify-table-draft.js";
import { TablePolicy } from "../../../src/runtime/table-policy.js";
import type { DecisionTable } from "../../../src/table/types.js";
import { EXAMPLES_DIR, exampleFiles, exampleLines, requestOf, tableOf } from "../../explain/deny-policies.js";

const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => statSync(join(EXAMPLES_DIR, name)).isDirectory() && existsSync(join(EXAMPLES_DIR, name, "requests.jsonl")))
  .filter((name) => !readdirSync(join(EXAMPLES_DIR, name)).some((file) => file.startsWith("sg_")))
  .sort();

const decide = (table: DecisionTable, request: unknown) => authorize(new TablePolicy(table, { cacheSize: 0 }), request);

describe("a table cut down to the user's roles", () => {
  it.each(examples)("decides every request of example %s as the whole table does", (name) => {
    const table = tableOf(exampleFiles(name));
    const policy = new TablePolicy(table);
    for (const { request } of exampleLines(name)) {
      const user = policy.users.resolve(request["user"]);
      if (typeof user === "string") continue;
      expect(decide(verifyProjectTable(table, new Set(user.roleSet.names)), request)).toEqual(authorize(policy, request));
    }
  });

  it("keeps only the action and index patterns those roles use", () => {
    const table = tableOf(exampleFiles("bulk-permissions"));
    const projected = verifyProjectTable(table, new Set(["bulk_client"]));
    expect(projected.roles.map((role) => role.name)).toEqual(["bulk_client"]);
    expect(projected.actionPatterns).toEqual(["indices:data/write/bulk"]);
    expect(projected.indexPatterns).toEqual([]);
  });
});

describe("a changed copy of the table", () => {
  const table = tableOf({ "roles.yml": `plain:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n`, "roles_mapping.yml": `plain:\n  users: ["pia"]\n` });
  const projected = verifyProjectTable(table, new Set(["plain"]));

  it("grants an action added to an index permission", () => {
    const changed = verifyApplyChange(projected, { kind: "entry-actions", role: "plain", entry: 0, patterns: ["indices:data/write/index"] }, table);
    expect(decide(changed, requestOf("pia", "indices:data/write/index", ["logs-1"])).decision).toBe("allow");
  });

  it("marks an index permission given `system:admin/system_index` as granting it explicitly", () => {
    const changed = verifyApplyChange(projected, { kind: "entry-actions", role: "plain", entry: 0, patterns: ["system:admin/system_index"] }, table);
    expect(changed.roles[0]!.index[0]!.systemIndexAccess).toBe(true);
  });

  it("records a REST API permission added to cluster permissions", () => {
    const changed = verifyApplyChange(projected, { kind: "cluster-actions", role: "plain", patterns: ["restapi:admin/roles"] }, table);
    expect(changed.roles[0]!.restApi).toEqual(["restapi:admin/roles"]);
  });

  it("maps the user to a role of the whole table, bringing the role along", () => {
    const changed = verifyApplyChange(projected, { kind: "map-user", role: "readall", user: "pia" }, table);
    expect(decide(changed, requestOf("pia", "indices:data/read/search", ["other"])).decision).toBe("allow");
  });

  it("grants an index pattern added to an index permission", () => {
    const changed = verifyApplyChange(projected, { kind: "entry-pattern", role: "plain", entry: 0, pattern: "metrics" }, table);
    expect(decide(changed, requestOf("pia", "indices:data/read/search", ["metrics"])).decision).toBe("allow");
  });
});
