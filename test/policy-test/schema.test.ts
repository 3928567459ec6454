/**
 * schemas/policy-test.schema.json is self-contained (an editor validates a
 * test file with it alone), so it holds copies of the request's and the
 * restrictions' schemas: they must stay what request.schema.json and
 * decision.schema.json say.
 */
import { describe, expect, it } from "vitest";
import { definition, readSchema, schemaErrors } from "../schemas/helpers.js";

const schema = readSchema("policy-test.schema.json");

describe("the policy test schema", () => {
  it("describes requests as request.schema.json does", () => {
    const { $schema: _s, $id: _i, title: _t, description: _d, ...request } = readSchema("request.schema.json");
    const { description, ...copy } = definition(schema, "request");
    expect(copy).toEqual(request);
    expect(description).toMatch(/^The request, as `policyc check` reads it/);
  });

  it("describes an index's restrictions as decision.schema.json does", () => {
    expect(definition(schema, "indexRestrictions")).toEqual(definition(readSchema("decision.schema.json"), "indexRestrictions"));
  });

  it("accepts a minimal test file and refuses a case without an expectation", () => {
    const minimal = { tests: [{ name: "a", request: { user: { name: "x" }, action: "y" }, expect: { decision: "deny" } }] };
    expect(schemaErrors("policy-test.schema.json", minimal)).toEqual([]);
    expect(schemaErrors("policy-test.schema.json", { tests: [{ name: "a", request: { user: { name: "x" }, action: "y" } }] })).toEqual(["/tests/0 required"]);
  });

  it("accepts what every decision field may expect, and null where the decision may have none", () => {
    const expectation = {
      decision: "allow",
      roles: ["r"],
      reason: null,
      missing: [],
      error: null,
      restrictions: { hr: { dls: { term: { a: "b" } }, fls: { exclude: ["salary"] }, masked_fields: null } },
      tenants: { global_tenant: false, judy: true },
    };
    expect(schemaErrors("policy-test.schema.json", { tests: [{ name: "a", request: { user: { name: "x" }, action: "y" }, expect: expectation }] })).toEqual([]);
  });
});
