/**
 * JSON data (the decision table, lookup tables) as a literal in generated
 * code, laid out for review: one entry per line, lists of numbers on one
 * line, a trailing comma after every entry so that an added entry is a
 * one-line diff. Key order is the data's, so equal data gives equal text.
 */
import { stringLiteral } from "./escape.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The literal for `value`, its continuation lines indented by `indent`. @throws TypeError for non-JSON data */
export function dataLiteral(value: unknown, indent = ""): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return arrayLiteral(value, indent);
  if (isPlainObject(value)) return objectLiteral(value, indent);
  throw new TypeError(`cannot embed a value of type ${describe(value)} in generated code`);
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`cannot embed the number ${value} in generated code`);
  return JSON.stringify(value);
}

function arrayLiteral(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return "[]";
  if (items.every((item) => typeof item === "number")) return `[${items.map((item) => numberLiteral(item as number)).join(", ")}]`;
  const inner = indent + "  ";
  return `[\n${items.map((item) => `${inner}${dataLiteral(item, inner)},\n`).join("")}${indent}]`;
}

function objectLiteral(object: Readonly<Record<string, unknown>>, indent: string): string {
  const entries = Object.keys(object).filter((key) => object[key] !== undefined);
  if (entries.length === 0) return "{}";
  const inner = indent + "  ";
  return `{\n${entries.map((key) => `${inner}${propertyKey(key)}: ${dataLiteral(object[key], inner)},\n`).join("")}${indent}}`;
}

/**
 * A property name as written in an object literal. `__proto__: x` (quoted
 * or not) would set the object's prototype instead of a property, so that
 * key is written computed, `["__proto__"]: x`, which defines a property as
 * JSON.parse does.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "object";
  return typeof value;
}
