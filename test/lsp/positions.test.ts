/** Offsets ↔ LSP positions: lines end at LF, CRLF or CR; characters are UTF-16 code units. */
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { LineMap, spanRange } from "../../src/lsp/positions.js";
import { sourceFileOf } from "../../src/parse/yaml/parse-file.js";

describe("LineMap", () => {
  it("counts lines ended by LF, CRLF and a lone CR", () => {
    const lines = new LineMap("a\nb\r\nc\rd");
    expect([0, 2, 5, 7].map((offset) => lines.position(offset))).toEqual([
      { line: 0, character: 0 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
    ]);
  });

  it("counts characters in UTF-16 code units, a character outside the BMP as two", () => {
    const text = "x: \u{1F600}y";
    expect(new LineMap(text).position(text.indexOf("y"))).toEqual({ line: 0, character: 5 });
  });

  it("puts an offset between CR and LF at the end of its line", () => {
    expect(new LineMap("ab\r\ncd").position(3)).toEqual({ line: 0, character: 2 });
  });

  it("clamps offsets to the text", () => {
    const lines = new LineMap("ab\ncd");
    expect(lines.position(-4)).toEqual({ line: 0, character: 0 });
    expect(lines.position(99)).toEqual({ line: 1, character: 2 });
  });

  it("turns a position back into its offset", () => {
    const text = "role r {\r\n  cluster \u{1F600}x\n}\rend";
    const lines = new LineMap(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const insideCrLf = text[offset - 1] === "\r" && text[offset] === "\n";
      if (!insideCrLf) expect(lines.offset(lines.position(offset))).toBe(offset);
    }
  });

  it("clamps a character past the end of its line to the line's end, as LSP asks", () => {
    const lines = new LineMap("ab\r\ncd");
    expect(lines.offset({ line: 0, character: 40 })).toBe(2);
    expect(lines.offset({ line: 7, character: 0 })).toBe(6);
  });

  it("spans the whole text", () => {
    expect(new LineMap("a\nbc\n").fullRange()).toEqual({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
  });
});

describe("spanRange", () => {
  it("gives a span's range in the text it was read from", () => {
    const file = new SourceFile("a.policy", "role r {\n  cluster x\n}\n");
    expect(spanRange({ file, start: 19, end: 20 })).toEqual({ start: { line: 1, character: 10 }, end: { line: 1, character: 11 } });
  });

  it("shifts the first line by the byte order mark the YAML front end dropped", () => {
    const editorText = "\uFEFFa: b\nc: d\n";
    const file = sourceFileOf("roles.yml", editorText);
    expect(spanRange({ file, start: 3, end: 4 }, editorText)).toEqual({ start: { line: 0, character: 4 }, end: { line: 0, character: 5 } });
    expect(spanRange({ file, start: 8, end: 9 }, editorText)).toEqual({ start: { line: 1, character: 3 }, end: { line: 1, character: 4 } });
  });
});
