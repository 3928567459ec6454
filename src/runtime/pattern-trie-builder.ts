/**
 * Builds the flat tries of `pattern-trie.ts`: patterns are inserted into a
 * radix tree of plain objects, then written out node by node, each trie of a
 * forest in one contiguous block so that a walk touches little memory.
 */
import type { Pattern } from "../patterns/pattern.js";
import type { PatternTrieData } from "./pattern-trie.js";

/** Where a pattern lives in a trie: the node of its literal part, and how it accepts there. */
export interface TrieKey {
  readonly literal: string;
  readonly slot: "exact" | "prefix" | "glob";
  /** For globs, the pattern from its first wildcard on. */
  readonly tail: string;
}

/** The trie key of a parsed pattern; undefined for the kinds a trie cannot hold (`none`, `regex`). */
export function trieKeyOf(pattern: Pattern): TrieKey | undefined {
  switch (pattern.kind) {
    case "all":
      return { literal: "", slot: "prefix", tail: "" };
    case "exact":
      return { literal: pattern.value, slot: "exact", tail: "" };
    case "prefix":
      return { literal: pattern.prefix, slot: "prefix", tail: "" };
    case "glob": {
      const wildcard = pattern.glob.search(/[*?]/);
      return { literal: pattern.glob.slice(0, wildcard), slot: "glob", tail: pattern.glob.slice(wildcard) };
    }
    case "none":
    case "regex":
      return undefined;
  }
}

interface DraftNode {
  edges: DraftEdge[];
  exact: number;
  prefix: number;
  globs: { tail: string; payload: number }[];
}

interface DraftEdge {
  label: string;
  target: DraftNode;
}

function draftNode(): DraftNode {
  return { edges: [], exact: 0, prefix: 0, globs: [] };
}

/**
 * Collects tries (one per `startTrie`) and writes them into one set of
 * arrays. Each (trie, key) may be given one payload; callers merge payloads
 * of equal patterns first, so a second one is a bug and throws.
 */
export class PatternTrieBuilder {
  private readonly roots: DraftNode[] = [];

  /** Starts a new trie; later `add` calls go into it. Returns its position among the roots. */
  startTrie(): number {
    this.roots.push(draftNode());
    return this.roots.length - 1;
  }

  add(key: TrieKey, payload: number): void {
    if (payload === 0) throw new RangeError("a trie payload must not be 0");
    const root = this.roots[this.roots.length - 1];
    if (root === undefined) throw new Error("startTrie() must come before add()");
    const node = descend(root, key.literal);
    if (key.slot === "glob") {
      if (node.globs.some((g) => g.tail === key.tail)) throw new Error(`glob \`${key.literal}${key.tail}\` added twice`);
      node.globs.push({ tail: key.tail, payload });
    } else {
      if (node[key.slot] !== 0) throw new Error(`pattern \`${key.literal}\` (${key.slot}) added twice`);
      node[key.slot] = payload;
    }
  }

  /** The arrays, and the node id of each trie's root in the order they were started. */
  build(): { data: PatternTrieData; roots: number[] } {
    const out = { edgeStart: [] as number[], globStart: [] as number[], exact: [] as number[], prefix: [] as number[] };
    const edges = { edgeLabels: [] as string[], edgeTargets: [] as number[], globTails: [] as string[], globPayloads: [] as number[] };
    const order: DraftNode[] = [];
    const ids = new Map<DraftNode, number>();
    const roots = this.roots.map((root) => numberBreadthFirst(root, order, ids));
    for (const node of order) {
      out.edgeStart.push(edges.edgeLabels.length);
      out.globStart.push(edges.globTails.length);
      out.exact.push(node.exact);
      out.prefix.push(node.prefix);
      for (const edge of sortedEdges(node)) {
        edges.edgeLabels.push(edge.label);
        edges.edgeTargets.push(ids.get(edge.target)!);
      }
      for (const glob of node.globs) {
        edges.globTails.push(glob.tail);
        edges.globPayloads.push(glob.payload);
      }
    }
    out.edgeStart.push(edges.edgeLabels.length);
    out.globStart.push(edges.globTails.length);
    return { data: { ...out, ...edges }, roots };
  }
}

/** Gives the nodes of one trie consecutive ids, breadth first, and returns the root's id. */
function numberBreadthFirst(root: DraftNode, order: DraftNode[], ids: Map<DraftNode, number>): number {
  const first = order.length;
  ids.set(root, first);
  order.push(root);
  for (let i = first; i < order.length; i++) {
    for (const edge of sortedEdges(order[i]!)) {
      ids.set(edge.target, order.length);
      order.push(edge.target);
    }
  }
  return first;
}

function sortedEdges(node: DraftNode): DraftEdge[] {
  // Labels of one node differ in their first code unit (edges sharing one are split).
  return node.edges.sort((a, b) => a.label.charCodeAt(0) - b.label.charCodeAt(0));
}

/** The node at the end of `literal`, creating and splitting edges as needed. */
function descend(root: DraftNode, literal: string): DraftNode {
  let node = root;
  let rest = literal;
  while (rest.length > 0) {
    let shared = 0;
    const edge = node.edges.find((e) => (shared = sharedLength(e.label, rest)) > 0);
    if (edge === undefined) {
      const target = draftNode();
      node.edges.push({ label: rest, target });
      return target;
    }
    if (shared < edge.label.length) splitEdge(edge, shared);
    node = edge.target;
    rest = rest.slice(shared);
  }
  return node;
}

/** Cuts an edge after `at` code units, inserting a node there. */
function splitEdge(edge: DraftEdge, at: number): void {
  const middle = draftNode();
  middle.edges.push({ label: edge.label.slice(at), target: edge.target });
  edge.label = edge.label.slice(0, at);
  edge.target = middle;
}

/** The length of the common prefix of two labels, in code units. */
function sharedLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}
