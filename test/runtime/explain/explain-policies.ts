/**
 * Policies for the explain tests, compiled from YAML texts with provenance
 * (or without), and what an explanation's locations look like.
 */
import { compile } from "../../../src/index.js";
import { loadTable, type Policy } from "../../../src/runtime/index.js";
import type { TableLocation } from "../../../src/table/provenance.js";
import { withMeta, type ConfigFiles } from "../../helpers/policy.js";

/** A policy loaded from its files; with provenance unless told otherwise. Fails on policy errors. */
export function explainer(files: ConfigFiles, options: { provenance?: boolean; settings?: string } = {}): Policy {
  const settings = options.settings === undefined ? {} : { settings: { path: "opensearch.yml", text: options.settings } };
  const result = compile({ files: withMeta(files), ...settings }, { provenance: options.provenance ?? true, module: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.table || errors.length > 0) throw new Error(`policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return loadTable(result.table);
}

/** `file:line:col`, to compare locations in one string. */
export function where(at: TableLocation | null | undefined): string {
  return at === undefined || at === null ? "-" : `${at.file}:${at.line}:${at.column}`;
}

/** The `_meta` block withMeta puts first takes three lines: line n of a text is line n + 3 of the file. */
export const META_LINES = 3;
