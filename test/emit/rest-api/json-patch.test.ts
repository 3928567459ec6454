/**
 * `policyDiffPatches`: for random pairs of policies, the generated JSON Patch
 * documents, applied with a well-kept JSON Patch library (fast-json-patch) to
 * the old policy's API documents, give the new policy's; and sent as console
 * requests on top of the old policy, they give the new policy's decision table.
 */
import fc from "fast-check";
import jsonpatch from "fast-json-patch";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { apiDocuments, emitPatchScript, policyDiffPatches } from "../../../src/emit/rest-api/index.js";
import { compile, readPolicyModel } from "../../../src/index.js";
import type { PolicyModel } from "../../../src/model/types.js";
import { builtinNames } from "../../../src/parse/rest-api/builtin-names.js";
import { policyArb, policyFiles, type PolicySpec } from "../../helpers/arbitraries.js";
import { policyModelArb } from "../../property/policy-model-arbitrary.js";

type Documents = Record<string, Record<string, unknown>>;

/** The API documents of a policy, per type, as one JSON object of entries by name. */
function documentsOf(model: PolicyModel): Documents {
  const documents: Documents = {};
  for (const { type, documents: list } of apiDocuments(model, new DiagnosticSink())) {
    const entries: Record<string, unknown> = {};
    for (const document of list) Object.defineProperty(entries, document.name, { value: document.body, enumerable: true, writable: true, configurable: true });
    documents[type] = entries;
  }
  return documents;
}

/** JSON with object keys sorted: entries are a map, their order is not part of the policy. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
}

describe("the JSON Patch between two policies", () => {
  it("turns the old policy's API documents into the new one's, applied with fast-json-patch", () => {
    fc.assert(
      fc.property(policyModelArb(), policyModelArb(), (before, after) => {
        const patched = documentsOf(before);
        for (const { type, operations } of policyDiffPatches(before, after)) {
          // Names such as `__proto__` are plain data here: the library's prototype guard is off.
          patched[type] = jsonpatch.applyPatch(patched[type] ?? {}, jsonpatch.deepClone(operations) as jsonpatch.Operation[], true, true, false).newDocument;
        }
        expect(canonical(patched)).toBe(canonical(documentsOf(after)));
      }),
      { numRuns: 200 },
    );
  });

  it("is empty between a policy and itself", () => {
    fc.assert(
      fc.property(policyModelArb(), (model) => {
        expect(policyDiffPatches(model, model)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("changes only the fields that differ", () => {
    const read = (text: string) => readPolicyModel({ files: [{ path: "roles.yml", text: `_meta: {type: "roles", config_version: 2}\n${text}` }] }).model;
    const before = read(`r1: {cluster_permissions: ["a"], description: "x"}\nr2: {cluster_permissions: []}\n`);
    const after = read(`r1: {cluster_permissions: ["a", "b"]}\nr3: {cluster_permissions: []}\n`);
    expect(policyDiffPatches(before, after)).toEqual([
      {
        type: "roles",
        operations: [
          { op: "remove", path: "/r2" },
          { op: "remove", path: "/r1/description" },
          { op: "add", path: "/r1/cluster_permissions", value: ["a", "b"] },
          { op: "add", path: "/r3", value: { cluster_permissions: [], index_permissions: [], tenant_permissions: [] } },
        ],
      },
    ]);
  });

  it("sent as console requests on top of the old policy, gives the new policy's decision table", () => {
    const builtins = builtinNames("roles");
    const acceptable = (spec: PolicySpec): PolicySpec => {
      const roles = spec.roles.filter((role) => !builtins.has(role.name)).map((role) => ({ ...role, flags: {} }));
      const names = new Set([...roles.map((role) => role.name), ...builtins]);
      const mappings = spec.mappings.filter((mapping) => names.has(mapping.role)).map((mapping) => ({ ...mapping, flags: {} }));
      const actionGroups = spec.actionGroups.filter((group) => !names.has(group.name) && !group.allowed_actions.includes(group.name)).map((group) => ({ ...group, flags: {} }));
      return { roles, mappings, actionGroups, tenants: spec.tenants };
    };
    const files = (spec: PolicySpec) => Object.entries(policyFiles(spec)).map(([path, text]) => ({ path, text }));
    let compared = 0;
    fc.assert(
      fc.property(policyArb().map(acceptable), policyArb().map(acceptable), (old, now) => {
        const oldFiles = files(old);
        const expected = compile({ files: files(now) }, { module: false }).outputs?.["policy.json"];
        if (expected === undefined || compile({ files: oldFiles }, { module: false }).outputs === undefined) return;
        const sink = new DiagnosticSink();
        const script = emitPatchScript(readPolicyModel({ files: oldFiles }).model, readPolicyModel({ files: files(now) }).model, "console", sink);
        const result = compile({ files: [{ path: "patch.console", text: script }], base: oldFiles }, { module: false });
        expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`), script).toEqual([]);
        expect(result.outputs?.["policy.json"], script).toBe(expected);
        compared++;
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
