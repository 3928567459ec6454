/**
 * Action classes: action names of one kind (cluster or index) that match
 * exactly the same action patterns of the policy are interchangeable for
 * every privilege check, so they share a class. The names the policy spells
 * out are classified at compile time; any other name is classified once, at
 * run time, through the same trie of the policy's action patterns.
 */
import { compilePattern, parsePattern, type Matcher } from "../patterns/pattern.js";
import { isClusterAction } from "../rules/actions.js";
import { offsets } from "./flat-lists.js";
import { PatternTrieBuilder, trieKeyOf } from "./pattern-trie-builder.js";
import { PatternTrie, trieCollect, type PatternTrieData } from "./pattern-trie.js";

/** The JSON form of the action trie and the compile-time action classes. */
export interface ActionLookup {
  /** The action patterns but regexes; root 0; payload: pattern id + 1. */
  readonly trie: PatternTrieData;
  /** Ids of the `/…/` action patterns, tested one by one. */
  readonly regexPatterns: readonly number[];
  /** Class `i` is the sorted pattern ids `classPatterns[classStart[i]]` … `classPatterns[classStart[i + 1] - 1]`. */
  readonly classStart: readonly number[];
  readonly classPatterns: readonly number[];
  /** Per class, 1 for cluster actions, 0 for index actions. */
  readonly classCluster: readonly number[];
  /** The policy's exact action patterns (the action names it spells out), and the class of each. */
  readonly knownNames: readonly string[];
  readonly knownClasses: readonly number[];
}

/** The action patterns of a policy, ready to tell which of them match a name. */
export class ActionPatternIndex {
  private readonly trie: PatternTrie;
  private readonly regexIds: readonly number[];
  private readonly regexes: readonly Matcher[];

  constructor(lookup: Pick<ActionLookup, "trie" | "regexPatterns">, actionPatterns: readonly string[]) {
    this.trie = new PatternTrie(lookup.trie);
    this.regexIds = lookup.regexPatterns;
    this.regexes = lookup.regexPatterns.map((id) => compilePattern(actionPatterns[id]!));
  }

  /** The ids of the patterns that match `name`, sorted. */
  matching(name: string): number[] {
    const payloads: number[] = [];
    trieCollect(this.trie, this.trie.positionOf(0), name, payloads);
    const ids = payloads.map((payload) => payload - 1);
    for (let i = 0; i < this.regexes.length; i++) if (this.regexes[i]!(name)) ids.push(this.regexIds[i]!);
    return ids.sort((a, b) => a - b);
  }
}

/** The key that identifies a class: its kind and its patterns. */
export function actionClassKey(cluster: boolean, patterns: readonly number[]): string {
  return `${cluster ? "c" : "i"}${patterns.join(",")}`;
}

/** The action trie and the classes of the names the policy spells out. */
export function buildActionLookup(actionPatterns: readonly string[]): ActionLookup {
  const builder = new PatternTrieBuilder();
  builder.startTrie();
  const regexPatterns: number[] = [];
  const knownNames: string[] = [];
  actionPatterns.forEach((pattern, id) => {
    const parsed = parsePattern(pattern);
    const key = trieKeyOf(parsed);
    if (key) builder.add(key, id + 1);
    else if (parsed.kind === "regex") regexPatterns.push(id);
    if (parsed.kind === "exact") knownNames.push(parsed.value);
  });
  const trie = builder.build().data;
  const index = new ActionPatternIndex({ trie, regexPatterns }, actionPatterns);
  const classes: { cluster: boolean; patterns: number[] }[] = [];
  const classIds = new Map<string, number>();
  const knownClasses = knownNames.map((name) => {
    const cluster = isClusterAction(name);
    const patterns = index.matching(name);
    const key = actionClassKey(cluster, patterns);
    let id = classIds.get(key);
    if (id === undefined) {
      classIds.set(key, (id = classes.length));
      classes.push({ cluster, patterns });
    }
    return id;
  });
  return {
    trie,
    regexPatterns,
    classStart: offsets(classes.map((c) => c.patterns.length)),
    classPatterns: classes.flatMap((c) => c.patterns),
    classCluster: classes.map((c) => (c.cluster ? 1 : 0)),
    knownNames,
    knownClasses,
  };
}
