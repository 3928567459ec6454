/**
 * The table's index patterns, compiled once. Patterns with `${…}` are
 * rendered with the requesting user's attributes and only then parsed (a
 * substituted `*` acts as a wildcard, as in the plugin); rendered patterns
 * are compiled once per distinct text, in a bounded cache.
 */
import { compilePattern, isTemplate, parsePattern, type Matcher } from "../patterns/pattern.js";
import { AttributeRenderError, renderAttributes, type AttributeSubject } from "../patterns/user-attributes.js";
import { BoundedCache, cached } from "./bounded-cache.js";

interface PoolEntry {
  readonly raw: string;
  /** Set for patterns without `${…}`. */
  readonly matcher: Matcher | undefined;
  readonly universal: boolean;
}

export class IndexPatternPool {
  private readonly entries: readonly PoolEntry[];
  private readonly rendered: BoundedCache<string, { matcher: Matcher; universal: boolean }>;

  constructor(patterns: readonly string[], cacheSize: number) {
    this.entries = patterns.map((raw) =>
      isTemplate(raw)
        ? { raw, matcher: undefined, universal: false }
        : { raw, matcher: compilePattern(raw), universal: parsePattern(raw).kind === "all" },
    );
    this.rendered = new BoundedCache(cacheSize);
  }

  /** Whether pattern `id` matches the index name for this user. */
  matches(id: number, index: string, subject: AttributeSubject): boolean {
    const entry = this.entries[id]!;
    if (entry.matcher) return entry.matcher(index);
    return this.renderedPattern(entry.raw, subject).matcher(index);
  }

  /** Whether pattern `id` covers every index (`*`), which a request on all indices needs. */
  isUniversal(id: number, subject: AttributeSubject): boolean {
    const entry = this.entries[id]!;
    if (entry.matcher) return entry.universal;
    return this.renderedPattern(entry.raw, subject).universal;
  }

  /**
   * A matcher for any pattern text of the policy (tenant patterns too),
   * rendered for this user and compiled once per distinct rendered text.
   */
  matcherFor(pattern: string, subject: AttributeSubject): Matcher {
    return this.renderedPattern(pattern, subject).matcher;
  }

  private renderedPattern(raw: string, subject: AttributeSubject): { matcher: Matcher; universal: boolean } {
    const text = renderTemplate(raw, subject);
    if (text === undefined) return NEVER;
    return cached(this.rendered, text, () => ({ matcher: compilePattern(text), universal: parsePattern(text).kind === "all" }));
  }
}

const NEVER = { matcher: () => false, universal: false };

/**
 * The rendered text of a template, or undefined when rendering fails: the
 * plugin then treats the pattern as granting nothing.
 */
export function renderTemplate(template: string, subject: AttributeSubject): string | undefined {
  try {
    return renderAttributes(template, subject);
  } catch (error) {
    if (error instanceof AttributeRenderError) return undefined;
    throw error;
  }
}
