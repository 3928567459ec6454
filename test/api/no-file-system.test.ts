/**
 * The programmatic API compiles texts, not files: it reads nothing of the user's and writes nothing. It
 * reads only policyc's own package files (built-in configuration, schemas, runtime bundle, version), once per
 * process. Every node:fs call the compiler makes is recorded to check this.
 */
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { compile, formatDiagnostics, validate, type CompileInput } from "../../src/index.js";

const fsCalls = vi.hoisted(() => [] as { name: string; target: string }[]);

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  const recorded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(actual)) {
    // Functions only; classes (Stats, Dirent, …) start with a capital letter.
    recorded[name] =
      typeof value === "function" && /^[a-z]/.test(name)
        ? (...args: unknown[]) => {
            fsCalls.push({ name, target: String(args[0]) });
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value;
  }
  return { ...recorded, default: recorded };
});

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const packageFile = (target: string) => {
  const path = target.startsWith("file:") ? fileURLToPath(target) : resolve(target);
  return ["data/", "schemas/", "dist/", "package.json"].some((inside) => path.startsWith(resolve(PACKAGE_ROOT, inside)));
};

// Paths that exist nowhere: reading any of them would throw.
const INPUT: CompileInput = {
  files: [
    { path: "/nonexistent/policy/roles.yml", text: '_meta: {type: "roles", config_version: 2}\nreader:\n  cluster_permissions: [cluster_monitor]\n' },
    { path: "/nonexistent/policy/roles_mapping.yml", text: '_meta: {type: "rolesmapping", config_version: 2}\nreader:\n  users: [judy]\n' },
  ],
  settings: { path: "/nonexistent/opensearch.yml", text: "plugins.security.system_indices.enabled: true\n" },
};
const BROKEN: CompileInput = { files: [{ path: "/nonexistent/roles.yml", text: '_meta: {type: "roles", config_version: 2}\nr: {cluster_permission: []}\n' }] };

beforeEach(() => {
  fsCalls.length = 0;
});

describe("compile and validate take texts under paths that do not exist", () => {
  test("compile returns the table and every output", () => {
    const result = compile(INPUT, { js: true });
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.outputs ?? {}).sort()).toEqual(["policy.d.ts", "policy.js", "policy.json", "policy.ts"]);
    expect(result.table).toBeDefined();
  });

  test("validate returns the diagnostics at their places", () => {
    const [diagnostic] = validate(BROKEN).diagnostics;
    expect(diagnostic).toMatchObject({ code: "PC2006", severity: "error" });
    expect(formatDiagnostics(validate(BROKEN).diagnostics, "text")).toBe(
      "/nonexistent/roles.yml:2:5: error PC2006: unknown key `cluster_permission` in role `r`; did you mean `cluster_permissions`?\n",
    );
  });
});

describe("the file system", () => {
  test("a fresh compiler reads policyc's own package files, nothing else, and writes nothing", async () => {
    vi.resetModules(); // a new copy of the compiler, whose package files are not read yet
    const api = await import("../../src/index.js");
    api.compile(INPUT, { js: true });
    api.formatDiagnostics(api.validate(BROKEN).diagnostics, "sarif");
    expect(fsCalls.filter((call) => call.name !== "readFileSync")).toEqual([]);
    expect(fsCalls.filter((call) => !packageFile(call.target))).toEqual([]);
    const read = fsCalls.map((call) => relative(PACKAGE_ROOT, fileURLToPath(call.target)).split(sep).join("/")).sort();
    // Among them, so the recording is known to work:
    expect(read).toEqual(expect.arrayContaining(["data/opensearch/static_roles.yml", "package.json", "schemas/roles.schema.json"]));
  });

  test("once those are read, compiling, validating and formatting touch no file at all", () => {
    compile(INPUT, { js: true });
    formatDiagnostics(validate(BROKEN).diagnostics, "sarif");
    fsCalls.length = 0;
    compile(INPUT, { js: true });
    validate(BROKEN);
    for (const format of ["text", "json", "sarif"] as const) formatDiagnostics(validate(BROKEN).diagnostics, format);
    expect(fsCalls).toEqual([]);
  });
});
