/**
 * Patterns with `${…}` are rendered with the requesting user's attributes
 * and only then parsed (a substituted `*` acts as a wildcard, as in the
 * plugin). A user remembers what each template rendered to; rendered texts
 * are compiled once each, in a bounded cache. Only users whose roles have
 * such patterns ever get here.
 */
import { compilePattern, parsePattern, type Matcher } from "../patterns/pattern.js";
import { AttributeRenderError, renderAttributes, type AttributeSubject } from "../patterns/user-attributes.js";
import { BoundedCache } from "./bounded-cache.js";
import type { NormalizedUser } from "./request.js";

/** A pattern rendered for one user and compiled. */
export interface RenderedPattern {
  readonly matches: Matcher;
  /** Whether it covers every name (`*`), which a request on all indices needs. */
  readonly universal: boolean;
}

/** What a template needs of a user: the subject, and a place to remember renderings. */
export interface TemplateUser extends NormalizedUser {
  readonly securityRoles: readonly string[];
  subject: AttributeSubject | undefined;
  rendered: Map<string, RenderedPattern> | undefined;
}

const MATCHES_NOTHING: RenderedPattern = { matches: () => false, universal: false };

/** Renders patterns for users, remembering renderings per user and compiled texts in a bounded cache. */
export class TemplatePatterns {
  private readonly compiled: BoundedCache<string, RenderedPattern>;

  constructor(capacity: number) {
    this.compiled = new BoundedCache(capacity);
  }

  /** The pattern (a template or not) rendered for the user; one that fails to render matches nothing, as in the plugin. */
  forUser(user: TemplateUser, pattern: string): RenderedPattern {
    const memo = (user.rendered ??= new Map());
    let rendered = memo.get(pattern);
    if (rendered === undefined) {
      const text = renderTemplate(pattern, (user.subject ??= subjectOf(user)));
      rendered = text === undefined ? MATCHES_NOTHING : this.compile(text);
      memo.set(pattern, rendered);
    }
    return rendered;
  }

  private compile(text: string): RenderedPattern {
    let pattern = this.compiled.get(text);
    if (pattern === undefined) {
      pattern = { matches: compilePattern(text), universal: parsePattern(text).kind === "all" };
      this.compiled.set(text, pattern);
    }
    return pattern;
  }
}

function subjectOf(user: TemplateUser): AttributeSubject {
  return { name: user.name, backendRoles: user.backendRoles, securityRoles: user.securityRoles, attributes: user.attributes };
}

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
