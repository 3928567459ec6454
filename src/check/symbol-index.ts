/**
 * Where each role, action group and tenant of a policy is defined and named,
 * and where each action is written, across every file of the policy and the
 * built-ins. The language server answers go to definition, find references
 * and hover from it; questions such as "who can reach this role" can too.
 *
 * It is built from the policy model, so it sees exactly what the compiler
 * sees: the spans on the model's names are the only locations it knows.
 */
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { LocatedString, PolicyModel } from "../model/types.js";

export type SymbolKind = "role" | "action_group" | "tenant" | "action";

/** One place a name is written. */
export interface SymbolOccurrence {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly span: SourceSpan;
  /** Whether this is where the name is defined (else it refers to it). */
  readonly definition: boolean;
}

export interface SymbolSources {
  /** The policy as its author wrote it. */
  readonly policy: PolicyModel;
  /** The built-in action groups, roles and tenants. */
  readonly builtins: PolicyModel;
  /**
   * Role names the model keeps no location for: a DSL user's `mapped_to` of
   * a role that is mapped elsewhere too only adds the user to that mapping.
   */
  readonly extraRoleReferences?: readonly LocatedString[];
}

export class SymbolIndex {
  private readonly byFile = new Map<string, SymbolOccurrence[]>();
  private readonly byName = new Map<string, SymbolOccurrence[]>();

  /** Occurrences in the order their files were read, then by position. */
  constructor(occurrences: readonly SymbolOccurrence[]) {
    const fileRank = new Map<string, number>();
    for (const { span } of occurrences) if (!fileRank.has(span.file.path)) fileRank.set(span.file.path, fileRank.size);
    const rank = (occurrence: SymbolOccurrence) => fileRank.get(occurrence.span.file.path) ?? 0;
    const sorted = [...occurrences].sort((a, b) => rank(a) - rank(b) || a.span.start - b.span.start);
    for (const occurrence of sorted) {
      pushTo(this.byFile, occurrence.span.file.path, occurrence);
      pushTo(this.byName, nameKey(occurrence.kind, occurrence.name), occurrence);
    }
  }

  /**
   * The name written at an offset of a file. The end is included, so that a
   * cursor right after a name (where editors put it) still finds the name.
   */
  at(path: string, offset: number): SymbolOccurrence | undefined {
    return this.byFile.get(path)?.find(({ span }) => span.start <= offset && offset <= span.end);
  }

  /** Where a name is defined; a built-in definition comes before a custom one of the same name. */
  definitions(kind: SymbolKind, name: string): SymbolOccurrence[] {
    return this.occurrences(kind, name).filter((occurrence) => occurrence.definition);
  }

  /** Where a name is referred to, definitions left out. */
  references(kind: SymbolKind, name: string): SymbolOccurrence[] {
    return this.occurrences(kind, name).filter((occurrence) => !occurrence.definition);
  }

  /** Every place a name is written, in the order the files were read, then by position. */
  occurrences(kind: SymbolKind, name: string): SymbolOccurrence[] {
    return this.byName.get(nameKey(kind, name)) ?? [];
  }
}

export function buildSymbolIndex(sources: SymbolSources): SymbolIndex {
  const { policy, builtins } = sources;
  const groupNames = new Set([...builtins.actionGroups, ...policy.actionGroups].map((group) => group.name.value));
  const tenantNames = new Set([...builtins.tenants, ...policy.tenants].map((tenant) => tenant.name.value));
  const collector = new OccurrenceCollector();
  for (const model of [builtins, policy]) {
    collectDefinitions(model, collector);
    collectReferences(model, groupNames, tenantNames, collector);
  }
  for (const role of sources.extraRoleReferences ?? []) collector.add("role", role, false);
  return new SymbolIndex(collector.occurrences);
}

function collectDefinitions(model: PolicyModel, collector: OccurrenceCollector): void {
  for (const group of model.actionGroups) collector.add("action_group", group.name, true);
  for (const role of model.roles) collector.add("role", role.name, true);
  for (const tenant of model.tenants) collector.add("tenant", tenant.name, true);
}

function collectReferences(model: PolicyModel, groupNames: ReadonlySet<string>, tenantNames: ReadonlySet<string>, collector: OccurrenceCollector): void {
  const addAction = (action: LocatedString) => collector.add(groupNames.has(action.value) ? "action_group" : "action", action, false);
  for (const group of model.actionGroups) group.allowedActions.forEach(addAction);
  for (const role of model.roles) {
    role.clusterPermissions.forEach(addAction);
    for (const permission of role.indexPermissions) permission.allowedActions.forEach(addAction);
    for (const permission of role.tenantPermissions) {
      permission.allowedActions.forEach(addAction);
      // Only a pattern that is exactly a tenant's name refers to that tenant.
      for (const pattern of permission.tenantPatterns) if (tenantNames.has(pattern.value)) collector.add("tenant", pattern, false);
    }
  }
  for (const mapping of model.roleMappings) collector.add("role", mapping.role, false);
  for (const user of model.internalUsers) for (const role of user.securityRoles) collector.add("role", role, false);
}

/**
 * Occurrences, each place once: a DSL role's own mapping clauses give its
 * mapping the role's name, with the definition's span, which is no reference.
 */
class OccurrenceCollector {
  readonly occurrences: SymbolOccurrence[] = [];
  private readonly seen = new Set<string>();

  add(kind: SymbolKind, name: LocatedString, definition: boolean): void {
    const { span } = name;
    if (!span) return;
    const place = `${kind}\u0000${span.file.path}\u0000${span.start}\u0000${span.end}`;
    if (this.seen.has(place)) return;
    this.seen.add(place);
    this.occurrences.push({ kind, name: name.value, span, definition });
  }
}

function nameKey(kind: SymbolKind, name: string): string {
  return `${kind}\u0000${name}`;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
