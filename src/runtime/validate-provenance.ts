/**
 * A structural check of a decision table's `provenance` (src/table/provenance.ts):
 * its lists run parallel to the table's, so a provenance of another table, or
 * a damaged one, would make `explain` name the wrong lines. The table check
 * (validate-table.ts) fails the load with the problem, which names the path
 * of what is wrong.
 */
import type { DecisionTable } from "../table/types.js";

/** What is wrong with a provenance; thrown inside this module only. */
class ProvenanceProblem extends Error {
  override readonly name = "ProvenanceProblem";
}

/** The first problem of `table.provenance` (`value`) against the table it is part of, or undefined. */
export function provenanceProblem(value: unknown, table: DecisionTable): string | undefined {
  try {
    checkProvenance(value, table);
    return undefined;
  } catch (error) {
    if (error instanceof ProvenanceProblem) return error.message;
    throw error;
  }
}

function checkProvenance(value: unknown, table: DecisionTable): void {
  const provenance = provenanceRecord(value, "provenance");
  provenanceStrings(provenance["sources"], "provenance.sources");
  provenanceList(provenance["actionGroups"], "provenance.actionGroups").forEach((group, i) => {
    const where = `provenance.actionGroups[${i}]`;
    const g = provenanceRecord(group, where);
    if (typeof g["name"] !== "string") throw new ProvenanceProblem(`${where}.name must be a string`);
    optionalLocation(g["at"], `${where}.at`);
    if (typeof g["builtin"] !== "boolean") throw new ProvenanceProblem(`${where}.builtin must be a boolean`);
    writtenNames(g["allowedActions"], `${where}.allowedActions`);
  });
  const roles = parallelList(provenance["roles"], "provenance.roles", table.roles.length, "roles", `the table has ${table.roles.length}`);
  roles.forEach((role, r) => checkProvenanceRole(role, `provenance.roles[${r}]`, table.roles[r]!));
  const mappings = parallelList(provenance["mappings"], "provenance.mappings", table.mappings.length, "mappings", `the table has ${table.mappings.length}`);
  mappings.forEach((mapping, m) => {
    const where = `provenance.mappings[${m}]`;
    const p = provenanceRecord(mapping, where);
    optionalLocation(p["at"], `${where}.at`);
    const tableMapping = table.mappings[m]!;
    for (const key of ["users", "backendRoles", "andBackendRoles", "hosts"] as const) {
      const length = tableMapping[key].length;
      locations(p[key], `${where}.${key}`, length, `the mapping has ${count(length, "patterns")} there`);
    }
  });
  provenanceList(provenance["internalUsers"], "provenance.internalUsers").forEach((user, i) => {
    const where = `provenance.internalUsers[${i}]`;
    const u = provenanceRecord(user, where);
    if (typeof u["name"] !== "string") throw new ProvenanceProblem(`${where}.name must be a string`);
    optionalLocation(u["at"], `${where}.at`);
    writtenNames(u["backendRoles"], `${where}.backendRoles`);
    writtenNames(u["securityRoles"], `${where}.securityRoles`);
  });
  writtenNames(provenance["tenants"], "provenance.tenants");
}

function checkProvenanceRole(value: unknown, where: string, role: DecisionTable["roles"][number]): void {
  const p = provenanceRecord(value, where);
  optionalLocation(p["at"], `${where}.at`);
  if (typeof p["builtin"] !== "boolean") throw new ProvenanceProblem(`${where}.builtin must be a boolean`);
  writtenNames(p["clusterPermissions"], `${where}.clusterPermissions`);
  const index = parallelList(p["index"], `${where}.index`, role.index.length, "entries", `the role has ${role.index.length}`);
  index.forEach((entry, i) => checkPermissionEntry(entry, `${where}.index[${i}]`, role.index[i]!.patterns.length));
  const tenants = parallelList(p["tenants"], `${where}.tenants`, role.tenants.length, "entries", `the role has ${role.tenants.length}`);
  tenants.forEach((entry, i) => checkPermissionEntry(entry, `${where}.tenants[${i}]`, role.tenants[i]!.patterns.length));
}

function checkPermissionEntry(value: unknown, where: string, patternCount: number): void {
  const entry = provenanceRecord(value, where);
  optionalLocation(entry["at"], `${where}.at`);
  locations(entry["patterns"], `${where}.patterns`, patternCount, `the entry has ${count(patternCount, "patterns")}`);
  writtenNames(entry["allowedActions"], `${where}.allowedActions`);
}

/** A list as long as the table's list it runs parallel to; `owner` says what the table has instead. */
function parallelList(value: unknown, where: string, length: number, noun: string, owner: string): unknown[] {
  const items = provenanceList(value, where);
  if (items.length !== length) throw new ProvenanceProblem(`${where} has ${count(items.length, noun)}, ${owner}`);
  return items;
}

/** Locations (or null) parallel to a pattern list. */
function locations(value: unknown, where: string, length: number, owner: string): void {
  parallelList(value, where, length, "locations", owner).forEach((item, i) => {
    if (item !== null) location(item, `${where}[${i}]`);
  });
}

function writtenNames(value: unknown, where: string): void {
  provenanceList(value, where).forEach((item, i) => {
    const name = provenanceRecord(item, `${where}[${i}]`);
    if (typeof name["value"] !== "string") throw new ProvenanceProblem(`${where}[${i}].value must be a string`);
    optionalLocation(name["at"], `${where}[${i}].at`);
  });
}

function optionalLocation(value: unknown, where: string): void {
  if (value !== undefined) location(value, where);
}

function location(value: unknown, where: string): void {
  const at = provenanceRecord(value, where);
  if (typeof at["file"] !== "string") throw new ProvenanceProblem(`${where}.file must be a string`);
  for (const key of ["line", "column"]) {
    const n = at[key];
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1) throw new ProvenanceProblem(`${where}.${key} must be a whole number ≥ 1`);
  }
}

function provenanceRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ProvenanceProblem(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function provenanceList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ProvenanceProblem(`${where} must be a list`);
  return value;
}

function provenanceStrings(value: unknown, where: string): void {
  if (!provenanceList(value, where).every((item) => typeof item === "string")) throw new ProvenanceProblem(`${where} must be a list of strings`);
}

/** `1 entry`, `2 entries`, `1 pattern`. */
function count(n: number, plural: string): string {
  if (n !== 1) return `${n} ${plural}`;
  return `1 ${plural.endsWith("ies") ? `${plural.slice(0, -3)}y` : plural.slice(0, -1)}`;
}
