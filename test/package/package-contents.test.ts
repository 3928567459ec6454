/**
 * The published package: `npm pack` ships what policyc needs to run and
 * nothing else (no sources, tests, source maps or examples), and the packed
 * package, unpacked beside only its declared dependencies, compiles and
 * checks a policy. Needs `npm run build` first (`npm test` does it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly PackedFile[];
}

/** What may be shipped: the command, the compiled code, and the files it reads or publishes. */
const SHIPPED_FOLDERS = ["bin/", "dist/", "data/", "schemas/", "grammar/"];
/** What npm adds by itself. */
const SHIPPED_FILES = ["package.json", "README.md", "LICENSE"];
/** A package of several megabytes would mean that something unplanned went in (out/, examples/, node_modules/). */
const MAX_UNPACKED_BYTES = 5 * 1024 * 1024;

let scratch: string;
let packed: PackResult;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "policyc-package-"));
  // --ignore-scripts: `prepare` would build again; the suite has built dist/ already.
  const result = spawnSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm pack exited ${result.status}: ${result.stderr}`);
  packed = (JSON.parse(result.stdout) as PackResult[])[0]!;
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const paths = () => packed.files.map((file) => file.path);

describe("the package npm publishes", () => {
  it("holds only the command, the compiled code, its data, schemas and grammar", () => {
    const unexpected = paths().filter((path) => !SHIPPED_FILES.includes(path) && !SHIPPED_FOLDERS.some((folder) => path.startsWith(folder)));
    expect(unexpected).toEqual([]);
  });

  it("holds no sources, tests, source maps or build leftovers", () => {
    expect(paths().filter((path) => /\.map$|\.tsbuildinfo$|\.test\.|(^|\/)test\/|(^|\/)src\/|\.ts$/.test(path) && !path.endsWith(".d.ts"))).toEqual([]);
  });

  it("holds every file policyc reads at run time", () => {
    const shipped = new Set(paths());
    const needed = [
      "bin/policyc.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/runtime/index.js",
      "dist/runtime/index.d.ts",
      "dist/emit/module/runtime-bundle.json",
      ...readdirSync(join(ROOT, "data"), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length).replace(/\\/g, "/").replace(/^\//, "")),
      ...readdirSync(join(ROOT, "schemas")).filter((name) => name.endsWith(".json")).map((name) => `schemas/${name}`),
    ];
    expect(needed.filter((path) => !shipped.has(path))).toEqual([]);
  });

  // tsc never deletes: the output of a source file that was renamed or removed stays in dist/ and would ship.
  it("holds no compiled file whose source is gone", () => {
    const orphans = paths()
      .filter((path) => path.startsWith("dist/") && path.endsWith(".js"))
      .filter((path) => !existsSync(join(ROOT, "src", path.slice("dist/".length).replace(/\.js$/, ".ts"))));
    expect(orphans, "rebuild from scratch: rm -rf dist && npm run build").toEqual([]);
  });

  it(`stays under ${MAX_UNPACKED_BYTES / 1024 / 1024} MB unpacked`, () => {
    expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
  });

  it(
    "compiles and checks a policy when unpacked beside only its declared dependencies",
    () => {
      const installed = join(scratch, "app", "node_modules");
      mkdirSync(installed, { recursive: true });
      const tar = spawnSync("tar", ["-xzf", join(scratch, packed.filename), "-C", installed], { encoding: "utf8" });
      expect(tar.status, tar.stderr).toBe(0);
      const policyc = join(installed, "policyc");
      symlinkSync(join(installed, "package"), policyc, "dir");
      // Each declared dependency links to the project's copy; their own dependencies resolve from there.
      const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
      for (const name of Object.keys(manifest.dependencies)) {
        mkdirSync(join(installed, name, ".."), { recursive: true });
        symlinkSync(join(ROOT, "node_modules", name), join(installed, name), "dir");
      }
      const example = join(ROOT, "examples", "bulk-permissions");
      const out = join(scratch, "app", "out");
      const run = (args: string[]) => spawnSync(process.execPath, [join(policyc, "bin", "policyc.js"), ...args], { cwd: join(scratch, "app"), encoding: "utf8" });

      const compiled = run(["compile", example, "--out", out, "--js"]);
      expect(compiled.status, compiled.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(["policy.d.ts", "policy.js", "policy.json", "policy.ts"]);

      const checked = run(["check", example, "--requests", join(example, "requests.jsonl")]);
      expect(checked.status, checked.stderr).toBe(0);
      expect(checked.stdout).toBe(readFileSync(join(example, "expected.jsonl"), "utf8"));
    },
    60_000,
  );
});
