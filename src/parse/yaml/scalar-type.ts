/**
 * How a YAML scalar is typed: the YAML 1.2 core schema for plain scalars
 * (quoted and block scalars are always strings), and the standard `!!` tags.
 * The plugin's Jackson reader types scalars the same way for what matters
 * here: whether a number, boolean or null stands where a name belongs.
 */

export type ScalarType = "str" | "int" | "float" | "bool" | "null";

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The core-schema type of a plain (unquoted) scalar's text. */
export function plainScalarType(text: string): ScalarType {
  if (NULL.test(text)) return "null";
  if (BOOL.test(text)) return "bool";
  if (INT.test(text)) return "int";
  if (FLOAT.test(text)) return "float";
  return "str";
}

const STANDARD_TAG_PREFIXES = ["!!", "!<tag:yaml.org,2002:"];

/**
 * The name of a standard tag (`!!int` and `!<tag:yaml.org,2002:int>` → `int`),
 * `""` for the non-specific tag `!`, or undefined for any other (custom) tag.
 */
export function standardTagName(tag: string): string | undefined {
  if (tag === "!") return "";
  for (const prefix of STANDARD_TAG_PREFIXES) {
    if (tag.startsWith(prefix)) return tag.slice(prefix.length).replace(/>$/, "");
  }
  return undefined;
}

const SCALAR_TAGS: Readonly<Record<string, ScalarType>> = { str: "str", int: "int", float: "float", bool: "bool", null: "null" };

/**
 * The type of a scalar carrying an explicit standard tag: `!!str` forces a
 * string; `!!int 5` or `!!bool "true"` give that type when the text fits it
 * (otherwise the text stays a string, which is how it will be read anyway).
 * Returns undefined for tags that are not scalar tags.
 */
export function taggedScalarType(tagName: string, text: string): ScalarType | undefined {
  if (tagName === "") return "str";
  // An own key only: `!!constructor` or `!!__proto__` is an unknown tag, not a lookup on Object.prototype.
  const wanted = Object.hasOwn(SCALAR_TAGS, tagName) ? SCALAR_TAGS[tagName] : undefined;
  if (wanted === undefined) return undefined;
  if (wanted === "str") return "str";
  return plainScalarType(text) === wanted ? wanted : "str";
}

/** The JSON value of a typed scalar, for schema validation only (types matter, not exact numbers). */
export function scalarJsonValue(type: ScalarType, text: string): string | number | boolean | null {
  switch (type) {
    case "null":
      return null;
    case "bool":
      return text.toLowerCase() === "true";
    case "int":
    case "float":
      return numberOf(text);
    case "str":
      return text;
  }
}

function numberOf(text: string): number {
  if (text.startsWith("0x")) return parseInt(text.slice(2), 16);
  if (text.startsWith("0o")) return parseInt(text.slice(2), 8);
  const value = Number(text);
  // Infinity and NaN are not JSON; any finite number has the same JSON type.
  return Number.isFinite(value) ? value : 0;
}
