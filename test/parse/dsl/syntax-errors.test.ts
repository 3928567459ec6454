/**
 * Lexical and syntax errors: every one of a file in one run, in text order,
 * at the right place, as the CLI prints them (golden files under test/golden/dsl/).
 */
import { describe, expect, test } from "vitest";
import { diagnosticsText, parseDocument, summary } from "./helpers.js";

/** The input with line numbers, then the diagnostics: what a reviewer of the golden file needs. */
function report(source: string): string {
  const numbered = source
    .split("\n")
    .map((line, i) => `${String(i + 1).padStart(3)} | ${line}`)
    .join("\n");
  const { diagnostics } = parseDocument(source, "errors.policy");
  return `${numbered}\n---\n${diagnosticsText(diagnostics)}`;
}

const golden = (name: string) => `../../golden/dsl/${name}.txt`;

const CASES: Record<string, string> = {
  "error-at-start": "rol hr_reader {\n  cluster cluster_composite_ops_ro\n}\n\nrole other { cluster a }\n",
  "error-in-the-middle": "role a {\n  cluster x\n\nrole b {\n  cluster y\n}\n\nuser u { roles b }\n",
  "error-at-end": "role a {\n  cluster x,\n",
  "unclosed-block-at-end": "role a {\n  index logs-* allow read\n",
  "missing-name": "role {\n  cluster x\n}\nuser\n",
  "unterminated-strings": "role a {\n  description \"no closing quote\n  dls 'neither\n  cluster x\n}\n",
  "stray-characters": "role $admin {\n  users judy; elon\n}\n",
  "unknown-keywords": "role a {\n  clustr x, y\n  indx logs-* allow read\n  users u\n}\n\nrolle b { tenant t allow kibana_all_read }\n\nuser u\n",
  "misspelt-flag": "role a reservd {\n  cluster x\n}\n",
  "missing-values": "role a {\n  description }\nuser u { attributes a = }\nsettings { a = }\naction_group g b\nrole r { tenant t }\n",
  "keyword-read-as-a-name": "user\n\nrole a {\n  cluster x\n}\n",
  "bad-escapes": 'role a { description "tab\\x and \\u12" }\n',
  "several-errors":
    'import "a.policy" "b.policy"\n\nrole a reserved {\n  cluster x y\n  description "unclosed\n}\n\nuser "u" { attributes a = b, c }\n\n$ tenant t\n\nmapping m { users u, }\n\nrole z {\n',
};

describe("golden diagnostics", () => {
  test.each(Object.keys(CASES))("%s", async (name) => {
    await expect(report(CASES[name]!)).toMatchFileSnapshot(golden(name));
  });
});

describe("recovery", () => {
  test("definitions after an error are still in the tree", () => {
    const { document } = parseDocument(CASES["error-in-the-middle"]!);
    expect(document.items.map((item) => (item.kind === "import" || item.kind === "settings" ? item.kind : item.name.value))).toEqual(["a", "b", "u"]);
  });

  test("an unknown word before a block costs one error, and the next definition is read", () => {
    const { document, diagnostics } = parseDocument("rolle b { tenant t allow read }\nrole c { }");
    expect(summary(diagnostics)).toEqual(["PC1004 1:1"]);
    expect(document.items.map((item) => item.kind)).toEqual(["role"]);
  });

  test("a definition without its name is left out of the tree", () => {
    const { document } = parseDocument("role { cluster x }\nrole b { }");
    expect(document.items.map((item) => (item.kind === "role" ? item.name.value : item.kind))).toEqual(["b"]);
  });

  test("no token inserted by recovery reaches the tree", () => {
    const { document } = parseDocument("role a { description }\nuser u { attributes a = }");
    expect(JSON.stringify(document.items, (key, value: unknown) => (key === "span" ? undefined : value))).toBe(
      JSON.stringify([
        { kind: "role", name: { value: "a" }, flags: [], clauses: [] },
        { kind: "user", name: { value: "u" }, flags: [], hasBlock: true, clauses: [{ kind: "attributes", pairs: [] }] },
      ]),
    );
  });

  test("errors come in text order, one per position", () => {
    const { diagnostics } = parseDocument(CASES["several-errors"]!);
    const starts = diagnostics.map((d) => d.span!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(starts.length);
  });
});
