import { describe, expect, it } from "vitest";
import { dataLiteral, propertyKey } from "../../../src/emit/module/data-literal.js";
import { HOSTILE_STRINGS } from "./hostile-strings.js";

function evaluate(literal: string): unknown {
  return new Function(`"use strict"; return (${literal});`)();
}

describe("dataLiteral", () => {
  it("lays out one entry per line with trailing commas, and lists of numbers on one line", () => {
    const text = dataLiteral({ name: "r1", cluster: [0, 3], index: [{ patterns: [1], write: false }], tenants: [] });
    expect(text).toBe(
      ["{", '  name: "r1",', "  cluster: [0, 3],", "  index: [", "    {", "      patterns: [1],", "      write: false,", "    },", "  ],", "  tenants: [],", "}"].join("\n"),
    );
  });

  it("writes each string of a list on its own line", () => {
    expect(dataLiteral(["a", "b"], "  ")).toBe('[\n    "a",\n    "b",\n  ]');
  });

  it("gives back the data exactly, hostile strings in values and keys included", () => {
    const keys = Object.fromEntries(HOSTILE_STRINGS.map((s, i) => [s, i]));
    const data = { values: [...HOSTILE_STRINGS], keys, n: -1.5, t: true, z: null };
    const copy = evaluate(dataLiteral(data));
    expect(copy).toEqual(data);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(data));
  });

  it("makes a `__proto__` key an own property, as JSON.parse does, not the prototype", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const copy = evaluate(dataLiteral(data)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__"]);
    expect(propertyKey("__proto__")).toBe('["__proto__"]');
  });

  it("quotes keys that are not identifiers and leaves identifiers bare", () => {
    expect(propertyKey("systemIndexAccess")).toBe("systemIndexAccess");
    expect(propertyKey("a-b")).toBe('"a-b"');
    expect(propertyKey("1x")).toBe('"1x"');
  });

  it("refuses what JSON cannot hold", () => {
    expect(() => dataLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => dataLiteral(new Map())).toThrow(/Map/);
    expect(() => dataLiteral([undefined])).toThrow(TypeError);
    expect(() => dataLiteral(() => 1)).toThrow(TypeError);
  });
});
