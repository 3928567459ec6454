/**
 * Search Guard FLX index negation (`-pattern` in one `index_patterns` list)
 * written for OpenSearch, which has no negation. Constant patterns and
 * constant negations become one Java regex with a negative lookahead, which
 * OpenSearch matches exactly as Search Guard does: `["logs-*", "-logs-secret*"]`
 * is `/(?!(?:logs-secret.*)$)(?:logs-.*)/`. A negation that restricts a
 * templated pattern (`${…}`) cannot be written so: the template's value is
 * only known per request and is inserted unescaped. It is dropped and
 * reported (PC7002) with the access that widens.
 *
 * Which negations apply where follows Role.java IndexPatterns.Builder: a
 * constant pattern is restricted by every constant negation except those
 * listed before the first constant pattern (removeLeadingNegations); a
 * templated pattern by the constant negations listed after it (getExclusions).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString } from "../../model/types.js";
import { isRegexPattern, isTemplate } from "../../patterns/pattern.js";

/** Who holds the patterns, for messages: the role, the kind of permission and its actions. */
export interface NegationContext {
  readonly role: string;
  readonly kind: string;
  readonly actions: readonly string[];
}

const isNegation = (pattern: LocatedString): boolean => !isTemplate(pattern.value) && pattern.value.startsWith("-");

/** The patterns OpenSearch gets for one Search Guard pattern list; unchanged when it has no negation. */
export function migrateNegations(patterns: readonly LocatedString[], context: NegationContext, sink: DiagnosticSink): LocatedString[] {
  if (!patterns.some(isNegation)) return [...patterns];
  const templates: LocatedString[] = [];
  patterns.forEach((pattern, at) => {
    if (!isTemplate(pattern.value)) return;
    reportDroppedNegations(pattern, patterns.slice(at + 1).filter(isNegation), context, sink);
    templates.push(pattern);
  });
  return [...constantPatterns(patterns), ...templates];
}

/** The constant patterns as one regex with the negations that apply to them, or nothing when there is none. */
function constantPatterns(patterns: readonly LocatedString[]): LocatedString[] {
  const constants = patterns.filter((pattern) => !isTemplate(pattern.value));
  const firstPositive = constants.findIndex((pattern) => !isNegation(pattern));
  if (firstPositive < 0) return [];
  const applying = constants.slice(firstPositive);
  const positives = applying.filter((pattern) => !isNegation(pattern));
  const negations = applying.filter(isNegation).map((pattern) => pattern.value.slice(1));
  if (negations.length === 0) return positives;
  const regex = `/(?!${alternatives(negations)}$)${alternatives(positives.map((pattern) => pattern.value))}/`;
  return [{ value: regex, ...(positives[0]!.span ? { span: positives[0]!.span } : {}) }];
}

function alternatives(patterns: readonly string[]): string {
  return `(?:${patterns.map(regexBody).join("|")})`;
}

/** One pattern as a Java regex body that matches what the pattern matches (rule 4: `*`, `?`, `/…/`, literal). */
export function regexBody(pattern: string): string {
  if (isRegexPattern(pattern)) return `(?:${pattern.slice(1, -1)})`;
  let body = "";
  for (const char of pattern) {
    if (char === "*") body += ".*";
    else if (char === "?") body += ".";
    else body += /[\\^$.|+()[\]{}]/.test(char) ? `\\${char}` : char;
  }
  return body;
}

function reportDroppedNegations(template: LocatedString, negations: readonly LocatedString[], context: NegationContext, sink: DiagnosticSink): void {
  if (negations.length === 0) return;
  const written = negations.map((negation) => `\`${negation.value}\``).join(", ");
  const excluded = negations.map((negation) => `\`${negation.value.slice(1)}\``).join(" or ");
  const actions = context.actions.map((action) => `\`${action}\``).join(", ");
  sink.report(
    "PC7002",
    `${written} cannot restrict the templated pattern \`${template.value}\` of role \`${context.role}\` in OpenSearch and is dropped: ${context.kind} matching \`${template.value}\` and ${excluded} gain ${actions}`,
    negations[0]!.span ?? template.span,
    { help: "OpenSearch has no index negation; list the wanted indices explicitly instead" },
  );
}
