/** `import`: paths resolved against the importing file, and imports of files not given. */
import { expect, test } from "vitest";
import { dslImports } from "../../../src/parse/dsl/index.js";
import { at, parseDocument, parseModel, summary } from "./helpers.js";

function importsOf(text: string, fromPath: string): string[] {
  return dslImports(parseDocument(text, fromPath).document, fromPath).map((target) => target.path);
}

test("an import is resolved against the importing file's directory", () => {
  expect(importsOf('import "common.policy"\nimport ../shared/x.policy', "policies/app.policy")).toEqual(["policies/common.policy", "shared/x.policy"]);
});

test("a file in the current directory imports by bare name", () => {
  expect(importsOf('import "./common.policy"', "app.policy")).toEqual(["common.policy"]);
});

test("an import may climb above a relative starting point", () => {
  expect(importsOf('import "../up.policy"', "app.policy")).toEqual(["../up.policy"]);
});

test("an absolute import stays absolute, normalized", () => {
  expect(importsOf('import "/etc/policy/../base.policy"', "/srv/app.policy")).toEqual(["/etc/base.policy"]);
});

test("each import keeps the span of its path", () => {
  const { document } = parseDocument('\nimport "a.policy"', "x.policy");
  expect(dslImports(document, "x.policy").map((target) => at(target.span))).toEqual(["2:8"]);
});

test("an import of a file that is given is fine, however its path is spelled", () => {
  const { model, diagnostics } = parseModel({ "dir/app.policy": 'import "./common.policy"\nrole a { }', "./dir/common.policy": "role b { }" });
  expect(diagnostics).toEqual([]);
  expect(model.roles.map((role) => role.name.value)).toEqual(["a", "b"]);
});

test("an import of a file that is not given is an error at the import", () => {
  const { diagnostics } = parseModel({ "app.policy": 'role a { }\nimport "missing.policy"' });
  expect(summary(diagnostics)).toEqual(["PC1009 2:8"]);
  expect(diagnostics[0]?.message).toBe("imported file `missing.policy` is not part of the input");
});
