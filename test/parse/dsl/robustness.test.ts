/** Pathological input: the parser never throws, and stops at its limits with a diagnostic. */
import { expect, test } from "vitest";
import { MAX_SYNTAX_ERRORS } from "../../../src/parse/dsl/error-budget.js";
import { MAX_BLOCK_DEPTH } from "../../../src/parse/dsl/nesting.js";
import { parseDocument, parseModel } from "./helpers.js";

test("blocks nested deeper than the limit are reported once, and the text before them is read", () => {
  const depth = 5_000;
  const { document, diagnostics } = parseDocument(`role a { }\nrole r { ${"index a { ".repeat(depth)}${"}".repeat(depth)} }`);
  expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
    ["PC1010", `blocks nest deeper than ${MAX_BLOCK_DEPTH} levels; the rest of the file is not read`],
  ]);
  expect(document.items.map((item) => item.kind)).toEqual(["role", "role"]);
});

test("the parser stops after too many syntax errors, and says so", () => {
  const { diagnostics } = parseDocument("x user a\n".repeat(20_000));
  expect(diagnostics).toHaveLength(MAX_SYNTAX_ERRORS + 1);
  expect(diagnostics.at(-1)?.message).toBe(`too many syntax errors (${MAX_SYNTAX_ERRORS}); the rest of the file is not read`);
});

test("many errors inside one block do not exhaust the stack", () => {
  expect(() => parseModel(`role r {\n${"x users a\n".repeat(5_000)}}`)).not.toThrow();
});

test("the budget starts afresh for each file", () => {
  const { diagnostics } = parseModel({ "a.policy": "x user a\n".repeat(300), "b.policy": "y\nrole b { }" });
  expect(diagnostics.filter((d) => d.span?.file.path === "b.policy").map((d) => d.message)).toEqual([
    "unexpected `y`: expected one of `import`, `settings`, `action_group`, `role`, `mapping`, `user`, `tenant`",
  ]);
});

test("binary garbage is reported without throwing", () => {
  const garbage = Array.from({ length: 4_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join("");
  expect(() => parseModel(garbage)).not.toThrow();
});
