/**
 * What the benchmark times: an engine decides a request allow/deny. Every
 * engine is built in its own process from the same workload.
 */
import type { AuthorizationRequest } from "../../src/table/request.js";
import type { Workload } from "../workload/workload.js";

export const ENGINE_NAMES = ["module", "runtime", "runtime_prov", "reference", "casl", "casbin", "cedar", "map_get"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface Engine {
  readonly name: EngineName;
  /** Whether the request is allowed. */
  check(request: AuthorizationRequest): boolean;
  /** Feature bits (requests.ts) of the requests this engine cannot express; they are left out of its streams. */
  readonly unsupported: number;
  /** False for the `Map.get` floor, which decides nothing and is not compared. */
  readonly decides: boolean;
  /** How the policy is encoded and what it cannot express, for the report. */
  readonly notes: readonly string[];
}

/** Where the compile step left its outputs for this R. */
export interface CompiledArtifacts {
  /** policy.json (the decision table). */
  readonly tablePath: string;
  /** The same decision table compiled with provenance (`compile(input, { provenance: true })`). */
  readonly provenanceTablePath: string;
  /** policy.js (the generated module), when the compiler emits one. */
  readonly modulePath: string | undefined;
}

export interface EngineContext {
  readonly workload: Workload;
  readonly artifacts: CompiledArtifacts;
}

/** An engine, or why it cannot run (e.g. the compiler does not emit a module yet). */
export type EngineOrAbsence = Engine | { readonly absent: string };
