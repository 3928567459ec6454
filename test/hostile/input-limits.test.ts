/**
 * The pieces the hostile corpus relies on, one by one: finding the first
 * byte that is not UTF-8, counting a DSL file's tokens before lexing it,
 * counting code points as the plugin's YAML reader does, and counting lines
 * as editors do.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8 } from "../../src/cli/read-input.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { LineMap } from "../../src/lsp/positions.js";
import { lexPolicyFile } from "../../src/parse/dsl/lexer.js";
import { countTokens } from "../../src/parse/dsl/size-limit.js";
import { codePointCount } from "../../src/parse/yaml/source-scan.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("the first byte sequence that is not UTF-8", () => {
  it("is a byte that starts no character", () => {
    expect(firstInvalidUtf8(bytes(0x61, 0x80, 0x62))).toEqual({ start: 1, end: 2 });
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toEqual({ start: 0, end: 1 }); // an overlong form's lead byte
    expect(firstInvalidUtf8(bytes(0xff))).toEqual({ start: 0, end: 1 });
  });

  it("is a character's first bytes when the next byte does not continue it", () => {
    expect(firstInvalidUtf8(bytes(0xc3, 0x28))).toEqual({ start: 0, end: 1 });
    expect(firstInvalidUtf8(bytes(0xe2, 0x82, 0x41))).toEqual({ start: 0, end: 2 });
    expect(firstInvalidUtf8(bytes(0x61, 0xf0, 0x9f, 0x98))).toEqual({ start: 1, end: 4 }); // cut off at the end
  });

  it("excludes encoded surrogates and code points past U+10FFFF, as decoders do", () => {
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toEqual({ start: 0, end: 1 });
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toEqual({ start: 0, end: 1 });
  });

  it("is found where Node's decoder puts its first replacement character, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (raw) => {
        const buffer = Buffer.from(raw);
        const read = decodeUtf8("f", buffer);
        const text = buffer.toString("utf8");
        if (read.problem === undefined) return;
        if (read.problem.kind !== "invalid-utf8") throw new Error("unexpected problem");
        expect(text[read.problem.offset]).toBe("\uFFFD");
        expect(text.slice(0, read.problem.offset)).toBe(buffer.subarray(0, read.problem.byteOffset).toString("utf8"));
      }),
      { numRuns: 2000 },
    );
  });

  it("is reported with its byte offset and its place in the decoded text", () => {
    const read = decodeUtf8("roles.yml", Buffer.concat([Buffer.from("é😀x"), bytes(0xe9)]));
    expect(read.problem).toEqual({ kind: "invalid-utf8", byteOffset: 7, offset: 4, bytes: "0xE9" });
  });
});

describe("counting a DSL file's tokens before lexing it", () => {
  const pieces = fc.constantFrom("role", " ", "\n", "\r", "\t", "{", "}", "[", ",", "=", "a", "logs-*", '"s"', "'t", '"u\\', "#c\n", "$", "é", "\u00a0", "\\", "\"", "'");

  it("never counts fewer tokens and lexing errors than the lexer makes", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const lexed = lexPolicyFile(new SourceFile("p.policy", text));
        const errors = lexed.problems.filter((problem) => problem.code === "PC1001").length;
        expect(countTokens(text, Infinity)).toBeGreaterThanOrEqual(lexed.tokens.length + lexed.comments.length + errors);
      }),
      { numRuns: 3000 },
    );
  });

  it("stops counting just past the limit", () => {
    expect(countTokens("a ".repeat(1_000_000), 10)).toBe(11);
  });
});

describe("counting code points", () => {
  it("counts a surrogate pair once and a lone surrogate as one", () => {
    expect(codePointCount("a😀b")).toBe(3);
    expect(codePointCount("\ud800a\udc00")).toBe(3);
  });
});

describe("counting lines", () => {
  it("agrees with the language server on every offset, whatever the line ends", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "\n", "\r", "\r\n", "é"), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const file = new SourceFile("f", text);
        const lines = new LineMap(text);
        for (let offset = 0; offset <= text.length; offset++) {
          // Inside a `\r\n` the language server clamps to the end of the line; both agree on the line itself.
          const { line, column } = file.lineColumn(offset);
          const position = lines.position(offset);
          expect(line - 1).toBe(position.line);
          if (!(text[offset - 1] === "\r" && text[offset] === "\n")) expect(column - 1).toBe(position.character);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
