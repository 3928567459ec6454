/**
 * Request streams: warm streams (a fixed list per kind, looped while timing)
 * and cold segments (long lists in which no (action, index) pair — for
 * cluster requests, which name no index, no (user, action) pair — appears
 * twice, across every segment of every kind, nor in any warm stream).
 */
import type { AuthorizationRequest } from "../../src/table/request.js";
import { deriveSeed, SeededRandom } from "./random.js";
import { REQUEST_KINDS, type DrawnRequest, type RequestFactory, type RequestKind } from "./requests.js";

/** A request kind, or the mixed stream of all kinds. */
export type StreamKind = RequestKind | "mixed";
export const STREAM_KINDS: readonly StreamKind[] = [...REQUEST_KINDS, "mixed"];

/** The share of each kind in the mixed stream. */
const MIXED_WEIGHTS: Readonly<Record<RequestKind, number>> = { cluster: 25, single: 30, multi: 15, wildcard: 20, regex: 5, attr: 5 };

export interface RequestStream {
  readonly kind: StreamKind;
  readonly requests: readonly AuthorizationRequest[];
  /** Feature bits per request (see requests.ts). */
  readonly features: Uint8Array;
}

export interface StreamSizes {
  /** Requests per warm stream of one kind (the mixed one has twice as many). */
  readonly warm: number;
  /** Requests per cold segment. */
  readonly coldSegment: number;
  /** Cold segments per kind: one warm-up pass, then one per timed pass. */
  readonly coldSegments: number;
}

/** A counter of fresh, all-digit index name suffixes, unique per stream. */
function suffixes(streamNumber: number): () => string {
  const prefix = String(streamNumber).padStart(4, "0");
  let next = 0;
  return () => `${prefix}${next++}`;
}

function drawKind(kind: StreamKind, random: SeededRandom): RequestKind {
  return kind === "mixed" ? random.weighted(MIXED_WEIGHTS) : kind;
}

/** One warm stream per kind. */
export function warmStreams(factory: RequestFactory, seed: number, sizes: StreamSizes): RequestStream[] {
  return STREAM_KINDS.map((kind, k) => {
    const random = new SeededRandom(deriveSeed(seed, `warm:${kind}`));
    const suffix = suffixes(k);
    const count = kind === "mixed" ? 2 * sizes.warm : sizes.warm;
    const requests: AuthorizationRequest[] = [];
    const features = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const drawn = factory.draw(drawKind(kind, random), factory.user(random), random, suffix);
      requests.push(drawn.request);
      features[i] = drawn.features;
    }
    return { kind, requests, features };
  });
}

/** What must not repeat in cold streams: each (action, index) pair, or for a cluster request its (user, action). */
function coldKeys(request: AuthorizationRequest): string[] {
  return request.indices ? request.indices.map((index) => `${request.action}\u0000${index}`) : [`${request.user.name}\u0001${request.action}`];
}

/**
 * Cold segments per kind, `coldSegments` each. A kind whose space of pairs
 * runs out (cluster actions, exact index names in small policies) gets
 * shorter segments: drawing stops after many repeats in a row, and what was
 * drawn is dealt out to the segments in turn so they stay the same length.
 * Pairs of the warm streams count as seen: engines loop the warm streams
 * first, to have the JIT warm before cold timing.
 */
export function coldStreams(factory: RequestFactory, seed: number, sizes: StreamSizes, warm: readonly RequestStream[]): Map<StreamKind, RequestStream[]> {
  const seen = new Set<string>(warm.flatMap((stream) => stream.requests.flatMap(coldKeys)));
  const result = new Map<StreamKind, RequestStream[]>();
  STREAM_KINDS.forEach((kind, k) => {
    const random = new SeededRandom(deriveSeed(seed, `cold:${kind}`));
    const pool = drawUnique(kind, factory, random, suffixes(100 + k), sizes.coldSegment * sizes.coldSegments, seen);
    const segments: RequestStream[] = [];
    for (let s = 0; s < sizes.coldSegments; s++) {
      const picked = pool.filter((_, i) => i % sizes.coldSegments === s);
      segments.push({ kind, requests: picked.map((d) => d.request), features: Uint8Array.from(picked, (d) => d.features) });
    }
    result.set(kind, segments);
  });
  return result;
}

/** Up to `size` requests whose cold keys were never drawn before (`seen` is shared by all kinds). */
function drawUnique(kind: StreamKind, factory: RequestFactory, random: SeededRandom, suffix: () => string, size: number, seen: Set<string>): DrawnRequest[] {
  const drawn: DrawnRequest[] = [];
  for (let misses = 0; drawn.length < size && misses < 200; ) {
    const request = factory.draw(drawKind(kind, random), factory.user(random), random, suffix);
    const keys = coldKeys(request.request);
    if (keys.some((key) => seen.has(key))) {
      misses++;
      continue;
    }
    for (const key of keys) seen.add(key);
    misses = 0;
    drawn.push(request);
  }
  return drawn;
}
