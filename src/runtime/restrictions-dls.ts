/**
 * DLS queries as the plugin reads them (DocumentPrivileges.DlsQuery): a query
 * without `${` is parsed once when the roles load; one with `${` is a template
 * whose user attributes are substituted for each request (UserAttributes)
 * and only then parsed. Either way the text must be a query the search
 * engine's parser takes (AbstractQueryBuilder.parseInnerQueryBuilder): a JSON
 * object with exactly one member, the query's name, whose value is an object.
 * Which query names exist depends on the cluster's plugins, so they are not
 * checked.
 */
import { AttributeRenderError, renderAttributes, type AttributeSubject } from "../patterns/user-attributes.js";
import type { JsonValue } from "../table/request.js";
import { canonicalJson, canonicalValue, readJson } from "./restrictions-json.js";

/** Why a text is not a DLS query: not JSON, not an object, or not the one-member shape of a query. */
export type DlsProblemKind = "json" | "object" | "shape";

/** A DLS query read: the query in canonical form (frozen) and its canonical text, or what is wrong. */
export type DlsReading =
  | {
      readonly ok: true;
      readonly query: JsonValue;
      readonly text: string;
      /** Where text follows the query, which the plugin's parser leaves unread; -1 when none. */
      readonly trailing: number;
    }
  | { readonly ok: false; readonly kind: DlsProblemKind; readonly message: string; readonly offset?: number };

/** Whether the plugin treats a query as a template (UserAttributes.needsAttributeSubstitution). */
export function isDlsTemplate(query: string): boolean {
  return query.includes("${");
}

/** Reads a (rendered) DLS query text; like the plugin's parser, it stops after the query. */
export function readDlsQuery(text: string): DlsReading {
  const json = readJson(text, true);
  if (!json.ok) return { ok: false, kind: "json", message: json.message, offset: json.offset };
  const problem = dlsShapeProblem(json.value);
  if (problem !== undefined) return problem;
  return { ok: true, query: canonicalValue(json.value), text: canonicalJson(json.value), trailing: json.trailing };
}

/**
 * What the query parser says of a JSON value that is not `{"<name>": {…}}`,
 * in its words; the name is the first member as written.
 */
function dlsShapeProblem(value: JsonValue): DlsReading | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, kind: "object", message: `the query is ${jsonKind(value)}, not a JSON object` };
  }
  const members = Object.keys(value);
  const name = members[0];
  if (name === undefined) return { ok: false, kind: "shape", message: "query malformed, empty clause found" };
  const body = (value as { readonly [key: string]: JsonValue })[name]!;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, kind: "shape", message: `[${name}] query malformed, no start_object after query name` };
  }
  if (members.length > 1) return { ok: false, kind: "shape", message: `[${name}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]` };
  return undefined;
}

function jsonKind(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : typeof value === "number" ? "a number" : "a boolean";
}

/**
 * A template query rendered for a user and read, or undefined when the
 * plugin fails the evaluation (DlsQuery.Dynamic.evaluate): substitution
 * fails, leaves a `${` behind (an unknown variable, a `$${` escape), or the
 * result is not a query.
 */
export function renderDlsQuery(template: string, subject: AttributeSubject): DlsReading | undefined {
  let rendered: string;
  try {
    rendered = renderAttributes(template, subject);
  } catch (error) {
    if (error instanceof AttributeRenderError) return undefined;
    throw error;
  }
  if (isDlsTemplate(rendered)) return undefined;
  const reading = readDlsQuery(rendered);
  return reading.ok ? reading : undefined;
}
