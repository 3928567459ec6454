/**
 * Whether an actual value meets an expected one. Lists of names (`roles`,
 * `missing`) are compared as sets; objects by their keys and values, in any
 * key order; an expected `null` for `reason`, `error` or `restrictions`
 * means the decision has none.
 */
import type { ExpectedField, Json } from "./types.js";

/** Fields whose lists are sets of names: order does not matter. */
const SET_FIELDS: ReadonlySet<ExpectedField> = new Set(["roles", "missing"]);

export function meetsExpectation(field: ExpectedField, expected: Json, actual: Json | undefined): boolean {
  if (expected === null) return actual === undefined || actual === null;
  if (actual === undefined) return false;
  if (SET_FIELDS.has(field) && Array.isArray(expected) && Array.isArray(actual)) return sameNames(expected, actual);
  return canonicalJson(expected) === canonicalJson(actual);
}

function sameNames(expected: readonly Json[], actual: readonly Json[]): boolean {
  const sorted = (list: readonly Json[]): string => canonicalJson([...new Set(list.map((item) => canonicalJson(item)))].sort());
  return sorted(expected) === sorted(actual);
}

/** JSON with every object's keys sorted: equal values give equal text. */
export function canonicalJson(value: Json | undefined): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const object = value as { readonly [key: string]: Json };
    const entries = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}
