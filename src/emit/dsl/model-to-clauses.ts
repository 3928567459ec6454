/**
 * Pieces of a `.policy` syntax tree built from the model: list and text
 * clauses, a role's `index` and `tenant` clauses, and the `settings` block.
 * The tree carries no spans: it was never written anywhere.
 */
import type { DslIndexClause, DslListClause, DslListKeyword, DslSetting, DslSettingValue, DslSettings, DslTenantClause, DslTextClause, DslTextKeyword } from "../../parse/dsl/ast.js";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { SETTING_DEFINITIONS, type SettingDefinition, type Settings } from "../../model/settings.js";
import type { IndexPermission, LocatedString, TenantPermission } from "../../model/types.js";

export const name = (value: string): LocatedString => ({ value });
const names = (items: readonly LocatedString[]): LocatedString[] => items.map((item) => name(item.value));

/** A list clause, or nothing when the list is empty (an empty list and no clause read the same). */
export function listClause(keyword: DslListKeyword, items: readonly LocatedString[]): DslListClause[] {
  return items.length === 0 ? [] : [{ kind: "list", keyword, items: names(items) }];
}

export function textClause(keyword: DslTextKeyword, value: string | undefined): DslTextClause[] {
  return value === undefined ? [] : [{ kind: "text", keyword, value: name(value) }];
}

/**
 * `index patterns allow actions { dls … fls … mask … }`, the block only for
 * what it holds. An entry without patterns grants nothing and has no form in
 * the DSL (an `index` clause names at least one pattern): it is left out,
 * with a warning.
 */
export function indexClause(permission: IndexPermission, role: string, sink: DiagnosticSink): DslIndexClause[] {
  if (permission.indexPatterns.length === 0) {
    reportLeftOut(`an \`index_permissions\` entry of role ${code(role)} names no index pattern`, permission.span, sink);
    return [];
  }
  const [allow] = listClause("allow", permission.allowedActions);
  const body = [
    ...textClause("dls", permission.dls?.value),
    ...listClause("fls", permission.fls),
    ...listClause("mask", permission.maskedFields),
  ];
  return [{ kind: "index", patterns: names(permission.indexPatterns), ...(allow ? { allow } : {}), ...(body.length > 0 ? { body } : {}) }];
}

/** `tenant patterns allow actions`; an entry missing either grants nothing and is left out, with a warning. */
export function tenantClause(permission: TenantPermission, role: string, sink: DiagnosticSink): DslTenantClause[] {
  const [allow] = listClause("allow", permission.allowedActions);
  if (permission.tenantPatterns.length === 0 || !allow) {
    const missing = permission.tenantPatterns.length === 0 ? "no tenant pattern" : "no allowed action";
    reportLeftOut(`a \`tenant_permissions\` entry of role ${code(role)} names ${missing}`, permission.span, sink);
    return [];
  }
  return [{ kind: "tenant", patterns: names(permission.tenantPatterns), allow }];
}

function reportLeftOut(what: string, span: SourceSpan | undefined, sink: DiagnosticSink): void {
  sink.report("PC5004", `${what}, so it grants nothing; the DSL has no way to write it and it is left out`, span, { severity: "warning" });
}

function code(name: string): string {
  return `\`${name}\``;
}

/** The settings given explicitly (those with an origin), under their documented names, in catalog order. */
export function settingsItem(settings: Settings): DslSettings | undefined {
  const entries: DslSetting[] = SETTING_DEFINITIONS.filter((definition) => settings.origins[definition.key] !== undefined).map((definition) => ({
    name: name(definition.names[0]!),
    value: settingValue(definition, settings[definition.key]),
  }));
  return entries.length === 0 ? undefined : { kind: "settings", entries };
}

function settingValue(definition: SettingDefinition, value: Settings[SettingDefinition["key"]]): DslSettingValue {
  if (definition.kind === "boolean") return { kind: "boolean", value: value === true };
  if (typeof value === "string") return { kind: "text", value };
  return { kind: "list", items: (value as readonly string[]).map(name) };
}
