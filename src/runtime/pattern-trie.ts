/**
 * Wildcard-aware radix tries of the plugin's patterns, in flat arrays.
 *
 * A pattern's literal part (up to its first `*` or `?`) is a path from a
 * root; what the pattern accepts is stored on the node where that path ends:
 * an exact pattern as the node's `exact` payload, `abc*` as its `prefix`
 * payload (the bare `*` on the root), and any other glob as a "glob tail"
 * (`?x*y` of `ab?x*y`) matched against the rest of the name from that node.
 * Regexes and `${…}` templates are never in a trie; their owners keep them
 * aside. Payloads are numbers whose meaning belongs to the trie's owner (a
 * bit mask of index permissions, a pattern id + 1, a list id + 1); 0 means
 * none. Edge labels are never empty and the edges of a node are sorted by
 * their first code unit, so a walk tests one character before `startsWith`
 * and advances at least one character per step.
 *
 * Matching is by UTF-16 code units, exactly as `===`, `startsWith` and
 * `globMatches` compare; several tries may share one set of arrays (a forest).
 */
import { globMatchesAt } from "../patterns/pattern.js";

/** The JSON form of a trie (or a forest of tries): arrays of numbers and strings only. */
export interface PatternTrieData {
  /** Per node, the first of its edges; one item more than there are nodes. */
  readonly edgeStart: readonly number[];
  /** Per node, the first of its glob tails; one item more than there are nodes. */
  readonly globStart: readonly number[];
  /** Per node, the payload of the exact pattern spelled by its path. */
  readonly exact: readonly number[];
  /** Per node, the payload of the pattern `<path>*`. */
  readonly prefix: readonly number[];
  /** Per edge, its non-empty label. */
  readonly edgeLabels: readonly string[];
  /** Per edge, the node it leads to. */
  readonly edgeTargets: readonly number[];
  /** Per glob tail, the part of the pattern from its first wildcard on. */
  readonly globTails: readonly string[];
  readonly globPayloads: readonly number[];
}

/** Fields of a node record in `PatternTrie.cells`. */
const NODE_EDGES = 0;
const NODE_EDGE_COUNT = 1;
const NODE_GLOBS = 2;
const NODE_GLOBS_END = 3;
const NODE_EXACT = 4;
const NODE_PREFIX = 5;
const NODE_SIZE = 6;
/** Fields of an edge record in `PatternTrie.cells`. */
const EDGE_FIRST = 0;
const EDGE_LENGTH = 1;
const EDGE_TARGET = 2;
const EDGE_LABEL = 3;
const EDGE_SIZE = 4;

/**
 * A trie ready to walk, in one array of cells: each trie of a forest is one
 * block holding its node records (six cells), then its edge records (four:
 * first code unit, length, position of the target node, position of the
 * label), then the code units of its labels. A walk reads a few neighbouring
 * cache lines, however large the forest.
 */
export class PatternTrie {
  readonly cells: Int32Array;
  readonly globTails: readonly string[];
  readonly globPayloads: Int32Array;
  /** Per node id of the JSON form, the position of its record in `cells`. */
  private readonly nodeAt: Int32Array;

  /** `roots` are the node ids where the tries of a forest start (the one trie of most users starts at 0). */
  constructor(data: PatternTrieData, roots: readonly number[] = [0]) {
    const nodeCount = data.exact.length;
    const starts = [...new Set([0, ...roots])].filter((n) => n < nodeCount).sort((a, b) => a - b);
    const size = nodeCount * NODE_SIZE + data.edgeLabels.length * EDGE_SIZE + data.edgeLabels.reduce((n, label) => n + label.length, 0);
    this.cells = new Int32Array(size);
    this.nodeAt = new Int32Array(nodeCount);
    const edgeAt = new Int32Array(data.edgeLabels.length);
    let at = 0;
    starts.forEach((first, k) => (at = layOutBlock(data, first, starts[k + 1] ?? nodeCount, at, this.nodeAt, edgeAt, this.cells)));
    for (let n = 0; n < nodeCount; n++) this.writeNode(data, n, edgeAt);
    data.edgeTargets.forEach((target, e) => (this.cells[edgeAt[e]! + EDGE_TARGET] = this.nodeAt[target]!));
    this.globTails = data.globTails;
    this.globPayloads = Int32Array.from(data.globPayloads);
  }

  /** The position of a node's record, where a walk from that node starts. */
  positionOf(node: number): number {
    return this.nodeAt[node]!;
  }

  private writeNode(data: PatternTrieData, n: number, edgeAt: Int32Array): void {
    const at = this.nodeAt[n]!;
    const firstEdge = data.edgeStart[n]!;
    this.cells[at + NODE_EDGES] = firstEdge < edgeAt.length ? edgeAt[firstEdge]! : 0;
    this.cells[at + NODE_EDGE_COUNT] = data.edgeStart[n + 1]! - firstEdge;
    this.cells[at + NODE_GLOBS] = data.globStart[n]!;
    this.cells[at + NODE_GLOBS_END] = data.globStart[n + 1]!;
    this.cells[at + NODE_EXACT] = data.exact[n]!;
    this.cells[at + NODE_PREFIX] = data.prefix[n]!;
  }
}

/**
 * Places the block of the trie made of nodes `first` … `end - 1` from `at`:
 * node positions, then edge records (first code unit, length, label cells),
 * then label code units. Returns the position after the block.
 */
function layOutBlock(data: PatternTrieData, first: number, end: number, at: number, nodeAt: Int32Array, edgeAt: Int32Array, cells: Int32Array): number {
  for (let n = first; n < end; n++) nodeAt[n] = at + (n - first) * NODE_SIZE;
  const firstEdge = data.edgeStart[first]!;
  const endEdge = data.edgeStart[end]!;
  let labelAt = at + (end - first) * NODE_SIZE + (endEdge - firstEdge) * EDGE_SIZE;
  for (let e = firstEdge; e < endEdge; e++) {
    const label = data.edgeLabels[e]!;
    const edge = at + (end - first) * NODE_SIZE + (e - firstEdge) * EDGE_SIZE;
    edgeAt[e] = edge;
    cells[edge + EDGE_FIRST] = label.charCodeAt(0);
    cells[edge + EDGE_LENGTH] = label.length;
    cells[edge + EDGE_LABEL] = labelAt;
    for (let i = 0; i < label.length; i++) cells[labelAt++] = label.charCodeAt(i);
  }
  return labelAt;
}

/**
 * Whether some pattern of the trie whose root record is at `root` and whose
 * payload shares a bit with `want` matches `name`. The hot path of an index
 * check.
 */
export function trieMatchesAny(trie: PatternTrie, root: number, name: string, want: number): boolean {
  const cells = trie.cells;
  let at = root;
  let pos = 0;
  for (;;) {
    if ((cells[at + NODE_PREFIX]! & want) !== 0) return true;
    for (let g = cells[at + NODE_GLOBS]!; g < cells[at + NODE_GLOBS_END]!; g++) {
      if ((trie.globPayloads[g]! & want) !== 0 && globMatchesAt(trie.globTails[g]!, name, pos)) return true;
    }
    if (pos === name.length) return (cells[at + NODE_EXACT]! & want) !== 0;
    const edge = trieEdgeAt(cells, at, name, pos);
    if (edge < 0) return false;
    pos += cells[edge + EDGE_LENGTH]!;
    at = cells[edge + EDGE_TARGET]!;
  }
}

/** Appends the payload of every pattern of the trie whose root record is at `root` that matches `name`. */
export function trieCollect(trie: PatternTrie, root: number, name: string, into: number[]): void {
  const cells = trie.cells;
  let at = root;
  let pos = 0;
  for (;;) {
    if (cells[at + NODE_PREFIX]! !== 0) into.push(cells[at + NODE_PREFIX]!);
    for (let g = cells[at + NODE_GLOBS]!; g < cells[at + NODE_GLOBS_END]!; g++) {
      if (globMatchesAt(trie.globTails[g]!, name, pos)) into.push(trie.globPayloads[g]!);
    }
    if (pos === name.length) {
      if (cells[at + NODE_EXACT]! !== 0) into.push(cells[at + NODE_EXACT]!);
      return;
    }
    const edge = trieEdgeAt(cells, at, name, pos);
    if (edge < 0) return;
    pos += cells[edge + EDGE_LENGTH]!;
    at = cells[edge + EDGE_TARGET]!;
  }
}

/**
 * The position of the edge record of the node at `at` whose label `name`
 * continues with at `pos`, or -1. Labels of one node differ in their first
 * code unit, so only the edge that passes the one-character test is compared
 * further. (A label may begin or end inside a surrogate pair; code units
 * compare all the same.)
 */
function trieEdgeAt(cells: Int32Array, at: number, name: string, pos: number): number {
  const c = name.charCodeAt(pos);
  let edge = cells[at + NODE_EDGES]!;
  const count = cells[at + NODE_EDGE_COUNT]!;
  const end = edge + count * EDGE_SIZE;
  if (count > 8) edge = firstEdgeNotBelow(cells, edge, count, c);
  for (; edge < end; edge += EDGE_SIZE) {
    const first = cells[edge + EDGE_FIRST]!;
    if (first < c) continue;
    return first === c && labelFollows(cells, edge, name, pos) ? edge : -1;
  }
  return -1;
}

/** Whether the rest of the label (its first code unit already matched) follows in `name`. */
function labelFollows(cells: Int32Array, edge: number, name: string, pos: number): boolean {
  const length = cells[edge + EDGE_LENGTH]!;
  if (pos + length > name.length) return false;
  const label = cells[edge + EDGE_LABEL]!;
  for (let i = 1; i < length; i++) if (name.charCodeAt(pos + i) !== cells[label + i]) return false;
  return true;
}

/** Binary search in the sorted first code units of a node's `count` edges from `from`. */
function firstEdgeNotBelow(cells: Int32Array, from: number, count: number, c: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[from + mid * EDGE_SIZE + EDGE_FIRST]! < c) lo = mid + 1;
    else hi = mid;
  }
  return from + lo * EDGE_SIZE;
}
