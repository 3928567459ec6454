import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sameDslDocument } from "../../../src/emit/dsl/same-document.js";
import { format, parseClean } from "./dsl-print-helpers.js";

const fixturesDir = join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(fixturesDir)
  .filter((name) => name.endsWith(".policy"))
  .sort();
const fixture = (name: string) => readFileSync(join(fixturesDir, name), "utf8");

describe.each(fixtures)("printing %s", (name) => {
  it("gives the golden canonical text", async () => {
    await expect(format(fixture(name))).toMatchFileSnapshot(`../../golden/dsl-print/${name}`);
  });

  it("changes nothing when printed again", () => {
    const once = format(fixture(name));
    expect(format(once)).toBe(once);
  });

  it("reads back to the same definitions, clauses and comments", () => {
    const original = parseClean(fixture(name));
    expect(sameDslDocument(parseClean(format(fixture(name))), original)).toBe(true);
  });
});

describe("the canonical layout", () => {
  it("separates definitions by one blank line and indents clauses by two spaces", () => {
    expect(format("role a { cluster x users u }\n\n\n\nrole b {cluster y}")).toBe("role a {\n  cluster x\n  users u\n}\n\nrole b {\n  cluster y\n}\n");
  });

  it("joins a list written over several lines into one line with items separated by comma and space", () => {
    expect(format("role a {\n  cluster x ,\n    y,z\n}")).toBe("role a {\n  cluster x, y, z\n}\n");
  });

  it("puts several clauses written on one line on lines of their own", () => {
    expect(format("user u { hash h backend_roles b roles r }")).toBe("user u {\n  hash \"h\"\n  backend_roles b\n  roles r\n}\n");
  });

  it("prints an action group whose only clause is allow on one line", () => {
    expect(format("action_group g reserved {\n  allow read, write\n}")).toBe("action_group g reserved allow read, write\n");
  });

  it("prints a user or tenant without clauses on one line, without braces", () => {
    expect(format("user u {}\ntenant t { }")).toBe("user u\n\ntenant t\n");
  });

  it("keeps the braces of a role without clauses on the role's line", () => {
    expect(format("role r\n{\n}")).toBe("role r {}\n");
  });

  it("keeps the order of definitions and clauses as written", () => {
    expect(format("tenant t\nrole r { users u cluster c }\naction_group g allow a")).toBe("tenant t\n\nrole r {\n  users u\n  cluster c\n}\n\naction_group g allow a\n");
  });

  it("keeps allow in an index block when it was written there", () => {
    expect(format("role r { index i { allow read } }")).toBe("role r {\n  index i {\n    allow read\n  }\n}\n");
  });

  it("drops the braces of an empty index block", () => {
    expect(format("role r { index i allow read {} }")).toBe("role r {\n  index i allow read\n}\n");
  });

  it("writes strings in double quotes unless the text holds a double quote and no single quote", () => {
    expect(format(`role r { description 'plain' dls "{\\"a\\": 1}" }`)).toBe(`role r {\n  description "plain"\n  dls '{"a": 1}'\n}\n`);
    expect(format(`role r { description 'both \\' and "' }`)).toBe(`role r {\n  description "both ' and \\""\n}\n`);
  });

  it("writes words bare and quotes names that are keywords", () => {
    expect(format(`role "users" { users "hr-*", "allow", 'a b' }`)).toBe(`role "users" {\n  users hr-*, "allow", "a b"\n}\n`);
  });

  it("writes the word after type bare even when it is a keyword", () => {
    expect(format(`action_group g { type "index" allow a }`)).toBe("action_group g {\n  type index\n  allow a\n}\n");
  });

  it("quotes a setting text that would read as a boolean", () => {
    expect(format(`settings { config.dynamic.kibana.server_username = "false" }`)).toBe(`settings {\n  config.dynamic.kibana.server_username = "false"\n}\n`);
  });

  it("prints an empty file as empty text", () => {
    expect(format("\n\n")).toBe("");
  });
});

describe("comments", () => {
  it("keeps a comment on its own line before the definition or clause it preceded", () => {
    expect(format("# about r\nrole r {\n    # about c\n  cluster c\n}")).toBe("# about r\nrole r {\n  # about c\n  cluster c\n}\n");
  });

  it("keeps a comment after code at the end of the printed line holding that code", () => {
    expect(format("role r { # open\n  cluster c # clause\n} # close")).toBe("role r { # open\n  cluster c # clause\n} # close\n");
  });

  it("moves a comment from the middle of a list before the clause", () => {
    expect(format("role r {\n  users a,\n    # about b\n    b\n}")).toBe("role r {\n  # about b\n  users a, b\n}\n");
  });

  it("moves a comment after a list item to the end of the clause's line", () => {
    expect(format("role r {\n  users a, # about a\n    b\n}")).toBe("role r {\n  users a, b # about a\n}\n");
  });

  it("keeps a comment before a closing brace inside the block", () => {
    expect(format("role r {\n  cluster c\n# last\n}")).toBe("role r {\n  cluster c\n  # last\n}\n");
  });

  it("keeps the braces of an empty block that holds a comment", () => {
    expect(format("role r {\n  # later\n}\nuser u { # none yet\n}")).toBe("role r {\n  # later\n}\n\nuser u { # none yet\n}\n");
  });

  it("keeps a blank line after a top-level comment that had one", () => {
    expect(format("# header\n\n\n# about r\nrole r {}")).toBe("# header\n\n# about r\nrole r {}\n");
  });

  it("keeps the comments at the end of the file after a blank line", () => {
    expect(format("role r {}\n# the end\n\n")).toBe("role r {}\n\n# the end\n");
  });

  it("keeps a file of comments only", () => {
    expect(format("  # one\n# two\n")).toBe("# one\n# two\n");
  });

  it("drops trailing spaces of a comment but keeps its text as written", () => {
    expect(format("role r {} #tight   \n")).toBe("role r {} #tight\n");
  });
});
