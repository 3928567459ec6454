/**
 * Engines must decide every timed request as the table runtime does. The
 * runtime's decisions are computed once per R in a separate process (the
 * oracle) and compared here; a peer's streams are first restricted to the
 * requests it can express.
 */
import type { AuthorizationRequest } from "../../src/table/request.js";
import type { Engine } from "../engines/engine.js";
import type { RequestStream, StreamKind } from "../workload/streams.js";

/** The oracle's decisions: per stream kind (STREAM_KINDS order), "1" allow / "0" deny per request. */
export interface ExpectedDecisions {
  readonly warm: readonly string[];
  readonly cold: readonly (readonly string[])[];
}

/** Requests an engine is timed on, with the runtime's decision for each. */
export interface TimedStream {
  readonly kind: StreamKind;
  readonly requests: readonly AuthorizationRequest[];
  readonly expected: Uint8Array;
  /** Requests of the full stream left out because the engine cannot express them. */
  readonly leftOut: number;
}

export class DisagreementError extends Error {}

/** The runtime's decisions on a stream, as the oracle stores them. */
export function encodeDecisions(decide: (request: AuthorizationRequest) => boolean, stream: RequestStream): string {
  return stream.requests.map((request) => (decide(request) ? "1" : "0")).join("");
}

/**
 * A stream an engine can express less than this share of is not timed: what
 * would be left (requests that only look like the kind, such as denied ones
 * naming no matching index) does not stand for the kind.
 */
const REPRESENTATIVE_SHARE = 0.1;

/**
 * The requests of `stream` whose feature bits the engine supports, with their
 * expected decisions; none when that is under a tenth of the stream.
 */
export function restrict(stream: RequestStream, decisions: string, unsupported: number): TimedStream {
  if (decisions.length !== stream.requests.length) throw new Error(`oracle has ${decisions.length} decisions for ${stream.requests.length} ${stream.kind} requests`);
  const requests: AuthorizationRequest[] = [];
  const expected: number[] = [];
  stream.requests.forEach((request, i) => {
    if ((stream.features[i]! & unsupported) !== 0) return;
    requests.push(request);
    expected.push(decisions[i] === "1" ? 1 : 0);
  });
  if (requests.length < REPRESENTATIVE_SHARE * stream.requests.length) return { kind: stream.kind, requests: [], expected: new Uint8Array(0), leftOut: stream.requests.length };
  return { kind: stream.kind, requests, expected: Uint8Array.from(expected), leftOut: stream.requests.length - requests.length };
}

/** Throws unless the first `count` recorded decisions are the expected ones. */
export function verifyRecorded(engine: Engine, stream: TimedStream, recorded: Uint8Array, count: number): void {
  if (!engine.decides) return;
  for (let i = 0; i < count; i++) {
    if (recorded[i] !== stream.expected[i]) {
      const want = stream.expected[i] === 1 ? "allow" : "deny";
      throw new DisagreementError(`${engine.name} disagrees with the runtime on a ${stream.kind} request (runtime: ${want}): ${JSON.stringify(stream.requests[i])}`);
    }
  }
}

/**
 * Checks requests in order until all are checked or `budgetMs` is spent (but
 * at least `minimum`); returns how many agree — the prefix the engine will be
 * timed on. Throws at the first disagreement.
 */
export function checkPrefix(engine: Engine, stream: TimedStream, budgetMs: number, minimum: number): number {
  const recorded = new Uint8Array(stream.requests.length);
  const started = performance.now();
  let count = 0;
  while (count < stream.requests.length && (count < minimum || performance.now() - started < budgetMs)) {
    recorded[count] = engine.check(stream.requests[count]!) ? 1 : 0;
    count++;
  }
  verifyRecorded(engine, stream, recorded, count);
  return count;
}

/** The share of allowed requests among the first `count` expected decisions. */
export function allowedShare(stream: TimedStream, count: number): number {
  let allowed = 0;
  for (let i = 0; i < count; i++) allowed += stream.expected[i]!;
  return count === 0 ? 0 : allowed / count;
}
