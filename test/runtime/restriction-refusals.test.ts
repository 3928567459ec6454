/**
 * What the plugin's DLS/FLS valve refuses once restrictions apply, and the
 * formats that carry restrictions: decisions (schemas/decision.schema.json)
 * and tables read at load.
 */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { loadTable, TableFormatError } from "../../src/runtime/index.js";
import { compileFiles, decide } from "../helpers/policy.js";
import { dls, entry, fls, masks, policyFor, restrictionsOf, search } from "./restriction-policies.js";

describe("requests the valve refuses", () => {
  const UPDATE = "Update is not supported when FLS or DLS or Fieldmasking is activated";
  const roles = `r:\n  index_permissions:\n${entry('["hr-*"]', masks("ssn"))}${entry('["logs-*"]')}`;

  it("refuses an update of a restricted index with the plugin's message and nothing missing", () => {
    expect(decide(policyFor(roles), "u", "indices:data/write/update", ["hr-1"])).toEqual({ decision: "deny", roles: ["r"], reason: UPDATE, missing: [] });
  });

  it("refuses an update when any one requested index is restricted", () => {
    expect(decide(policyFor(roles), "u", "indices:data/write/update", ["logs-1", "hr-1"]).reason).toBe(UPDATE);
  });

  it("lets an update of an unrestricted index through", () => {
    expect(decide(policyFor(roles), "u", "indices:data/write/update", ["logs-1"])).toMatchObject({ decision: "allow", restrictions: { "logs-1": { dls: null, fls: null, masked_fields: null } } });
  });

  it("refuses a resize of a restricted index", () => {
    expect(decide(policyFor(roles), "u", "indices:admin/resize", ["hr-1"]).reason).toBe("Resize is not supported when FLS or DLS or Fieldmasking is activated");
  });

  it("lets other writes through unless dls.write_blocked is set", () => {
    const open = policyFor(roles, { writeBlocked: false });
    expect(decide(open, "u", "indices:data/write/index", ["hr-1"]).decision).toBe("allow");
    expect(decide(open, "u", "indices:data/write/bulk[s]", ["hr-1"]).decision).toBe("allow");
  });

  it("with dls.write_blocked refuses every bulk item, named by its request class", () => {
    const blocked = policyFor(roles, { writeBlocked: true });
    expect(decide(blocked, "u", "indices:data/write/index", ["hr-1"]).reason).toBe("IndexRequest is not supported when FLS or DLS or Fieldmasking is activated");
    expect(decide(blocked, "u", "indices:data/write/delete", ["hr-1"]).reason).toBe("DeleteRequest is not supported when FLS or DLS or Fieldmasking is activated");
    expect(decide(blocked, "u", "indices:data/write/bulk[s]", ["hr-1"]).reason).toBe("DocWriteRequest is not supported when FLS or DLS or Fieldmasking is activated");
    expect(decide(blocked, "u", "indices:data/write/update", ["hr-1"]).reason).toBe(UPDATE);
    expect(decide(blocked, "u", "indices:data/write/index", ["logs-1"]).decision).toBe("allow");
  });

  it("refuses by the valve's notion of restricted, which a wildcard rule decides even where dfm_empty_overrides_all lifts it", () => {
    const policy = policyFor(`a:\n  index_permissions:\n${entry('["*"]', fls("name"))}b:\n  index_permissions:\n${entry('["hr-*"]')}`, { dfm: true });
    expect(restrictionsOf(policy, "hr-1")!.fls).toBeNull();
    expect(decide(policy, "u", "indices:data/write/update", ["hr-1"]).reason).toBe(UPDATE);
  });

  it("refuses an update where the join reports no FLS because `*` is included", () => {
    const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', fls("*"))}`);
    expect(restrictionsOf(policy, "hr-1")!.fls).toBeNull();
    expect(decide(policy, "u", "indices:data/write/update", ["hr-1"]).reason).toBe(UPDATE);
  });

  it("fails a DLS evaluation before refusing an update", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"x": "${attr.internal.missing}"}}'))}`);
    expect(decide(policy, "u", "indices:data/write/update", ["hr-1"]).reason).toBe("Error while evaluating DLS/FLS privileges");
  });
});

describe("schemas/decision.schema.json", () => {
  const schema = JSON.parse(readFileSync(new URL("../../schemas/decision.schema.json", import.meta.url), "utf8")) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it("describes decisions with restrictions and the valve's refusals", () => {
    const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', dls('{"match_all": {}}') + fls("~ssn") + masks("email"))}b:\n  index_permissions:\n${entry('["logs-*"]', fls("name"))}`);
    const decisions = [search(policy, ["hr-1", "logs-1"]), decide(policy, "u", "indices:data/write/update", ["hr-1"])];
    expect(decisions.map((d) => d.decision)).toEqual(["allow", "deny"]);
    for (const decision of decisions) expect(validate(decision), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses restrictions of another shape", () => {
    expect(validate({ decision: "allow", roles: [], missing: [], restrictions: { x: { dls: null, fls: { include: ["a"], exclude: ["b"] }, masked_fields: null } } })).toBe(false);
    expect(validate({ decision: "allow", roles: [], missing: [], restrictions: { x: { dls: "q", fls: null, masked_fields: null } } })).toBe(false);
  });
});

describe("loading a table", () => {
  const table = () => compileFiles({ "roles.yml": `r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"match_all": {}}') + fls("a"))}`, "roles_mapping.yml": `r:\n  users: ["u"]\n` }).table!;
  const withEntry = (edit: Record<string, unknown>) => {
    const copy = JSON.parse(JSON.stringify(table())) as { roles: { name: string; index: Record<string, unknown>[] }[] };
    Object.assign(copy.roles.find((role) => role.name === "r")!.index[0]!, edit);
    return copy;
  };

  it("refuses a plain DLS query that does not read, naming the entry", () => {
    expect(() => loadTable(withEntry({ dls: '{"match_all": ' }))).toThrow(/roles\[\d+\]\.index\[0\]\.dls must be a DLS query/);
  });

  it("refuses empty rule lists and unknown kinds of replaced rules", () => {
    expect(() => loadTable(withEntry({ fls: [] }))).toThrow(TableFormatError);
    expect(() => loadTable(withEntry({ replacedTemplateRules: ["dls", "other"] }))).toThrow(TableFormatError);
  });
});
