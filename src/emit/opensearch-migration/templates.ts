/**
 * Search Guard attribute templates (`${user.attrs.dept}`, `${user_name}`,
 * pipes, `?:` fallbacks) rewritten in OpenSearch Security's syntax
 * (`${attr.internal.dept}`, `${user.name}`, `${x:-default}`). What OpenSearch
 * cannot render the same way is reported (PC7005) and written as close as it
 * gets.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString } from "../../model/types.js";

/** One `${…}` expression as Search Guard reads it: a variable, operators and a fallback. */
interface TemplateExpression {
  readonly variable: string;
  readonly operators: readonly string[];
  /** The JSON text after `?:`, if any. */
  readonly fallback?: string;
}

const EXPRESSION = /\$\{([^}]*)\}/g;

/**
 * OpenSearch reads attributes of internal users as `attr.internal.<name>`;
 * other authentication backends use `attr.jwt.`, `attr.ldap.` or `attr.proxy.`.
 */
export const OPENSEARCH_ATTRIBUTE_PREFIX = "attr.internal.";

/** The text with every Search Guard template rewritten; `where` says what holds it, for messages. */
export function migrateTemplates(text: LocatedString, where: string, sink: DiagnosticSink): LocatedString {
  if (!text.value.includes("${")) return text;
  const value = text.value.replace(EXPRESSION, (whole: string, body: string) => migrateExpression(whole, parseExpression(body), where, text, sink));
  return { ...text, value };
}

function parseExpression(body: string): TemplateExpression {
  const fallbackAt = body.indexOf("?:");
  const head = fallbackAt < 0 ? body : body.slice(0, fallbackAt);
  const [variable = "", ...operators] = head.split("|").map((part) => part.trim());
  return fallbackAt < 0 ? { variable, operators } : { variable, operators, fallback: body.slice(fallbackAt + 2).trim() };
}

function migrateExpression(whole: string, expression: TemplateExpression, where: string, text: LocatedString, sink: DiagnosticSink): string {
  const { variable } = expression;
  // Search Guard no longer substitutes the old syntaxes and leaves them as written; `$${` keeps them literal in OpenSearch.
  if (variable.startsWith("attr.") || variable.startsWith("_")) return `$${whole}`;
  const target = openSearchVariable(variable);
  if (target === undefined) {
    sink.report("PC7005", `\`${whole}\` in ${where} has no OpenSearch equivalent; OpenSearch leaves it as written, so it matches nothing`, text.span);
    return whole;
  }
  if (variable === "user.roles" || variable === "user_roles") {
    sink.report("PC7005", `\`${whole}\` in ${where}: OpenSearch renders the backend roles as one string \`"a","b"\`, Search Guard as a list of values, so the pattern matches other names`, text.span);
  }
  for (const operator of expression.operators) {
    sink.report("PC7005", `the operator \`|${operator}\` of \`${whole}\` in ${where} has no OpenSearch equivalent and is dropped: OpenSearch inserts the value as it is`, text.span);
  }
  return `\${${target}${fallbackSuffix(whole, expression, where, text, sink)}}`;
}

/** The OpenSearch variable for a Search Guard one, or undefined when there is none. */
function openSearchVariable(variable: string): string | undefined {
  if (variable === "user.name" || variable === "user_name") return "user.name";
  if (variable === "user.roles" || variable === "user_roles") return "user.roles";
  if (variable.startsWith("user.attrs.") && variable.length > "user.attrs.".length) {
    return OPENSEARCH_ATTRIBUTE_PREFIX + variable.slice("user.attrs.".length);
  }
  return undefined;
}

/** `?:"text"` becomes `:-text`; a fallback that is not a JSON string or number cannot be written. */
function fallbackSuffix(whole: string, expression: TemplateExpression, where: string, text: LocatedString, sink: DiagnosticSink): string {
  if (expression.fallback === undefined) return "";
  const parsed = parseJson(expression.fallback);
  if (typeof parsed === "string" && !parsed.includes("}")) return `:-${parsed}`;
  if (typeof parsed === "number" || typeof parsed === "boolean") return `:-${String(parsed)}`;
  sink.report("PC7005", `the fallback \`?:${expression.fallback}\` of \`${whole}\` in ${where} cannot be written in OpenSearch and is dropped: a user without the attribute is granted nothing by it`, text.span);
  return "";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
