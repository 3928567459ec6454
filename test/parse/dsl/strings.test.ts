import { expect, test } from "vitest";
import { decodeQuoted } from "../../../src/parse/dsl/strings.js";

test("JSON's escapes stand for their characters", () => {
  expect(decodeQuoted(String.raw`"\" \\ \/ \b \f \n \r \t"`).value).toBe('" \\ / \b \f \n \r \t');
});

test("\\uXXXX stands for a UTF-16 code unit", () => {
  expect(decodeQuoted(String.raw`"caf\u00e9 \uD83D\uDE00"`).value).toBe("café 😀");
});

test("\\' is an escape in both quote styles", () => {
  expect(decodeQuoted(String.raw`'it\'s'`).value).toBe("it's");
  expect(decodeQuoted(String.raw`"it\'s"`).value).toBe("it's");
});

test("a single-quoted string holds double quotes as they are", () => {
  expect(decodeQuoted(`'{"term": {"dept": "hr"}}'`).value).toBe('{"term": {"dept": "hr"}}');
});

test("a bad escape is listed and stands for its character", () => {
  const decoded = decodeQuoted(String.raw`"a\qb"`);
  expect(decoded.value).toBe("aqb");
  expect(decoded.badEscapes).toEqual([{ offset: 2, text: "\\q" }]);
});

test("\\u without four hex digits is a bad escape", () => {
  expect(decodeQuoted(String.raw`"\u12g4"`).badEscapes).toEqual([{ offset: 1, text: "\\u" }]);
});

test("an unterminated string has no closing quote to drop", () => {
  expect(decodeQuoted(`"abc`, false).value).toBe("abc");
  expect(decodeQuoted(`"`, false).value).toBe("");
});

test("the empty string decodes to nothing", () => {
  expect(decodeQuoted(`""`)).toEqual({ value: "", badEscapes: [] });
});
