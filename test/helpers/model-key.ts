/**
 * A policy model as comparable text: everything that is part of the policy,
 * nothing about where it was written (spans, source files), with object keys
 * sorted so that two front ends building the same model compare equal — for
 * tests that read a policy back after converting or printing it.
 */
import type { PolicyModel } from "../../src/model/types.js";

export function modelKey(model: PolicyModel): string {
  const origins = Object.keys(model.settings.origins).sort();
  const comparable = { ...model, sources: undefined, settings: { ...model.settings, origins } };
  return JSON.stringify(comparable, sortedWithoutSpans, 2);
}

function sortedWithoutSpans(key: string, value: unknown): unknown {
  if (key === "span") return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().map((name) => [name, record[name]]));
}
