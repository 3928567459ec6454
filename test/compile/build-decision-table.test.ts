import { Ajv } from "ajv";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { emitJsonTable } from "../../src/emit/json-table.js";
import { ROOT } from "../helpers/cli.js";
import { compileFiles } from "../helpers/policy.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schemas/decision-table.schema.json"), "utf8")) as object;
const validateTable = new Ajv({ allErrors: true }).compile(schema);

const exampleDirs = readdirSync(join(ROOT, "examples"))
  .map((name) => join(ROOT, "examples", name))
  .filter((dir) => statSync(dir).isDirectory());

const filesOf = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".yml"))
    .map((name) => ({ path: name, text: readFileSync(join(dir, name), "utf8") }));

describe("the decision table", () => {
  it.each(exampleDirs)("of %s satisfies schemas/decision-table.schema.json", (dir) => {
    const table = compile({ files: filesOf(dir) }).table;
    expect(validateTable(table), JSON.stringify(validateTable.errors)).toBe(true);
  });

  it("does not depend on the order of the files or of the entries in them", () => {
    const a = compileFiles({ "roles.yml": "x:\n  cluster_permissions: [\"b\", \"a\"]\ny:\n  cluster_permissions: [\"c\"]\n", "roles_mapping.yml": "y:\n  users: [\"u\"]\nx:\n  users: [\"u\"]\n" });
    const b = compileFiles({ "roles_mapping.yml": "x:\n  users: [\"u\"]\ny:\n  users: [\"u\"]\n", "roles.yml": "y:\n  cluster_permissions: [\"c\"]\nx:\n  cluster_permissions: [\"a\", \"b\"]\n" });
    expect(emitJsonTable(a.table!)).toBe(emitJsonTable(b.table!));
  });

  it("holds the built-in roles and the global tenant even for an empty policy", () => {
    const table = compileFiles({ "roles.yml": "" }).table!;
    expect(table.roles.map((r) => r.name)).toContain("all_access");
    expect(table.tenants).toEqual(["global_tenant"]);
  });

  it("keeps a custom role whose name is built in out, in favour of the built-in one", () => {
    const result = compileFiles({ "roles.yml": "readall:\n  cluster_permissions: [\"*\"]\n" });
    const readall = result.table!.roles.find((r) => r.name === "readall")!;
    expect(readall.cluster.map((id) => result.table!.actionPatterns[id])).not.toContain("*");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PC3004"]);
  });
});
