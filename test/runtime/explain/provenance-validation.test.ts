/**
 * A table's provenance runs parallel to the table; loading a table whose
 * provenance is damaged, or belongs to another table, fails with a
 * TableFormatError that names the path of what is wrong.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { loadTable, TableFormatError } from "../../../src/runtime/index.js";
import type { DecisionTable } from "../../../src/table/types.js";
import { withMeta } from "../../helpers/policy.js";

const FILES = {
  "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: ["logs-*", "metrics-*"]\n      allowed_actions: ["read"]\n    - index_patterns: ["audit"]\n      allowed_actions: ["read"]\n`,
  "roles_mapping.yml": `reader:\n  users: ["alice", "bob"]\n`,
};

/** The table as JSON data, to damage. */
function tableData(): Record<string, unknown> & { provenance: Record<string, unknown> } {
  const table = compile({ files: withMeta(FILES) }, { provenance: true, module: false }).table!;
  return JSON.parse(JSON.stringify(table)) as Record<string, unknown> & { provenance: Record<string, unknown> };
}

function readerIndex(table: DecisionTable | Record<string, unknown>): number {
  return (table as DecisionTable).roles.findIndex((role) => role.name === "reader");
}

function loadError(table: unknown): string {
  try {
    loadTable(table);
  } catch (error) {
    expect(error).toBeInstanceOf(TableFormatError);
    return (error as Error).message;
  }
  throw new Error("the table loaded");
}

describe("a table's provenance", () => {
  it("loads when it is the table's own", () => {
    expect(loadTable(tableData()).table.provenance).toBeDefined();
  });

  it("is refused when a role's index entries do not run parallel to the table role's", () => {
    const table = tableData();
    const r = readerIndex(table);
    const role = (table.provenance["roles"] as { index: unknown[] }[])[r]!;
    role.index.pop();
    expect(loadError(table)).toBe(`provenance.roles[${r}].index has 1 entry, the role has 2`);
  });

  it("is refused when it lists another number of roles than the table", () => {
    const table = tableData();
    const roles = table.provenance["roles"] as unknown[];
    roles.push(roles[0]);
    expect(loadError(table)).toBe(`provenance.roles has ${roles.length} roles, the table has ${roles.length - 1}`);
  });

  it("is refused when an entry's pattern locations do not run parallel to its patterns", () => {
    const table = tableData();
    const r = readerIndex(table);
    const entry = (table.provenance["roles"] as { index: { patterns: unknown[] }[] }[])[r]!.index[0]!;
    entry.patterns.push(null);
    expect(loadError(table)).toBe(`provenance.roles[${r}].index[0].patterns has 3 locations, the entry has 2 patterns`);
  });

  it("is refused when a mapping's locations do not run parallel to its patterns", () => {
    const table = tableData();
    const m = (table["mappings"] as { role: string }[]).findIndex((mapping) => mapping.role === "reader");
    (table.provenance["mappings"] as { users: unknown[] }[])[m]!.users = [];
    expect(loadError(table)).toBe(`provenance.mappings[${m}].users has 0 locations, the mapping has 2 patterns there`);
  });

  it("is refused when a location has no line", () => {
    const table = tableData();
    const r = readerIndex(table);
    (table.provenance["roles"] as { at: Record<string, unknown> }[])[r]!.at = { file: "roles.yml", column: 1 };
    expect(loadError(table)).toBe(`provenance.roles[${r}].at.line must be a whole number ≥ 1`);
  });

  it("is refused when a written name is not a string", () => {
    const table = tableData();
    (table.provenance["actionGroups"] as { allowedActions: unknown[] }[])[0]!.allowedActions = [{ value: 3 }];
    expect(loadError(table)).toBe("provenance.actionGroups[0].allowedActions[0].value must be a string");
  });

  it("is refused when it is not an object", () => {
    expect(loadError({ ...tableData(), provenance: [] })).toBe("provenance must be an object");
  });
});
