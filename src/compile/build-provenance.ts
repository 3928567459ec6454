/**
 * Builds a table's provenance (src/table/provenance.ts) from the resolved
 * policy, which still links every resolved entry to the model element it
 * came from. Lists follow the table's own order, so the builder walks the
 * resolved roles and mappings in the order `buildDecisionTable` does.
 */
import { compareText, type ResolvedPolicy, type ResolvedRole } from "../resolve/index.js";
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { ActionGroup, InternalUser, LocatedString } from "../model/types.js";
import type {
  ProvenanceActionGroup,
  ProvenanceInternalUser,
  ProvenanceMapping,
  ProvenanceRole,
  TableLocation,
  TableProvenance,
  WrittenName,
} from "../table/provenance.js";

export function buildProvenance(policy: ResolvedPolicy): TableProvenance {
  return {
    sources: [...policy.model.sources],
    actionGroups: [...policy.groups.groups.values()].sort((a, b) => compareText(a.name.value, b.name.value)).map(actionGroupProvenance),
    roles: [...policy.roles.values()].map((role) => roleProvenance(role, policy.model.flavor === "searchguard")),
    mappings: policy.mappings.map(mappingProvenance),
    internalUsers: uniqueByName(policy.model.internalUsers).map(internalUserProvenance),
    tenants: uniqueByName(policy.model.tenants).map((tenant) => writtenName(tenant.name)),
  };
}

function actionGroupProvenance(group: ActionGroup): ProvenanceActionGroup {
  return { name: group.name.value, ...at(group.name.span), builtin: group.static, allowedActions: group.allowedActions.map(writtenName) };
}

function roleProvenance(role: ResolvedRole, searchGuard: boolean): ProvenanceRole {
  const source = role.source;
  return {
    ...at(source.name.span),
    builtin: source.static,
    clusterPermissions: source.clusterPermissions.map(writtenName),
    index: role.index.map((entry) => ({
      ...at(entry.source.span),
      patterns: tablePatternOrder(entry.indexPatterns, searchGuard).map((pattern) => locationOf(pattern, entry.source.indexPatterns)),
      allowedActions: entry.source.allowedActions.map(writtenName),
    })),
    tenants: role.tenants.map((entry) => ({
      ...at(entry.source.span),
      patterns: entry.patterns.map((pattern) => locationOf(pattern, entry.source.tenantPatterns)),
      allowedActions: entry.source.allowedActions.map(writtenName),
    })),
  };
}

/**
 * The entry's index patterns in the table's order: OpenSearch tables keep
 * them distinct and sorted (the pool's order is code-unit order), Search
 * Guard tables as written, because a negation applies by position.
 */
function tablePatternOrder(patterns: readonly string[], searchGuard: boolean): readonly string[] {
  return searchGuard ? patterns : [...new Set(patterns)].sort(compareText);
}

function mappingProvenance(mapping: ResolvedPolicy["mappings"][number]): ProvenanceMapping {
  const source = mapping.source;
  return {
    ...at(source.span),
    users: mapping.users.map((pattern) => locationOf(pattern, source.users)),
    backendRoles: mapping.backendRoles.map((pattern) => locationOf(pattern, source.backendRoles)),
    andBackendRoles: mapping.andBackendRoles === null ? [null] : mapping.andBackendRoles.map((pattern) => locationOf(pattern, source.andBackendRoles)),
    hosts: mapping.hosts.map((pattern) => locationOf(pattern, source.hosts)),
  };
}

function internalUserProvenance(user: InternalUser): ProvenanceInternalUser {
  return {
    name: user.name.value,
    ...at(user.name.span),
    backendRoles: user.backendRoles.map(writtenName),
    securityRoles: user.securityRoles.map(writtenName),
  };
}

/** The first definition of each name, sorted by name: later duplicates are errors the checks report. */
function uniqueByName<T extends { readonly name: LocatedString }>(entries: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const entry of entries) if (!byName.has(entry.name.value)) byName.set(entry.name.value, entry);
  return [...byName.values()].sort((a, b) => compareText(a.name.value, b.name.value));
}

function writtenName(name: LocatedString): WrittenName {
  return { value: name.value, ...at(name.span) };
}

/** Where the first of `written` with this value stands; `null` when none (a value the resolver derived). */
function locationOf(value: string, written: readonly LocatedString[]): TableLocation | null {
  const span = written.find((name) => name.value === value)?.span;
  return span === undefined ? null : tableLocation(span);
}

function at(span: SourceSpan | undefined): { at?: TableLocation } {
  return span === undefined ? {} : { at: tableLocation(span) };
}

export function tableLocation(span: SourceSpan): TableLocation {
  const { line, column } = span.file.lineColumn(span.start);
  return { file: span.file.path, line, column };
}
