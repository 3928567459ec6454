/**
 * A failed expectation in words, for the text and JUnit reports: the field,
 * what was expected and what the decision has, and for lists and objects
 * only what differs (the roles missing and the ones extra, the tenants whose
 * access differs).
 */
import { formatLocation } from "../diagnostics/source-file.js";
import { canonicalJson } from "./compare.js";
import type { Json, Mismatch } from "./types.js";

/** The mismatch's lines: a headline, then one indented line per difference of a list or object. */
export function describeMismatch(mismatch: Mismatch): string[] {
  const where = mismatch.span ? ` (expected at ${formatLocation(mismatch.span)})` : "";
  const head = `${mismatch.field}: expected ${shown(mismatch.expected)}, ${mismatch.note ?? `got ${shown(mismatch.actual)}`}${where}`;
  return [head, ...detailLines(mismatch).map((line) => `  ${line}`)];
}

/** One line: the headline alone, as a JUnit failure's `message`. */
export function mismatchHeadline(mismatch: Mismatch): string {
  return `${mismatch.field}: expected ${shown(mismatch.expected)}, ${mismatch.note ?? `got ${shown(mismatch.actual)}`}`;
}

function detailLines({ expected, actual }: Mismatch): string[] {
  if (Array.isArray(expected) && Array.isArray(actual)) return listDifferences(expected, actual);
  if (isObject(expected) && isObject(actual)) return objectDifferences(expected, actual);
  return [];
}

function listDifferences(expected: readonly Json[], actual: readonly Json[]): string[] {
  const expectedItems = new Set(expected.map((item) => canonicalJson(item)));
  const actualItems = new Set(actual.map((item) => canonicalJson(item)));
  const lacking = [...expectedItems].filter((item) => !actualItems.has(item)).sort();
  const extra = [...actualItems].filter((item) => !expectedItems.has(item)).sort();
  return [...lacking.map((item) => `- ${item} expected, not there`), ...extra.map((item) => `+ ${item} there, not expected`)];
}

function objectDifferences(expected: { readonly [key: string]: Json }, actual: { readonly [key: string]: Json }): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return keys.flatMap((key) => {
    const want = Object.hasOwn(expected, key) ? expected[key] : undefined;
    const have = Object.hasOwn(actual, key) ? actual[key] : undefined;
    return canonicalJson(want) === canonicalJson(have) ? [] : [`${JSON.stringify(key)}: expected ${shown(want)}, got ${shown(have)}`];
  });
}

/** A value as JSON; `none` for a field the decision does not have (or an expected `null`). */
function shown(value: Json | undefined): string {
  return value === undefined || value === null ? "none" : JSON.stringify(value);
}

function isObject(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
