/**
 * scripts/bundle-runtime.mjs: the runtime as one scope, in dependency order,
 * refusing loudly what a plain concatenation would get wrong; and the
 * bundle the emitter reads (dist/) is the one src/runtime gives now.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleRuntime, bundleRuntimes } from "../../../scripts/bundle-runtime.mjs";
import { MODULE_TOP_LEVEL_NAMES } from "../../../src/emit/module/module-names.js";
import { RUNTIME_BUNDLE_PATH, typeDeclarationsOf } from "../../../src/emit/module/runtime-bundle.js";
import { ROOT } from "../../helpers/cli.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A source tree in a temporary directory; the entry is `index.ts`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "policyc-bundle-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const bundleOf = (files: Record<string, string>, reservedNames = new Set<string>()) => bundleRuntime({ root: tree(files), entry: "index.ts", reservedNames });

const LEAF = "/** A leaf module. */\n\n/** Twice. */\nexport function twice(n: number): number {\n  return 2 * n;\n}\n";

describe("bundling the runtime", () => {
  it("puts every module after the modules it imports, without imports and `export`, comments kept", () => {
    const bundle = bundleOf({
      "index.ts": 'import { twice } from "./math/twice.js";\nimport type { Shape } from "./shape.js";\n\nexport const four: Shape = { size: twice(2) };\n',
      "math/twice.ts": LEAF,
      "shape.ts": "// Shapes.\nexport interface Shape {\n  readonly size: number;\n}\n",
    });
    expect(bundle.modules).toEqual(["math/twice.ts", "shape.ts", "index.ts"]);
    expect(bundle.typeScript).toBe(
      "// ----- math/twice.ts\n\n/** A leaf module. */\n\n/** Twice. */\nfunction twice(n: number): number {\n  return 2 * n;\n}\n\n" +
        "// ----- shape.ts\n\n// Shapes.\ninterface Shape {\n  readonly size: number;\n}\n\n" +
        "// ----- index.ts\n\nconst four: Shape = { size: twice(2) };\n",
    );
    expect(bundle.javaScript).toContain("function twice(n) {");
    expect(bundle.javaScript).not.toMatch(/interface|: number|export/);
    expect(bundle.topLevelNames).toEqual(["Shape", "four", "twice"]);
  });

  it("leaves out declarations that nothing the entry exports reaches, with their comments", () => {
    const bundle = bundleOf({
      "index.ts": 'import { twice } from "./names.js";\n\nexport const four = twice(2);\n',
      "names.ts": '/** Used. */\nexport function twice(n: number): number {\n  return 2 * n;\n}\n\n/** Shared with the compiler only. */\nexport const COMPILER_ONLY = "x";\n',
    });
    expect(bundle.typeScript).not.toContain("COMPILER_ONLY");
    expect(bundle.typeScript).not.toContain("Shared with the compiler only");
    expect(bundle.topLevelNames).toEqual(["four", "twice"]);
  });

  it("follows a plain re-export and drops it", () => {
    const bundle = bundleOf({
      "index.ts": 'export { twice } from "./twice.js";\nexport type { Shape } from "./shape.js";\n',
      "twice.ts": LEAF,
      "shape.ts": "export type Shape = { size: number };\n",
    });
    expect(bundle.modules).toEqual(["twice.ts", "shape.ts", "index.ts"]);
    expect(bundle.typeScript).not.toContain("from");
  });

  it("records each interface and type alias with its own JSDoc and the types it refers to", () => {
    const bundle = bundleOf({
      "index.ts": "/** The file. */\n\nexport interface Box {\n  readonly shape: Shape;\n}\n\n/** A shape. */\nexport type Shape = { size: Size };\ntype Size = number;\n",
    });
    expect(bundle.typeDeclarations).toEqual({
      Box: { doc: "", text: "interface Box {\n  readonly shape: Shape;\n}", references: ["Shape"] },
      Shape: { doc: "/** A shape. */", text: "type Shape = { size: Size };", references: ["Size"] },
      Size: { doc: "", text: "type Size = number;", references: [] },
    });
    const declarations = typeDeclarationsOf(bundle, ["Box"]).map((d) => d.text.split(" ")[1]);
    expect(declarations).toEqual(["Box", "Shape", "Size"]);
  });

  it.each([
    [
      "a name declared in two modules",
      { "index.ts": 'import { twice } from "./twice.js";\nconst twice2 = twice;\nfunction helper() {}\n', "twice.ts": LEAF + "function helper() {}\n" },
      /`helper` is declared in both twice\.ts and index\.ts/,
    ],
    ["`export *`", { "index.ts": 'export * from "./twice.js";\n', "twice.ts": LEAF }, /index\.ts:1: `export \*` cannot be bundled/],
    ["a default export", { "index.ts": "export default function f() {}\n" }, /default exports cannot be bundled/],
    ["`export default` of a value", { "index.ts": "const a = 1;\nexport default a;\n" }, /index\.ts:2: default exports cannot be bundled/],
    ["a namespace import", { "index.ts": 'import * as t from "./twice.js";\nt.twice(1);\n', "twice.ts": LEAF }, /namespace imports/],
    ["a default import", { "index.ts": 'import twice from "./twice.js";\n', "twice.ts": LEAF }, /default imports/],
    ["a renamed import", { "index.ts": 'import { twice as double } from "./twice.js";\ndouble(1);\n', "twice.ts": LEAF }, /renamed import `twice as double`/],
    ["a renamed re-export", { "index.ts": 'export { twice as double } from "./twice.js";\n', "twice.ts": LEAF }, /renamed export `twice as double`/],
    ["an import of a package", { "index.ts": 'import { readFileSync } from "node:fs";\n' }, /only its own relative modules, not `node:fs`/],
    ["an import of a missing module", { "index.ts": 'import { x } from "./missing.js";\n' }, /`\.\/missing\.js` names no file/],
  ])("refuses %s", (_what, files, message) => {
    expect(() => bundleOf(files)).toThrow(message);
  });

  it("refuses a top-level name the generated module declares itself", () => {
    expect(() => bundleOf({ "index.ts": "export function createAuthorizer() {}\n" }, new Set(MODULE_TOP_LEVEL_NAMES))).toThrow(
      /index\.ts: top-level name `createAuthorizer` is declared by the generated module itself/,
    );
  });

  it("has written both bundles of the current src/runtime under dist/ (run `npm run build` if not)", () => {
    const written: unknown = JSON.parse(readFileSync(join(ROOT, RUNTIME_BUNDLE_PATH), "utf8"));
    expect(written).toEqual(bundleRuntimes({ reservedNames: new Set(MODULE_TOP_LEVEL_NAMES) }));
  });

  it("bundles the lean runtime from decider.ts, without the explain modules", () => {
    const { lean, explaining } = bundleRuntimes({ reservedNames: new Set(MODULE_TOP_LEVEL_NAMES) });
    expect(lean.entry).toBe("src/runtime/decider.ts");
    expect(explaining.entry).toBe("src/runtime/index.ts");
    expect(lean.topLevelNames).toContain("loadDecider");
    expect(lean.topLevelNames).not.toContain("explainRequest");
    expect(explaining.topLevelNames).toContain("explainRequest");
  });
});
