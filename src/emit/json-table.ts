/**
 * The decision table as JSON text: two-space indentation, short lists of
 * numbers kept on one line so that a diff of two tables stays reviewable,
 * and a final newline. Key order is the order the builder writes, which is
 * fixed, so the text is byte-identical across runs and machines.
 */
import type { DecisionTable } from "../table/types.js";

export function emitJsonTable(table: DecisionTable): string {
  return formatJson(table, "") + "\n";
}

function formatJson(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => typeof v === "number")) return `[${value.join(", ")}]`;
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
