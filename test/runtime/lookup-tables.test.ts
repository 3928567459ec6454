import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LookupFormatError, buildLookupTables, loadTable, type DecisionTable, type LookupTables } from "../../src/runtime/index.js";
import { ROOT } from "../helpers/cli.js";
import { compileFiles } from "../helpers/policy.js";

const table = (): DecisionTable => JSON.parse(readFileSync(join(ROOT, "out/default-config/policy.json"), "utf8")) as DecisionTable;
const requests = () =>
  readFileSync(join(ROOT, "examples/default-config/requests.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);

/** Every leaf of the value, with its path, that is not a number, a string or a plain object/array. */
function nonJsonLeaves(value: unknown, path = "lookup"): string[] {
  if (typeof value === "number" || typeof value === "string") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJsonLeaves(v, `${path}[${i}]`));
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([k, v]) => nonJsonLeaves(v, `${path}.${k}`));
  }
  return [path];
}

/** A deep copy with one change made by `edit`. */
function damaged(lookup: LookupTables, edit: (copy: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(lookup)) as Record<string, any>;
  edit(copy);
  return copy;
}

describe("buildLookupTables", () => {
  it("gives plain data: objects of arrays of numbers and strings", () => {
    const lookup = buildLookupTables(table());
    expect(nonJsonLeaves(lookup)).toEqual([]);
    expect(JSON.parse(JSON.stringify(lookup))).toEqual(lookup);
  });

  it("gives the same data for the same table", () => {
    expect(JSON.stringify(buildLookupTables(table()))).toBe(JSON.stringify(buildLookupTables(table())));
  });

  it("records its format, version and the shape of its table", () => {
    const t = table();
    const lookup = buildLookupTables(t);
    expect(lookup).toMatchObject({ format: "policyc-lookup-tables", version: 1 });
    expect(lookup.tableShape).toEqual([t.actionPatterns.length, t.indexPatterns.length, t.roles.length, t.mappings.length]);
  });
});

describe("loadTable with lookup tables", () => {
  it("decides exactly as with the tables it builds itself", () => {
    const t = table();
    const given = loadTable(t, { lookup: JSON.parse(JSON.stringify(buildLookupTables(t))) as LookupTables });
    const built = loadTable(t);
    for (const request of requests()) expect(given.authorize(request)).toEqual(built.authorize(request));
  });

  it("refuses lookup tables of another format or version", () => {
    const lookup = buildLookupTables(table());
    expect(() => loadTable(table(), { lookup: damaged(lookup, (l) => (l.format = "x")) as LookupTables })).toThrow(/not policyc lookup tables/);
    expect(() => loadTable(table(), { lookup: damaged(lookup, (l) => (l.version = 99)) as LookupTables })).toThrow(/version 99 are not supported/);
  });

  it("refuses the lookup tables of another decision table", () => {
    const other = compileFiles({ "roles.yml": `r:\n  cluster_permissions: ["cluster:monitor/health"]\n` }).table!;
    expect(() => loadTable(table(), { lookup: buildLookupTables(other) })).toThrow(LookupFormatError);
    expect(() => loadTable(table(), { lookup: buildLookupTables(other) })).toThrow(/built for another decision table/);
  });

  it("refuses a damaged trie with the place of the damage", () => {
    const lookup = buildLookupTables(table());
    const badTarget = damaged(lookup, (l) => (l.actions.trie.edgeTargets[0] = 1e6));
    expect(() => loadTable(table(), { lookup: badTarget as LookupTables })).toThrow(/actions\.trie\.edgeTargets must be a list of whole numbers/);
    const emptyLabel = damaged(lookup, (l) => (l.indices.trie.edgeLabels[0] = ""));
    expect(() => loadTable(table(), { lookup: emptyLabel as LookupTables })).toThrow(/indices\.trie\.edgeLabels must not be empty/);
  });

  it("refuses missing parts and units that do not match the roles", () => {
    const lookup = buildLookupTables(table());
    expect(() => loadTable(table(), { lookup: damaged(lookup, (l) => delete l.mappings) as LookupTables })).toThrow(/mappings must be an object/);
    const shifted = damaged(lookup, (l) => (l.indices.roleUnitStart = l.indices.roleUnitStart.map((u: number, i: number) => (i === 1 ? u + 1 : u))));
    expect(() => loadTable(table(), { lookup: shifted as LookupTables })).toThrow(LookupFormatError);
  });
});
