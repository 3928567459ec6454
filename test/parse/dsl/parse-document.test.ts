/** Each construct of grammar/README.md → its syntax tree. */
import { describe, expect, test } from "vitest";
import { at, parseDocument, textOf, withoutSpans } from "./helpers.js";

/** The tree of a text that must parse cleanly. */
function tree(text: string): unknown {
  const { document, diagnostics } = parseDocument(text);
  expect(diagnostics).toEqual([]);
  return withoutSpans(document.items);
}

const word = (value: string) => ({ value });
const list = (keyword: string, ...items: string[]) => ({ kind: "list", keyword, items: items.map(word) });
const text = (keyword: string, value: string) => ({ kind: "text", keyword, value: word(value) });

describe("definitions", () => {
  test("an import holds its path", () => {
    expect(tree('import "common.policy"')).toEqual([{ kind: "import", path: word("common.policy") }]);
  });

  test("settings hold booleans, words, strings and lists", () => {
    expect(tree('settings {\n  a.b = true\n  c = false\n  d = BOTH\n  e = "x y"\n  f = [".a", b*]\n  g = []\n}')).toEqual([
      {
        kind: "settings",
        entries: [
          { name: word("a.b"), value: { kind: "boolean", value: true } },
          { name: word("c"), value: { kind: "boolean", value: false } },
          { name: word("d"), value: { kind: "text", value: "BOTH" } },
          { name: word("e"), value: { kind: "text", value: "x y" } },
          { name: word("f"), value: { kind: "list", items: [word(".a"), word("b*")] } },
          { name: word("g"), value: { kind: "list", items: [] } },
        ],
      },
    ]);
  });

  test("a quoted true is text, not a boolean", () => {
    expect(tree('settings { a = "true" }')).toEqual([{ kind: "settings", entries: [{ name: word("a"), value: { kind: "text", value: "true" } }] }]);
  });

  test("an action group written with allow alone is shorthand", () => {
    expect(tree("action_group my_read allow indices:data/read/*, indices:admin/mappings/get")).toEqual([
      {
        kind: "action_group",
        name: word("my_read"),
        flags: [],
        shorthand: true,
        clauses: [list("allow", "indices:data/read/*", "indices:admin/mappings/get")],
      },
    ]);
  });

  test("an action group with a block keeps its flags and clauses in order", () => {
    const source = 'action_group my_admin reserved {\n  description "cluster housekeeping"\n  type cluster\n  allow cluster:monitor/*, cluster:admin/settings/update\n}';
    expect(tree(source)).toEqual([
      {
        kind: "action_group",
        name: word("my_admin"),
        flags: [{ name: "reserved" }],
        shorthand: false,
        clauses: [text("description", "cluster housekeeping"), text("type", "cluster"), list("allow", "cluster:monitor/*", "cluster:admin/settings/update")],
      },
    ]);
  });

  test("a mapping names its role and takes flags", () => {
    expect(tree('mapping all_access reserved hidden {\n  description "maps the admin backend role"\n  backend_roles admin\n}')).toEqual([
      {
        kind: "mapping",
        name: word("all_access"),
        flags: [{ name: "reserved" }, { name: "hidden" }],
        clauses: [text("description", "maps the admin backend role"), list("backend_roles", "admin")],
      },
    ]);
  });

  test("a user without a block has no clauses", () => {
    expect(tree("user judy")).toEqual([{ kind: "user", name: word("judy"), flags: [], hasBlock: false, clauses: [] }]);
  });

  test("a user's attributes are name = value pairs", () => {
    const source = 'user judy {\n  hash "$2b$12$x"\n  backend_roles IT\n  roles readall\n  attributes dept = hr, "team.lead" = "yes"\n  mapped_to a, b\n}';
    expect(tree(source)).toEqual([
      {
        kind: "user",
        name: word("judy"),
        flags: [],
        hasBlock: true,
        clauses: [
          text("hash", "$2b$12$x"),
          list("backend_roles", "IT"),
          list("roles", "readall"),
          { kind: "attributes", pairs: [{ name: word("dept"), value: word("hr") }, { name: word("team.lead"), value: word("yes") }] },
          list("mapped_to", "a", "b"),
        ],
      },
    ]);
  });

  test("tenants with and without a block", () => {
    expect(tree('tenant human_resources { description "the HR tenant" }\ntenant analytics static')).toEqual([
      { kind: "tenant", name: word("human_resources"), flags: [], hasBlock: true, clauses: [text("description", "the HR tenant")] },
      { kind: "tenant", name: word("analytics"), flags: [{ name: "static" }], hasBlock: false, clauses: [] },
    ]);
  });

  test("an empty block is a block", () => {
    expect(tree("user u { }")).toEqual([{ kind: "user", name: word("u"), flags: [], hasBlock: true, clauses: [] }]);
  });
});

describe("role clauses", () => {
  const source = `role hr_reader {
  description "reads the HR indices, without salaries"
  cluster cluster_composite_ops_ro
  index hr-*, "hr-\${attr.internal.dept}" allow read {
    dls '{"term": {"department": "\${attr.internal.dept}"}}'
    fls ~salary, ~bonus
    mask ssn, "email::SHA-512"
  }
  index logs-* allow read, indices:admin/mappings/get
  tenant human_resources allow kibana_all_write
  users judy
  backend_roles hr
}`;

  test("the README's role parses into its clauses, in order", () => {
    expect(tree(source)).toEqual([
      {
        kind: "role",
        name: word("hr_reader"),
        flags: [],
        clauses: [
          text("description", "reads the HR indices, without salaries"),
          list("cluster", "cluster_composite_ops_ro"),
          {
            kind: "index",
            patterns: [word("hr-*"), word("hr-${attr.internal.dept}")],
            allow: list("allow", "read"),
            body: [
              text("dls", '{"term": {"department": "${attr.internal.dept}"}}'),
              list("fls", "~salary", "~bonus"),
              list("mask", "ssn", "email::SHA-512"),
            ],
          },
          { kind: "index", patterns: [word("logs-*")], allow: list("allow", "read", "indices:admin/mappings/get") },
          { kind: "tenant", patterns: [word("human_resources")], allow: list("allow", "kibana_all_write") },
          list("users", "judy"),
          list("backend_roles", "hr"),
        ],
      },
    ]);
  });

  test("allow may stand in an index entry's block instead of its first line", () => {
    expect(tree("role r { index a { allow read } }")).toEqual([
      { kind: "role", name: word("r"), flags: [], clauses: [{ kind: "index", patterns: [word("a")], body: [list("allow", "read")] }] },
    ]);
  });

  test("several clauses share a line, and a clause spans lines", () => {
    expect(tree("role r { cluster a, b users c\n  backend_roles d,\n    e }")).toEqual([
      { kind: "role", name: word("r"), flags: [], clauses: [list("cluster", "a", "b"), list("users", "c"), list("backend_roles", "d", "e")] },
    ]);
  });

  test("definitions follow each other on one line", () => {
    const items = tree("user a user b tenant t role r { }") as { kind: string }[];
    expect(items.map((item) => item.kind)).toEqual(["user", "user", "tenant", "role"]);
  });
});

describe("spans and comments", () => {
  const source = "# header\nrole r reserved { # trailing\n  index a, 'b' allow read\n}\n";
  const { document } = parseDocument(source);
  const role = document.items[0]!;

  test("a definition spans from its keyword to its closing brace", () => {
    expect(textOf(role.span)).toBe("role r reserved { # trailing\n  index a, 'b' allow read\n}");
  });

  test("names, flags and clauses are located", () => {
    if (role.kind !== "role") throw new Error("expected a role");
    const index = role.clauses[0]!;
    if (index.kind !== "index") throw new Error("expected an index clause");
    expect([at(role.name.span), at(role.flags[0]!.span), at(index.span)]).toEqual(["2:6", "2:8", "3:3"]);
    expect(index.patterns.map((p) => textOf(p.span))).toEqual(["a", "'b'"]);
    expect(textOf(index.allow?.span)).toBe("allow read");
    expect(textOf(index.span)).toBe("index a, 'b' allow read");
  });

  test("comments are kept with their text after the # and their place", () => {
    expect(document.comments.map((c) => [c.text, at(c.span)])).toEqual([
      [" header", "1:1"],
      [" trailing", "2:19"],
    ]);
  });
});
