import { describe, expect, it } from "vitest";
import { formatName, formatString } from "../../../src/emit/dsl/dsl-words.js";
import { NASTY_NAMES } from "../nasty-names.js";
import { parseClean } from "./dsl-print-helpers.js";

/** The names of a `users` clause, read back from text. */
function readNames(list: string): string[] {
  const document = parseClean(`role r { users ${list} }`);
  const role = document.items[0];
  const clause = role?.kind === "role" ? role.clauses[0] : undefined;
  return clause?.kind === "list" ? clause.items.map((item) => item.value) : [];
}

describe("formatName", () => {
  it.each(NASTY_NAMES.map((name) => [JSON.stringify(name), name]))("writes %s so that it reads back unchanged", (_, name) => {
    expect(readNames(formatName(name))).toEqual([name]);
  });

  it("reads every name back unchanged in one list", () => {
    expect(readNames(NASTY_NAMES.map(formatName).join(", "))).toEqual(NASTY_NAMES);
  });

  it("writes words bare", () => {
    expect(["indices:data/read/search*", "logs-*", ".kibana", "~salary", "email::SHA-512", "/logs-.*/", "a|b&c^d!e%f@g+h?i"].map(formatName)).toEqual([
      "indices:data/read/search*",
      "logs-*",
      ".kibana",
      "~salary",
      "email::SHA-512",
      "/logs-.*/",
      "a|b&c^d!e%f@g+h?i",
    ]);
  });

  it("quotes keywords", () => {
    expect(["role", "users", "allow", "index", "tenant", "reserved", "import"].map(formatName)).toEqual([
      '"role"',
      '"users"',
      '"allow"',
      '"index"',
      '"tenant"',
      '"reserved"',
      '"import"',
    ]);
  });

  it("quotes what is not a word: spaces, templates, commas, hashes, the empty name", () => {
    expect(["a b", "${user.name}", "a,b", "#x", ""].map(formatName)).toEqual(['"a b"', '"${user.name}"', '"a,b"', '"#x"', '""']);
  });
});

describe("formatString", () => {
  it("uses single quotes for text with a double quote and no single quote", () => {
    expect(formatString('{"term": {"dept": "hr"}}')).toBe(`'{"term": {"dept": "hr"}}'`);
  });

  it("escapes the double quote when the text holds both quotes", () => {
    expect(formatString(`it's "x"`)).toBe(`"it's \\"x\\""`);
  });

  it("escapes backslashes, line breaks and control characters", () => {
    expect(formatString("a\\b\nc\rd\te\u0001")).toBe('"a\\\\b\\nc\\rd\\te\\u0001"');
  });

  it("escapes U+2028, U+2029, the byte order mark and lone surrogates, and keeps surrogate pairs", () => {
    expect(formatString("\u2028\u2029\ufeff\ud800x😀")).toBe('"\\u2028\\u2029\\uFEFF\\uD800x😀"');
  });
});
