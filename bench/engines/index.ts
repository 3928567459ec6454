/** Builds an engine by name (each in its own process; see worker.ts). */
import { caslEngine } from "./casl.js";
import { casbinEngine } from "./casbin.js";
import { cedarEngine } from "./cedar.js";
import type { EngineContext, EngineName, EngineOrAbsence } from "./engine.js";
import { mapGetEngine, moduleEngine, referenceEngine, runtimeEngine, runtimeProvenanceEngine } from "./policyc.js";

export async function createEngine(name: EngineName, context: EngineContext): Promise<EngineOrAbsence> {
  switch (name) {
    case "module":
      return moduleEngine(context);
    case "runtime":
      return runtimeEngine(context);
    case "runtime_prov":
      return runtimeProvenanceEngine(context);
    case "reference":
      return referenceEngine(context);
    case "map_get":
      return mapGetEngine(context);
    case "casl":
      return caslEngine(context);
    case "casbin":
      return casbinEngine(context);
    case "cedar":
      return cedarEngine(context);
  }
}
