/**
 * Checking a DLS template (a query with `${…}`) before any user exists: every
 * variable is replaced by a sample of what it renders to, chosen by where it
 * stands, and the result must be a query. Inside a JSON string a variable
 * renders to text (sample `x`), so `"${user.name}"` passes; outside one, the
 * role lists render to quoted items (`"r"`), so `[${user.roles}]` passes, and
 * any other variable to a bare value (sample `0`), so
 * `{"range": {"level": {"lte": ${attr.internal.level}}}}` passes. A role list
 * inside a string breaks it (`"${user.roles}"` renders to `""a","b""` for a
 * user with two backend roles), which the check then reports.
 *
 * The samples cannot show that a user's actual values fit (a name in a bare
 * position that is not a JSON value fails at run time, as in the plugin);
 * they catch the query's own mistakes. A template with the `$${` escape keeps
 * a `${` after rendering, which the plugin always refuses; the caller reports
 * that instead.
 */
import { closingBrace } from "../patterns/user-attributes.js";

/** Variables that render to a list of quoted names (`"a","b"`). */
const LIST_VARIABLES = new Set(["user.roles", "user_roles", "user.securityRoles", "user_securityRoles"]);

/** The template with each `${…}` replaced by a sample rendering for its position. */
export function sampleRendering(template: string): string {
  let out = "";
  let inString = false;
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === "$" && template[i + 1] === "{") {
      const end = closingBrace(template, i + 2);
      if (end < 0) return out + template.slice(i);
      out += sampleValue(variableName(template.slice(i + 2, end)), inString);
      i = end + 1;
      continue;
    }
    if (inString && c === "\\") {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
    i++;
  }
  return out;
}

function sampleValue(variable: string, inString: boolean): string {
  if (LIST_VARIABLES.has(variable)) return '"r"';
  return inString ? "x" : "0";
}

/** The variable a `${…}` body names: up to its default (`:-`), if any. */
function variableName(body: string): string {
  const separator = body.indexOf(":-");
  return separator >= 0 ? body.slice(0, separator) : body;
}
