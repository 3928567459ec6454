/**
 * The oracle job: the table runtime's decision on every request of every
 * stream, computed in a process of its own (so that no timed engine has
 * seen a request before its cold pass) and stored as expected.json.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadTable } from "policyc/runtime";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { encodeDecisions, type ExpectedDecisions } from "../measure/agreement.js";
import { STREAM_KINDS, type StreamKind } from "../workload/streams.js";
import { buildWorkload } from "../workload/workload.js";
import type { OracleJob, OracleReport, StreamReport } from "./job.js";

function share(decisions: string): number {
  return decisions.length === 0 ? 0 : [...decisions].filter((d) => d === "1").length / decisions.length;
}

export function runOracleJob(job: OracleJob): OracleReport {
  const workload = buildWorkload(job.roles, job.seed, job.sizes);
  const policy = loadTable(JSON.parse(readFileSync(join(job.dir, "policy.json"), "utf8")) as unknown);
  const decide = (request: AuthorizationRequest) => policy.authorize(request).decision === "allow";
  const expected: ExpectedDecisions = {
    warm: workload.warm.map((stream) => encodeDecisions(decide, stream)),
    cold: STREAM_KINDS.map((kind) => (workload.cold.get(kind) ?? []).map((segment) => encodeDecisions(decide, segment))),
  };
  writeFileSync(join(job.dir, "expected.json"), JSON.stringify(expected));
  const warm: Partial<Record<StreamKind, StreamReport>> = {};
  const cold: Partial<Record<StreamKind, { segments: number[] }>> = {};
  STREAM_KINDS.forEach((kind, k) => {
    warm[kind] = { requests: expected.warm[k]!.length, allowed_share: share(expected.warm[k]!) };
    cold[kind] = { segments: expected.cold[k]!.map((segment) => segment.length) };
  });
  return { warm, cold };
}
