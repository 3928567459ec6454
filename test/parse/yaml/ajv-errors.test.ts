import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { withoutCascades } from "../../../src/parse/yaml/ajv-errors.js";
import { describeExpected, placeName } from "../../../src/parse/yaml/schema-messages.js";

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const schema = {
  type: "object",
  properties: {
    names: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
    mode: { if: { required: ["kind"] }, then: { required: ["x"] } },
    list: { type: "array", items: { type: "string" } },
  },
};
const validate = ajv.compile(schema);

function errorsOf(data: unknown) {
  validate(data);
  return withoutCascades(validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
}

describe("cascaded ajv errors", () => {
  test("a failed anyOf is one error, without its branches' errors", () => {
    expect(errorsOf({ names: 5 })).toEqual(["/names anyOf"]);
  });

  test("a failed anyOf over a list reports the combinator only, not the failing items", () => {
    expect(errorsOf({ names: [1, "a"] })).toEqual(["/names anyOf"]);
  });

  test("an if error is dropped in favour of the failed then", () => {
    expect(errorsOf({ mode: { kind: "a" } })).toEqual(["/mode required"]);
  });

  test("errors of other places stay", () => {
    expect(errorsOf({ names: 5, list: [1, "b", 2] })).toEqual(["/names anyOf", "/list/0 type", "/list/2 type"]);
  });

  test("an anyOf is described by its branches", () => {
    expect(describeExpected(schema.properties.names, schema)).toBe("a string or a list of strings");
  });
});

describe("place names", () => {
  test.each([
    [[], "the file"],
    [["_meta"], "`_meta`"],
    [["r"], "role `r`"],
    [["r", "cluster_permissions"], "`cluster_permissions` of role `r`"],
    [["r", "cluster_permissions", "2"], "item 3 of `cluster_permissions` of role `r`"],
    [["r", "index_permissions", "0"], "index permission 1 of role `r`"],
    [["r", "index_permissions", "0", "fls", "1"], "item 2 of `fls` of index permission 1 of role `r`"],
    [["u", "attributes", "team"], "attribute `team` of role `u`"],
  ])("%j is called %s", (segments, name) => {
    expect(placeName(segments, "role")).toBe(name);
  });
});
