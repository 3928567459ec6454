/**
 * A script's requests, in order, on top of a base policy: the entries of the
 * five configuration endpoints change as the API would change them, the
 * cluster settings that decide requests too, and every other request is
 * skipped with a note.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { Settings } from "../../model/settings.js";
import type { YamlNode } from "../yaml/yaml-nodes.js";
import type { ApiRequest } from "./api-request.js";
import type { ApiState } from "./api-state.js";
import { applyClusterSettings } from "./cluster-settings.js";
import { applyEntityRequest } from "./entity-requests.js";
import { parseJsonTree } from "./json-tree.js";
import { requestTarget } from "./request-target.js";

const READS = new Set(["GET", "HEAD"]);

export function applyRequests(requests: readonly ApiRequest[], state: ApiState, settings: Settings, sink: DiagnosticSink): Settings {
  let current = settings;
  for (const request of requests) {
    const target = requestTarget(request);
    if (target.kind === "bad-name") {
      sink.report("PC2101", "the name in the URL is not valid percent-encoding", target.nameSpan);
      continue;
    }
    if (target.kind === "other" || (target.kind === "cluster-settings" && request.method !== "PUT")) {
      if (!READS.has(request.method)) {
        const path = target.kind === "other" ? target.path : "_cluster/settings";
        sink.report("PC2103", `${code(`${request.method} ${path}`)} does not change the policy; policyc skips it`, request.span);
      }
      continue;
    }
    if (READS.has(request.method)) continue;
    const body = readBody(request, sink);
    if (body === null) continue;
    if (target.kind === "cluster-settings") {
      if (body) current = applyClusterSettings(current, body, sink);
      else sink.report("PC2101", "`PUT _cluster/settings` needs a body", request.span);
      continue;
    }
    applyEntityRequest(state, { request, endpoint: target.endpoint, ...(target.name !== undefined ? { name: target.name } : {}), nameSpan: target.nameSpan, ...(body ? { body } : {}) }, sink);
  }
  reportHosts(requests, sink);
  return current;
}

/** The body as JSON; undefined when there is none, null when it is not JSON (reported). */
function readBody(request: ApiRequest, sink: DiagnosticSink): YamlNode | undefined | null {
  if (!request.body || request.body.text.trim() === "") return undefined;
  return parseJsonTree(request.body, sink) ?? null;
}

/** Requests to two clusters (the seed's local and remote cluster) still make one policy: say so once. */
function reportHosts(requests: readonly ApiRequest[], sink: DiagnosticSink): void {
  const first = requests.find((request) => request.host !== undefined);
  const other = requests.find((request) => request.host !== undefined && request.host !== first?.host);
  if (!first || !other) return;
  sink.report("PC2113", `requests go to ${code(first.host!)} and ${code(other.host!)}; policyc applies them all to one policy`, other.span, {
    help: "give each cluster's requests to policyc separately to see each cluster's policy",
  });
}
