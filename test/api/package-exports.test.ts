/**
 * policyc as a dependency: a fresh ESM project with policyc in its node_modules imports it by package name,
 * through the `exports` map of package.json (built `dist/`: run `npm run build` first). JavaScript runs it,
 * TypeScript (NodeNext resolution) type-checks it with the declared types.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = join(PACKAGE_ROOT, "node_modules", "typescript", "bin", "tsc");

const FILES = [
  { path: "roles.yml", text: '_meta: {type: "roles", config_version: 2}\nreader:\n  cluster_permissions: [cluster_monitor]\n' },
  { path: "roles_mapping.yml", text: '_meta: {type: "rolesmapping", config_version: 2}\nreader:\n  users: [judy]\n' },
];
const BROKEN = [{ path: "roles.yml", text: '_meta: {type: "roles", config_version: 2}\nr: []\n' }];

const CONSUMER_JS = `
import { compile, validate, formatDiagnostics } from "policyc";
import { loadTable } from "policyc/runtime";
import rolesSchema from "policyc/schemas/roles.schema.json" with { type: "json" };

const result = compile({ files: ${JSON.stringify(FILES)} });
const policy = loadTable(result.table);
const broken = validate({ files: ${JSON.stringify(BROKEN)} });
console.log(JSON.stringify({
  outputs: Object.keys(result.outputs).sort(),
  decision: policy.authorize({ user: { name: "judy" }, action: "cluster:monitor/health" }).decision,
  errors: broken.diagnostics.map((d) => d.code),
  sarif: JSON.parse(formatDiagnostics(broken.diagnostics, "sarif")).runs[0].results.length,
  schema: rolesSchema.$id,
}));
`;

const CONSUMER_TS = `
import { compile, formatDiagnostics, validate, type CompileInput, type CompileOptions, type CompileResult, type Diagnostic, type DiagnosticFormat } from "policyc";
import { loadTable, type Decision } from "policyc/runtime";

const input: CompileInput = { files: [{ path: "roles.yml", text: "" }], settings: { path: "opensearch.yml", text: "" } };
const options: CompileOptions = { module: true, js: false };
const result: CompileResult = compile(input, options);
const diagnostics: readonly Diagnostic[] = validate(input).diagnostics;
const where: number | undefined = diagnostics[0]?.span?.file.lineColumn(diagnostics[0].span.start).line;
const format: DiagnosticFormat = "sarif";
const text: string = formatDiagnostics(diagnostics, format, { baseDirectory: "/" });
const decision: Decision | undefined = result.table ? loadTable(result.table).authorize({}) : undefined;
// @ts-expect-error: there is no such format
formatDiagnostics(diagnostics, "xml");
export { decision, text, where };
`;

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "policyc-consumer-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(PACKAGE_ROOT, join(project, "node_modules", "policyc"), "dir");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
  writeFileSync(join(project, "consumer.js"), CONSUMER_JS);
  writeFileSync(join(project, "consumer.ts"), CONSUMER_TS);
  const compilerOptions = { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, types: [], skipLibCheck: false };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

test("an ESM project imports the compiler, the runtime and the schemas by package name", () => {
  const run = spawnSync(process.execPath, ["consumer.js"], { cwd: project, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual({
    outputs: ["policy.json", "policy.ts"],
    decision: "allow",
    errors: ["PC2007"],
    sarif: 1,
    schema: "https://policyc.dev/schemas/roles.schema.json",
  });
});

// With `skipLibCheck: false`, as a strict consumer has it, the declarations policyc ships are checked too (slow).
test("a TypeScript project gets the API's types through the exports map", { timeout: 60_000 }, () => {
  const run = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project, encoding: "utf8" });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});
