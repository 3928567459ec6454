import { describe, expect, test } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { SourceFile } from "../../../src/diagnostics/source-file.js";
import { MAX_DEPTH, readYamlTree } from "../../../src/parse/yaml/yaml-tree.js";
import type { YamlMap, YamlNode, YamlScalar, YamlSeq } from "../../../src/parse/yaml/yaml-nodes.js";
import { at, summary, textOf } from "./helpers.js";

function read(text: string) {
  const sink = new DiagnosticSink();
  const tree = readYamlTree(new SourceFile("test.yml", text), sink);
  return { tree, root: tree.root, diagnostics: sink.diagnostics };
}

function map(node: YamlNode | undefined): YamlMap {
  if (node?.kind !== "map") throw new Error(`expected a map, got ${node?.kind}`);
  return node;
}

function seq(node: YamlNode | undefined): YamlSeq {
  if (node?.kind !== "seq") throw new Error(`expected a sequence, got ${node?.kind}`);
  return node;
}

function scalar(node: YamlNode | undefined): YamlScalar {
  if (node?.kind !== "scalar") throw new Error(`expected a scalar, got ${node?.kind}`);
  return node;
}

function valueOf(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return map(node).entries.find((e) => e.key.value === key)?.value;
}

describe("nodes and spans", () => {
  test("a plain scalar's span covers its text", () => {
    const { root } = read("key: value\n");
    const value = scalar(valueOf(root, "key"));
    expect(textOf(value.span)).toBe("value");
    expect(at(value.span)).toBe("1:6");
  });

  test("a quoted scalar's span includes the quotes and its value is decoded", () => {
    const { root } = read("a: \"x\\\"y\"\nb: 'it''s'\n");
    expect(textOf(scalar(valueOf(root, "a")).span)).toBe('"x\\"y"');
    expect(scalar(valueOf(root, "a")).value).toBe('x"y');
    expect(scalar(valueOf(root, "b")).value).toBe("it's");
  });

  test("a block sequence item's span is exact", () => {
    const { root } = read("list:\n  - first\n  - 'second'\n");
    const items = seq(valueOf(root, "list")).items;
    expect(items.map((i) => at(i.span))).toEqual(["2:5", "3:5"]);
  });

  test("a flow collection's span runs to its closing bracket", () => {
    const { root } = read("a: [1, 2 ]  # comment\nb: { }\n");
    expect(textOf(valueOf(root, "a")?.span)).toBe("[1, 2 ]");
    expect(textOf(valueOf(root, "b")?.span)).toBe("{ }");
  });

  test("a block scalar keeps its text without the final line break", () => {
    const { root } = read("q: |\n  {\"match_all\": {}}\n");
    const value = scalar(valueOf(root, "q"));
    expect(value.value).toBe('{"match_all": {}}\n');
    expect(value.type).toBe("str");
  });

  test("an empty sequence item is placed at its dash", () => {
    const { root } = read("list:\n  - a\n  -\n  - b\n");
    const empty = seq(valueOf(root, "list")).items[1]!;
    expect(scalar(empty).type).toBe("null");
    expect(at(empty.span)).toBe("3:3");
  });
});

describe("scalar types", () => {
  test.each([
    ["plain", "str"],
    ["yes", "str"],
    ["123", "int"],
    ["-7", "int"],
    ["0x1F", "int"],
    ["0o17", "int"],
    ["1e3", "float"],
    ["1.5", "float"],
    [".inf", "float"],
    ["true", "bool"],
    ["False", "bool"],
    ["null", "null"],
    ["~", "null"],
    ["'123'", "str"],
    ['"true"', "str"],
    ["!!str 123", "str"],
    ["!!int 123", "int"],
  ])("`%s` is typed %s", (text, type) => {
    const { root, diagnostics } = read(`k: ${text}\n`);
    expect(diagnostics).toEqual([]);
    expect(scalar(valueOf(root, "k")).type).toBe(type);
  });

  test("an empty value is null", () => {
    const { root } = read("k:\n");
    expect(scalar(valueOf(root, "k")).type).toBe("null");
  });

  test("a custom tag is reported", () => {
    const { diagnostics } = read("k: !secret value\n");
    expect(summary(diagnostics)).toEqual(["PC2014 1:4"]);
  });
});

describe("problems", () => {
  test("a syntax error is reported at its position and leaves no tree", () => {
    const { tree, diagnostics } = read("key: value\n  bad: indent\n");
    expect(summary(diagnostics)).toEqual(["PC2001 2:6"]);
    expect(diagnostics[0]!.message).toBe("yaml syntax error: bad indentation of a mapping entry");
    expect(tree.root).toBeUndefined();
    expect(tree.unreadable).toBe(true);
  });

  test("a duplicate key is reported at the second key with the first as related location", () => {
    const { diagnostics } = read("a: 1\nb: 2\na: 3\n");
    expect(summary(diagnostics)).toEqual(["PC2002 3:1"]);
    expect(at(diagnostics[0]!.related[0]!.span)).toBe("1:1");
  });

  test("a duplicate nested key is reported", () => {
    const { diagnostics } = read("role:\n  reserved: true\n  reserved: false\n");
    expect(summary(diagnostics)).toEqual(["PC2002 3:3"]);
  });

  test("the first of duplicate keys is kept", () => {
    const { root } = read("a: 1\na: 2\n");
    expect(map(root).entries).toHaveLength(1);
    expect(scalar(valueOf(root, "a")).value).toBe("1");
  });

  test("quoted and plain spellings of a key are the same key", () => {
    const { diagnostics } = read("admin: {}\n\"admin\": {}\n");
    expect(summary(diagnostics)).toEqual(["PC2002 2:1"]);
  });

  test("an alias is read as the string of its anchor name, with a warning", () => {
    const { root, diagnostics } = read("a: &base [x]\nb: *base\n");
    const alias = scalar(valueOf(root, "b"));
    expect(alias).toMatchObject({ value: "base", type: "str", alias: true });
    expect(textOf(alias.span)).toBe("*base");
    expect(summary(diagnostics)).toEqual(["PC2008 2:4"]);
    expect(diagnostics[0]!.message).toBe("alias `*base` is read by the plugin as the string `base`");
  });

  test("an alias bomb is harmless because aliases are never expanded", () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const { root, diagnostics } = read(levels.join("\n") + "\n");
    expect(map(root).entries).toHaveLength(10);
    expect(diagnostics.every((d) => d.code === "PC2008")).toBe(true);
  });

  test("a merge key is an ordinary key", () => {
    const { root } = read("base: &b {x: 1}\nrole:\n  <<: *b\n");
    expect(map(valueOf(root, "role")).entries[0]!.key.value).toBe("<<");
  });

  test("a second document is reported and not read", () => {
    const { root, diagnostics } = read("a: 1\n---\nb: 2\n");
    expect(summary(diagnostics)).toEqual(["PC2010 3:1"]);
    expect(map(root).entries.map((e) => e.key.value)).toEqual(["a"]);
  });

  test("a leading document marker and a trailing empty document are fine", () => {
    expect(read("---\na: 1\n---\n").diagnostics).toEqual([]);
  });

  test("nesting deeper than the limit is reported instead of overflowing the stack", () => {
    const { diagnostics } = read("[".repeat(100_000));
    expect(summary(diagnostics)).toEqual([`PC2011 1:${MAX_DEPTH}`]);
  });

  test("deep block nesting is reported too", () => {
    const text = Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
    expect(read(text).diagnostics.map((d) => d.code)).toEqual(["PC2011"]);
  });

  test("a huge file of tiny items is refused before parsing", () => {
    const { diagnostics, tree } = read("a: [" + "a,".repeat(5_000_000) + "]");
    expect(summary(diagnostics)).toEqual(["PC2015 1:1"]);
    expect(tree.unreadable).toBe(true);
  });

  test("a non-scalar key is reported and dropped", () => {
    const { root, diagnostics } = read("? [a]\n: 1\nb: 2\n");
    expect(summary(diagnostics)).toEqual(["PC2007 1:3"]);
    expect(map(root).entries.map((e) => e.key.value)).toEqual(["b"]);
  });
});

describe("text forms", () => {
  test("an empty file has no tree and no diagnostics", () => {
    const { tree, diagnostics } = read("");
    expect(tree.root).toBeUndefined();
    expect(tree.unreadable).toBe(false);
    expect(diagnostics).toEqual([]);
  });

  test("a file with only comments has no tree", () => {
    expect(read("# nothing here\n\n# at all\n").tree.root).toBeUndefined();
  });

  test("CRLF line ends give the same values and lines", () => {
    const { root, diagnostics } = read("a: x\r\nlist:\r\n  - y\r\n");
    expect(diagnostics).toEqual([]);
    expect(scalar(valueOf(root, "a")).value).toBe("x");
    const item = seq(valueOf(root, "list")).items[0]!;
    expect(scalar(item).value).toBe("y");
    expect(at(item.span)).toBe("3:5");
  });
});
