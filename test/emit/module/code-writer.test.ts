import { describe, expect, it } from "vitest";
import { CodeWriter } from "../../../src/emit/module/code-writer.js";

describe("CodeWriter", () => {
  it("indents blocks and ends the text with one line break", () => {
    const w = new CodeWriter();
    w.block("function f() {", () => w.line("return 1;").line());
    expect(w.toString()).toBe("function f() {\n  return 1;\n\n}\n");
  });

  it("writes one-line and multi-line documentation comments", () => {
    const w = new CodeWriter().doc("One line.").doc("First.", "", "@throws Error");
    expect(w.toString()).toBe("/** One line. */\n/**\n * First.\n *\n * @throws Error\n */\n");
  });

  it("indents every line of a laid-out text inside a block and keeps it whole at the top level", () => {
    const w = new CodeWriter();
    w.block("{", () => w.text("a\n\nb\n"));
    w.text("c\nd\n\n");
    expect(w.toString()).toBe("{\n  a\n\n  b\n}\nc\nd\n");
  });
});
