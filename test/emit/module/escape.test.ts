import { describe, expect, it } from "vitest";
import { stringLiteral } from "../../../src/emit/module/escape.js";
import { HOSTILE_STRINGS } from "./hostile-strings.js";


/** Reads a string literal back the way a JavaScript parser does. */
function evaluateLiteral(literal: string): unknown {
  return new Function(`"use strict"; return ${literal};`)();
}

describe("stringLiteral", () => {
  it("gives back every hostile string exactly when the literal is evaluated", () => {
    for (const text of HOSTILE_STRINGS) expect(evaluateLiteral(stringLiteral(text))).toBe(text);
  });

  it("writes line terminators, U+2028 and U+2029 included, as escapes", () => {
    for (const text of HOSTILE_STRINGS) expect(stringLiteral(text)).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(stringLiteral("a\u2028b\u2029c")).toBe('"a\\u2028b\\u2029c"');
  });

  it("writes lone surrogates as escapes, so the text is well-formed Unicode", () => {
    expect(stringLiteral("x\ud800y")).toBe('"x\\ud800y"');
    expect(stringLiteral("lone \ud800 and \udfff surrogates")).toMatch(/^[\x20-\x7e]*$/);
  });

  it("is JSON.stringify for every other string", () => {
    for (const text of ["plain", "ünïcødé 🙂", 'quote " and \\', "tab\t"]) expect(stringLiteral(text)).toBe(JSON.stringify(text));
  });
});
