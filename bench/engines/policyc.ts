/**
 * policyc's engines (the table runtime and the generated module), the
 * reference evaluator, and the floor: a bare `Map.prototype.get` on the
 * action name.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { loadTable } from "policyc/runtime";
import { readReferencePolicy, referenceAuthorize } from "../../test/reference-evaluator.js";
import type { AuthorizationRequest, Decision } from "../../src/table/request.js";
import type { Engine, EngineContext, EngineOrAbsence } from "./engine.js";

/** `loadTable` (dist/runtime) on the compiled decision table. */
export function runtimeEngine(context: EngineContext): Engine {
  const policy = loadTable(JSON.parse(readFileSync(context.artifacts.tablePath, "utf8")) as unknown);
  return {
    name: "runtime",
    check: (request) => policy.authorize(request).decision === "allow",
    unsupported: 0,
    decides: true,
    notes: ["`loadTable` from dist/runtime on the table `compile()` emitted"],
  };
}

/**
 * `loadTable` on the same table compiled with provenance: provenance is data
 * for `explain`, which decisions never read, so this should cost what
 * `runtime` costs.
 */
export function runtimeProvenanceEngine(context: EngineContext): Engine {
  const table = JSON.parse(readFileSync(context.artifacts.provenanceTablePath, "utf8")) as { provenance?: unknown };
  if (table.provenance === undefined) throw new Error("the table compiled with provenance has none");
  const policy = loadTable(table);
  return {
    name: "runtime_prov",
    check: (request) => policy.authorize(request).decision === "allow",
    unsupported: 0,
    decides: true,
    notes: ["`loadTable` from dist/runtime on the table compiled with `provenance: true` (same decisions, more data)"],
  };
}

interface GeneratedModule {
  authorize(request: AuthorizationRequest): Decision;
}

function isGeneratedModule(value: unknown): value is GeneratedModule {
  return typeof value === "object" && value !== null && typeof (value as { authorize?: unknown }).authorize === "function";
}

/** The generated module's `authorize`, imported from the file the compile step wrote. */
export async function moduleEngine(context: EngineContext): Promise<EngineOrAbsence> {
  const path = context.artifacts.modulePath;
  if (path === undefined) return { absent: "compile(input, { js: true }) emits no policy.js" };
  const imported: unknown = await import(pathToFileURL(path).href);
  if (!isGeneratedModule(imported)) return { absent: "policy.js exports no authorize function" };
  const authorize = imported.authorize;
  return {
    name: "module",
    check: (request) => authorize(request).decision === "allow",
    unsupported: 0,
    decides: true,
    notes: ["the generated policy.js (compile(input, { js: true })), imported from a temporary file"],
  };
}

/** test/reference-evaluator.ts: loops over mappings, roles, entries and patterns on every request. */
export function referenceEngine(context: EngineContext): Engine {
  const policy = readReferencePolicy(context.workload.texts);
  return {
    name: "reference",
    check: (request) => referenceAuthorize(policy, request).decision === "allow",
    unsupported: 0,
    decides: true,
    notes: ["test/reference-evaluator.ts on the YAML read once (js-yaml); no caches"],
  };
}

/** The floor: one `Map.get` on the action string, nothing decided. */
export function mapGetEngine(context: EngineContext): Engine {
  const vocabulary = context.workload.vocabulary;
  const ids = new Map<string, number>([...vocabulary.cluster, ...vocabulary.index].map((name, id) => [name, id]));
  return {
    name: "map_get",
    check: (request) => ids.get(request.action) !== undefined,
    unsupported: 0,
    decides: false,
    notes: ["a Map of every requestable action name; one get per request"],
  };
}
