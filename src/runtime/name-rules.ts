/**
 * A set of name patterns, each with a payload: exact names in a hash table
 * (one lookup touches far less memory than a walk down a trie of thousands
 * of names), the other wildcard patterns in a trie, and a short list for
 * regexes, which are tested one by one (they cost only in the policies that
 * have them). Role mappings and system index settings use it.
 */
import { compilePattern, parsePattern, type Matcher } from "../patterns/pattern.js";
import { PatternTrieBuilder, trieKeyOf } from "./pattern-trie-builder.js";
import { PatternTrie, trieCollect, trieMatchesAny, type PatternTrieData } from "./pattern-trie.js";

/** The JSON form of a set of name patterns. */
export interface NameRulesData {
  /** Patterns without wildcards, with their payloads. */
  readonly exactNames: readonly string[];
  readonly exactPayloads: readonly number[];
  /** The other wildcard patterns: one trie, root 0. */
  readonly trie: PatternTrieData;
  /** `/…/` patterns as written, with their payloads. */
  readonly regexPatterns: readonly string[];
  readonly regexPayloads: readonly number[];
}

/**
 * Builds the data for distinct patterns with their payloads (non-zero).
 * Patterns that match nothing (blank, an invalid regex) are left out.
 */
export function buildNameRules(patterns: readonly (readonly [pattern: string, payload: number])[]): NameRulesData {
  const builder = new PatternTrieBuilder();
  builder.startTrie();
  const exactNames: string[] = [];
  const exactPayloads: number[] = [];
  const regexPatterns: string[] = [];
  const regexPayloads: number[] = [];
  for (const [pattern, payload] of patterns) {
    const parsed = parsePattern(pattern);
    const key = trieKeyOf(parsed);
    if (parsed.kind === "exact") {
      exactNames.push(parsed.value);
      exactPayloads.push(payload);
    } else if (key) builder.add(key, payload);
    else if (parsed.kind === "regex") {
      regexPatterns.push(pattern);
      regexPayloads.push(payload);
    }
  }
  return { exactNames, exactPayloads, trie: builder.build().data, regexPatterns, regexPayloads };
}

/** Name patterns ready to match. */
export class NameRules {
  private readonly exact: ReadonlyMap<string, number>;
  private readonly trie: PatternTrie;
  private readonly root: number;
  private readonly regexes: readonly Matcher[];
  private readonly regexPayloads: readonly number[];

  constructor(data: NameRulesData) {
    this.exact = new Map(data.exactNames.map((name, i) => [name, data.exactPayloads[i]!]));
    this.trie = new PatternTrie(data.trie);
    this.root = this.trie.positionOf(0);
    this.regexes = data.regexPatterns.map(compilePattern);
    this.regexPayloads = data.regexPayloads;
  }

  /** Appends the payload of every pattern that matches `name`. */
  collect(name: string, into: number[]): void {
    const exact = this.exact.get(name);
    if (exact !== undefined) into.push(exact);
    trieCollect(this.trie, this.root, name, into);
    for (let i = 0; i < this.regexes.length; i++) if (this.regexes[i]!(name)) into.push(this.regexPayloads[i]!);
  }

  /** Whether any pattern matches `name`. */
  matches(name: string): boolean {
    if (this.exact.has(name) || trieMatchesAny(this.trie, this.root, name, -1)) return true;
    for (const regex of this.regexes) if (regex(name)) return true;
    return false;
  }
}
