/**
 * A structural check of a decision table read from disk, so that a wrong or
 * damaged file fails at load with a clear message instead of deciding
 * wrongly later. The full JSON Schema is `schemas/decision-table.schema.json`;
 * this check has no dependency so the runtime stays self-contained.
 */
import { TABLE_FORMAT, TABLE_VERSION, type DecisionTable, type RestrictionKind } from "../table/types.js";
import { isDlsTemplate, readDlsQuery } from "./restrictions-dls.js";
import { RESTRICTION_KINDS } from "./restrictions-tables.js";
import { provenanceProblem } from "./validate-provenance.js";

/** A value that is not a decision table this runtime reads. */
export class TableFormatError extends Error {
  override readonly name = "TableFormatError";
}

/** Checks a value's structure as a decision table. @throws TableFormatError */
export function validateTable(value: unknown): DecisionTable {
  const table = record(value, "the decision table");
  if (table["format"] !== TABLE_FORMAT) throw new TableFormatError(`not a policyc decision table (\`format\` is not \`${TABLE_FORMAT}\`)`);
  if (table["version"] !== TABLE_VERSION) {
    throw new TableFormatError(`decision table version ${String(table["version"])} is not supported; this runtime reads version ${TABLE_VERSION}`);
  }
  if (table["flavor"] !== "opensearch" && table["flavor"] !== "searchguard") throw new TableFormatError("`flavor` must be `opensearch` or `searchguard`");
  if (table["flavor"] === "searchguard") checkSearchGuardSettings(record(table["settings"], "settings")["searchguard"]);
  const actionCount = strings(table["actionPatterns"], "actionPatterns").length;
  const indexCount = strings(table["indexPatterns"], "indexPatterns").length;
  strings(table["tenants"], "tenants");
  record(table["settings"], "settings");
  list(table["roles"], "roles").forEach((role, i) => checkRole(role, `roles[${i}]`, actionCount, indexCount));
  list(table["mappings"], "mappings").forEach((mapping, i) => {
    const m = record(mapping, `mappings[${i}]`);
    if (typeof m["role"] !== "string") throw new TableFormatError(`mappings[${i}].role must be a string`);
    for (const key of ["users", "backendRoles", "andBackendRoles", "hosts"]) strings(m[key], `mappings[${i}].${key}`);
    if (m["ips"] !== undefined) strings(m["ips"], `mappings[${i}].ips`);
  });
  const problem = table["provenance"] === undefined ? undefined : provenanceProblem(table["provenance"], value as DecisionTable);
  if (problem !== undefined) throw new TableFormatError(problem);
  return value as DecisionTable;
}

function checkRole(value: unknown, where: string, actionCount: number, indexCount: number): void {
  const role = record(value, where);
  if (typeof role["name"] !== "string") throw new TableFormatError(`${where}.name must be a string`);
  ids(role["cluster"], `${where}.cluster`, actionCount);
  if (role["excludeCluster"] !== undefined) ids(role["excludeCluster"], `${where}.excludeCluster`, actionCount);
  strings(role["restApi"], `${where}.restApi`);
  list(role["index"], `${where}.index`).forEach((entry, i) => {
    const e = record(entry, `${where}.index[${i}]`);
    ids(e["patterns"], `${where}.index[${i}].patterns`, indexCount);
    ids(e["actions"], `${where}.index[${i}].actions`, actionCount);
    checkEntryRules(e, `${where}.index[${i}]`);
  });
  list(role["tenants"], `${where}.tenants`).forEach((entry, i) => {
    const e = record(entry, `${where}.tenants[${i}]`);
    strings(e["patterns"], `${where}.tenants[${i}].patterns`);
    if (e["actions"] !== undefined) ids(e["actions"], `${where}.tenants[${i}].actions`, actionCount);
  });
}

/** A Search Guard table's own settings: two flags and two pattern lists. */
function checkSearchGuardSettings(value: unknown): void {
  const settings = record(value, "settings.searchguard");
  for (const key of ["multitenancyEnabled", "globalTenantEnabled"]) {
    if (typeof settings[key] !== "boolean") throw new TableFormatError(`settings.searchguard.${key} must be a boolean`);
  }
  for (const key of ["adminOnlyIndices", "adminOnlyActions"]) strings(settings[key], `settings.searchguard.${key}`);
}

/** An entry's optional DLS/FLS/masking fields: a query the runtime can read, non-empty lists, known kinds. */
function checkEntryRules(entry: Record<string, unknown>, where: string): void {
  const dls = entry["dls"];
  if (dls !== undefined && (typeof dls !== "string" || (!isDlsTemplate(dls) && !readDlsQuery(dls).ok))) throw new TableFormatError(`${where}.dls must be a DLS query`);
  for (const key of ["fls", "maskedFields", "replacedTemplateRules"]) {
    if (entry[key] !== undefined && strings(entry[key], `${where}.${key}`).length === 0) throw new TableFormatError(`${where}.${key} must not be empty`);
  }
  const kinds = entry["replacedTemplateRules"] as string[] | undefined;
  if (kinds?.some((kind) => !RESTRICTION_KINDS.includes(kind as RestrictionKind))) throw new TableFormatError(`${where}.replacedTemplateRules must hold kinds of rules`);
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TableFormatError(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new TableFormatError(`${where} must be a list`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  const items = list(value, where);
  if (!items.every((v) => typeof v === "string")) throw new TableFormatError(`${where} must be a list of strings`);
  return items as string[];
}

function ids(value: unknown, where: string, bound: number): void {
  const items = list(value, where);
  if (!items.every((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < bound)) {
    throw new TableFormatError(`${where} must hold pattern ids below ${bound}`);
  }
}
