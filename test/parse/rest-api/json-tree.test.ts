import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import { fileJsonText, parseJsonTree } from "../../../src/parse/rest-api/json-tree.js";
import { toJson } from "../../../src/parse/yaml/json-form.js";
import { where } from "./helpers.js";

function parse(text: string, start = 0, end = text.length) {
  const sink = new DiagnosticSink();
  const file = new SourceFile("body.json", text);
  const node = parseJsonTree(fileJsonText(file, start, end), sink);
  return { node, file, diagnostics: sink.diagnostics.map((d) => `${where(d)} ${d.message}`) };
}

describe("the JSON reader of request bodies and dumps", () => {
  it("reads strict JSON into the located tree the YAML front end uses", () => {
    const { node, diagnostics } = parse('{"a": [1, 2.5, true, null, "x\\u0041"], "b": {}}');
    expect(diagnostics).toEqual([]);
    expect(toJson(node!)).toEqual({ a: [1, 2.5, true, null, "xA"], b: {} });
  });

  it("gives every value the span where it is written in the file", () => {
    const text = 'PUT x\n{\n  "users": ["judy"]\n}';
    const { node, file } = parse(text, 6);
    expect(node?.kind).toBe("map");
    const users = node?.kind === "map" ? node.entries[0]!.value : undefined;
    const judy = users?.kind === "seq" ? users.items[0]! : undefined;
    expect(file.lineColumn(judy!.span.start)).toEqual({ line: 3, column: 13 });
    expect(text.slice(judy!.span.start, judy!.span.end)).toBe('"judy"');
  });

  it("reports a syntax error at its exact line and column in the file", () => {
    const { node, diagnostics } = parse('PUT x\n{\n  "users": ["judy",]\n}', 6);
    expect(node).toBeUndefined();
    expect(diagnostics).toEqual(["body.json:3:20 PC2102 not valid JSON: unexpected `]`"]);
  });

  it("refuses a key given twice, as the plugin's strict JSON reader does", () => {
    const { diagnostics } = parse('{"users": [], "users": []}');
    expect(diagnostics).toEqual(["body.json:1:15 PC2102 not valid JSON: duplicate key `users`"]);
  });

  it("says that JSON strings take double quotes", () => {
    const { diagnostics } = parse("{'users': []}");
    expect(diagnostics[0]).toContain("JSON strings take double quotes");
  });

  it("refuses text after the value", () => {
    expect(parse('{"a": 1} {"b": 2}').diagnostics).toEqual(['body.json:1:10 PC2102 not valid JSON: text after the JSON value: `{"b": 2}`']);
  });
});
