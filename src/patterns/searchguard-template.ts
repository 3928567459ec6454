/**
 * Search Guard's attribute substitution in index, alias, data-stream and
 * tenant patterns (rule 9 of ../shared/searchguard-reference/README.md;
 * `user/User.java` getAttributeValue, docs roles_permissions.md
 * "Substitution Variable Functionality"). A variable `${…}` names a value and
 * may pipe it through functions and fall back on a JSON value:
 *
 * - `user.name` / `user_name`: the user name; `user.roles` / `user_roles`:
 *   the backend roles (a list); `user.attrs`: every attribute (an object);
 *   `user.attrs.NAME`: one attribute, any JSON value.
 * - `|toJson`, `|toRegexFragment` (regex metacharacters escaped; a list
 *   becomes `(a|b)`), `|toString`, `|toList`, `|head`, `|tail`.
 * - `?:<json>`: the value to use where the current one is unset or null.
 *
 * A value that is unset (or null) at the end renders nothing: the pattern
 * fails ("No value for ${user.attrs.x}") and grants nothing. Variables of the
 * old syntaxes (`${attr.…}`, `${_…}`) and any other name stay as written.
 * How a list or object renders without a function (JSON text here) is
 * codova `Template` behaviour, unverified.
 */
import type { JsonValue } from "../table/request.js";

/** What substitution needs to know about the user of one request. */
export interface SearchGuardSubject {
  readonly name: string;
  readonly backendRoles: readonly string[];
  readonly attributes: Readonly<Record<string, JsonValue>>;
}

/** The template rendered for the subject, or `undefined` when a variable has no value. */
export function renderSearchGuardTemplate(template: string, subject: SearchGuardSubject): string | undefined {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf("${", i);
    if (start < 0) break;
    const end = variableEnd(template, start + 2);
    if (end < 0) break;
    const rendered = renderVariable(template.slice(start + 2, end), subject);
    if (rendered === undefined) return undefined;
    out += template.slice(i, start) + (rendered ?? template.slice(start, end + 1));
    i = end + 1;
  }
  return out + template.slice(i);
}

/** Whether a pattern holds a Search Guard variable. */
export function isSearchGuardTemplate(pattern: string): boolean {
  return pattern.includes("${");
}

/** The `}` closing a variable whose body starts at `from`, skipping braces and strings of a JSON fallback; -1 when none. */
function variableEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i);
    else if (c === "{" || c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "}" && depth-- === 0) return i;
  }
  return -1;
}

/** The index of the quote closing the JSON string opened at `at` (or the text's end). */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** The variable's text; `null` for a name Search Guard does not substitute (kept as written); `undefined` when it has no value. */
function renderVariable(body: string, subject: SearchGuardSubject): string | null | undefined {
  const steps = splitSteps(body);
  const looked = lookUp(steps[0]!.trim(), subject);
  if (looked === NOT_A_VARIABLE) return null;
  let value: JsonValue | undefined = looked;
  for (const step of steps.slice(1)) {
    const next = applyStep(step, value);
    if (next === FAILED) return undefined;
    value = next;
  }
  return value === undefined || value === null ? undefined : textOf(value);
}

/** The body split before each `|function` and `?:fallback`; a fallback's JSON may hold `|` in strings. */
function splitSteps(body: string): string[] {
  const steps: string[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') i = stringEnd(body, i);
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (depth === 0 && (c === "|" || (c === "?" && body[i + 1] === ":"))) {
      steps.push(body.slice(from, i));
      from = i;
      if (c === "?") i++;
    }
  }
  steps.push(body.slice(from));
  return steps;
}

const NOT_A_VARIABLE = Symbol("not a variable");
const FAILED = Symbol("failed");

function lookUp(name: string, subject: SearchGuardSubject): JsonValue | undefined | typeof NOT_A_VARIABLE {
  if (name === "user.name" || name === "user_name") return subject.name;
  if (name === "user.roles" || name === "user_roles") return [...subject.backendRoles];
  if (name === "user.attrs") return { ...subject.attributes };
  if (name.startsWith("user.attrs.")) return attributeAt(subject.attributes, name.slice("user.attrs.".length));
  return NOT_A_VARIABLE;
}

/** An attribute by its key, or by a dotted path into structured attributes. */
function attributeAt(attributes: Readonly<Record<string, JsonValue>>, path: string): JsonValue | undefined {
  if (Object.hasOwn(attributes, path)) return attributes[path];
  let value: JsonValue | undefined = attributes;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Readonly<Record<string, JsonValue>>)[key];
  }
  return value;
}

function applyStep(step: string, value: JsonValue | undefined): JsonValue | undefined | typeof FAILED {
  if (step.startsWith("?:")) return value === undefined || value === null ? parseFallback(step.slice(2)) : value;
  if (value === undefined) return undefined;
  switch (step.slice(1).trim()) {
    case "toJson":
      return JSON.stringify(value);
    case "toString":
      return textOf(value);
    case "toRegexFragment":
      return Array.isArray(value) ? `(${value.map((v) => escapeRegex(textOf(v))).join("|")})` : escapeRegex(textOf(value));
    case "toList":
      return Array.isArray(value) ? value : [value];
    case "head":
      return Array.isArray(value) ? (value.length > 0 ? value[0]! : null) : value;
    case "tail":
      return Array.isArray(value) ? value.slice(1) : [];
    default:
      return FAILED;
  }
}

function parseFallback(json: string): JsonValue | typeof FAILED {
  try {
    return JSON.parse(json) as JsonValue;
  } catch {
    return FAILED;
  }
}

/** A value as text: a string as it is, anything else as JSON. */
function textOf(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Backslash before every character with a meaning in a Java regex. */
function escapeRegex(text: string): string {
  return text.replace(/[\\.[\]{}()<>*+\-=!?^$|]/g, "\\$&");
}

/**
 * The variables of a template (as written, `${…}`) that substitute a value
 * of the user without `|toRegexFragment`: inside `/…/`, such a value acts as
 * regex syntax. Names Search Guard does not substitute are left out.
 * (For the compiler's PC4005 warning: the runtime bundle leaves this out,
 * and it comes last in the file so that the bundle shows no gap there.)
 */
export function unescapedSearchGuardVariables(template: string): string[] {
  const unescaped: string[] = [];
  for (let start = template.indexOf("${"); start >= 0; start = template.indexOf("${", start + 2)) {
    const end = variableEnd(template, start + 2);
    if (end < 0) break;
    const steps = splitSteps(template.slice(start + 2, end));
    const substituted = isSubstitutedName(steps[0]!.trim());
    if (substituted && !steps.some((step) => step.startsWith("|") && step.slice(1).trim() === "toRegexFragment")) {
      unescaped.push(template.slice(start, end + 1));
    }
    start = end - 1;
  }
  return unescaped;
}

function isSubstitutedName(name: string): boolean {
  return ["user.name", "user_name", "user.roles", "user_roles", "user.attrs"].includes(name) || name.startsWith("user.attrs.");
}
