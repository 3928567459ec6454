/**
 * User-attribute substitution in index patterns, tenant patterns and DLS
 * queries, as the plugin's UserAttributes does it with commons-text's
 * StringSubstitutor: `${name}` is replaced by the variable's value,
 * `${name:-default}` falls back to the default, `$${x}` stands for a literal
 * `${x}`, values and variable names are themselves substituted, and an
 * unknown variable without default stays as written. Values are never
 * escaped: a `*` in a user's attribute acts as a wildcard, as in the plugin.
 *
 * Variables: `user.name`, `user.roles` (backend roles as `"a","b"`),
 * `user.securityRoles` (the user's security roles, mapped ones included),
 * every custom attribute by its full key (`attr.internal.dept`), and each of
 * these with every `.` written as `_`.
 */

/** What substitution needs to know about the user of one request. */
export interface AttributeSubject {
  readonly name: string;
  readonly backendRoles: readonly string[];
  /** The user's security roles: assigned by the authenticator and mapped. */
  readonly securityRoles: readonly string[];
  /** Custom attributes by their full key, e.g. `attr.internal.dept`. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The plugin fails the evaluation of a pattern whose variables refer to each other in a loop. */
export class AttributeRenderError extends Error {
  override readonly name = "AttributeRenderError";
}

/** Bounds that keep hostile attribute values from blowing up the output. */
const MAX_DEPTH = 32;
const MAX_LENGTH = 1 << 20;

/** Renders every `${…}` of `template` for `subject`. @throws AttributeRenderError */
export function renderAttributes(template: string, subject: AttributeSubject): string {
  if (!template.includes("${")) return template;
  return substitute(template, variablesOf(subject), []);
}

/** The variable map, built-ins first so that a custom attribute with the same key wins, as in the plugin. */
function variablesOf(subject: AttributeSubject): Map<string, string> {
  const variables = new Map<string, string>([
    ["user.name", subject.name],
    ["user.roles", quotedList(subject.backendRoles)],
    ["user.securityRoles", quotedList(subject.securityRoles)],
  ]);
  for (const key of Object.keys(subject.attributes)) variables.set(key, subject.attributes[key]!);
  for (const [key, value] of [...variables]) {
    const underscored = key.replaceAll(".", "_");
    if (!variables.has(underscored)) variables.set(underscored, value);
  }
  return variables;
}

/** The plugin renders role lists as `"a","b"`, ready to drop into a JSON array in a DLS query. */
function quotedList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(",");
}

function substitute(text: string, variables: ReadonlyMap<string, string>, resolving: readonly string[]): string {
  if (resolving.length > MAX_DEPTH) throw new AttributeRenderError("user attributes nest too deeply");
  let out = "";
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf("${", i);
    if (start < 0) break;
    if (start > 0 && text[start - 1] === "$") {
      out += text.slice(i, start - 1) + "${";
      i = start + 2;
      continue;
    }
    const end = closingBrace(text, start + 2);
    if (end < 0) break;
    out += text.slice(i, start) + resolveVariable(text.slice(start, end + 1), variables, resolving);
    if (out.length > MAX_LENGTH) throw new AttributeRenderError("rendered text is too long");
    i = end + 1;
  }
  return out + text.slice(i);
}

/** The `}` that closes a `${` opened just before `from`, skipping nested `${…}`; -1 when none. */
export function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (text[i] === "}" && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function resolveVariable(whole: string, variables: ReadonlyMap<string, string>, resolving: readonly string[]): string {
  const body = substitute(whole.slice(2, -1), variables, resolving);
  const separator = body.indexOf(":-");
  const name = separator >= 0 ? body.slice(0, separator) : body;
  const value = variables.get(name);
  if (value === undefined) return separator >= 0 ? substitute(body.slice(separator + 2), variables, resolving) : whole;
  if (resolving.includes(name)) throw new AttributeRenderError(`infinite loop in user attribute \`${name}\``);
  return substitute(value, variables, [...resolving, name]);
}
