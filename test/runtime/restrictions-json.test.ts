/**
 * The JSON reader and canonical form of DLS queries, and the query shape the
 * plugin's query parser takes.
 */
import { describe, expect, it } from "vitest";
import { readDlsQuery, renderDlsQuery } from "../../src/runtime/restrictions-dls.js";
import { canonicalJson, canonicalValue, readJson } from "../../src/runtime/restrictions-json.js";

describe("readJson", () => {
  it("reads every kind of JSON value, blanks around it allowed", () => {
    expect(readJson(' \n{"a": [1, -2.5e3, "x\\u0041", true, false, null, {}]} ')).toEqual({ ok: true, value: { a: [1, -2500, "xA", true, false, null, {}] }, trailing: -1 });
  });

  it("says where the text stops being JSON", () => {
    expect(readJson('{"a": 1,}')).toEqual({ ok: false, message: "expected a quoted key, found `}`", offset: 8 });
    expect(readJson('{"a": 01}')).toMatchObject({ ok: false, offset: 7 });
    expect(readJson("[1] [2]")).toMatchObject({ ok: false, message: "unexpected `[` after the end of the JSON value", offset: 4 });
    expect(readJson('"open')).toMatchObject({ ok: false, message: "a string is not closed", offset: 0 });
  });

  it("refuses a key given twice, at the second one", () => {
    expect(readJson('{"a": 1, "a": 2}')).toEqual({ ok: false, message: 'duplicate key "a"', offset: 9 });
  });

  it("takes comments as blanks, as OpenSearch's JSON parser does", () => {
    expect(readJson('{"a": /* one */ 1 // two\n}')).toEqual({ ok: true, value: { a: 1 }, trailing: -1 });
    expect(readJson('{"a": 1 /* open')).toMatchObject({ ok: false, message: "a comment is not closed" });
  });

  it("refuses single quotes, leading zeros, NaN and control characters in strings", () => {
    expect(readJson("{'a': 1}").ok).toBe(false);
    expect(readJson("[01]").ok).toBe(false);
    expect(readJson("[NaN]").ok).toBe(false);
    expect(readJson('"a\tb"').ok).toBe(false);
  });

  it("stops after the value when asked, saying where the rest starts", () => {
    expect(readJson('{"a": 1} tail', true)).toEqual({ ok: true, value: { a: 1 }, trailing: 9 });
  });

  it("refuses nesting deeper than it reads, without exhausting the stack", () => {
    expect(readJson("[".repeat(100_000))).toMatchObject({ ok: false, message: "the JSON nests deeper than 256 levels" });
  });

  it("keeps a key named __proto__ as data", () => {
    const reading = readJson('{"__proto__": {"x": 1}}');
    expect(reading.ok && Object.keys(reading.value as object)).toEqual(["__proto__"]);
    expect(reading.ok && canonicalJson(reading.value)).toBe('{"__proto__":{"x":1}}');
  });
});

describe("the canonical form", () => {
  it("sorts keys by code units at every level and drops blanks", () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }], B: null, a: "x" })).toBe('{"B":null,"a":"x","b":[{"a":2,"z":1}]}');
  });

  it("escapes `${` so that only templates hold it", () => {
    expect(canonicalJson({ a: "${x} and $ {y}" })).toBe('{"a":"\\u0024{x} and $ {y}"}');
  });

  it("as a value is a frozen copy with keys in order", () => {
    const value = canonicalValue({ b: { d: 1, c: 2 }, a: [3] });
    expect(JSON.stringify(value)).toBe('{"a":[3],"b":{"c":2,"d":1}}');
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen((value as { b: object }).b)).toBe(true);
  });
});

describe("DLS queries", () => {
  it("are one member whose value is an object", () => {
    expect(readDlsQuery('{"match_all": {}}')).toMatchObject({ ok: true, text: '{"match_all":{}}' });
    expect(readDlsQuery("[]")).toMatchObject({ ok: false, kind: "object", message: "the query is an array, not a JSON object" });
    expect(readDlsQuery("{}")).toMatchObject({ ok: false, kind: "shape", message: "query malformed, empty clause found" });
    expect(readDlsQuery('{"term": 1}')).toMatchObject({ ok: false, kind: "shape", message: "[term] query malformed, no start_object after query name" });
    expect(readDlsQuery('{"b": {}, "a": {}}')).toMatchObject({ ok: false, kind: "shape", message: "[b] malformed query, expected [END_OBJECT] but found [FIELD_NAME]" });
  });

  it("rendered for a user fail when a `${` is left, as the plugin's evaluation does", () => {
    const subject = { name: "judy", backendRoles: ["a"], securityRoles: [], attributes: {} };
    expect(renderDlsQuery('{"term": {"o": "${user.name}"}}', subject)).toMatchObject({ ok: true, query: { term: { o: "judy" } } });
    expect(renderDlsQuery('{"term": {"o": "${attr.jwt.x}"}}', subject)).toBeUndefined();
    expect(renderDlsQuery('{"term": {"o": "$${user.name}"}}', subject)).toBeUndefined();
    expect(renderDlsQuery('{"terms": {"o": ${user.name}}}', subject)).toBeUndefined();
  });
});
