/**
 * Each kind of definition → its model element. Clauses and flags go through
 * the placement check first; what does not belong is reported and ignored.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type {
  ActionGroup,
  EntityFlags,
  IndexPermission,
  InternalUser,
  LocatedString,
  Role,
  RoleMapping,
  Tenant,
  TenantPermission,
} from "../../model/types.js";
import { code } from "../../diagnostics/message-text.js";
import type { DslActionGroup, DslAttributesClause, DslClause, DslFlagName, DslIndexClause, DslMapping, DslRole, DslTenant, DslTenantClause, DslUser } from "./ast.js";
import { clauseKeyword, placedClauses, placedFlags, PLACES, ROLE_MAPPING_CLAUSES, type ClauseKeyword } from "./to-model-placement.js";

/** The items of the list clause with this keyword (placement leaves at most one). */
function listOf(clauses: readonly DslClause[], keyword: ClauseKeyword): LocatedString[] {
  return clauses.flatMap((clause) => (clause.kind === "list" && clause.keyword === keyword ? clause.items : []));
}

function textOf(clauses: readonly DslClause[], keyword: ClauseKeyword): LocatedString | undefined {
  for (const clause of clauses) if (clause.kind === "text" && clause.keyword === keyword) return clause.value;
  return undefined;
}

function entityFlags(flags: ReadonlySet<DslFlagName>, clauses: readonly DslClause[]): EntityFlags {
  const description = textOf(clauses, "description")?.value;
  return {
    reserved: flags.has("reserved"),
    hidden: flags.has("hidden"),
    static: flags.has("static"),
    ...(description !== undefined ? { description } : {}),
  };
}

export function toActionGroup(group: DslActionGroup, sink: DiagnosticSink): ActionGroup {
  const owner = `action group ${code(group.name.value)}`;
  const flags = placedFlags(group.flags, PLACES.actionGroup, owner, sink);
  const clauses = placedClauses(group.clauses, PLACES.actionGroup, owner, sink);
  const type = textOf(clauses, "type")?.value;
  return {
    name: group.name,
    ...entityFlags(flags, clauses),
    allowedActions: listOf(clauses, "allow"),
    ...(type !== undefined ? { type } : {}),
    span: group.span,
  };
}

/** A role and, when it has mapping clauses, its mapping (with the first mapping clause, for duplicate reports). */
export interface ConvertedRole {
  readonly role: Role;
  readonly mapping?: { readonly mapping: RoleMapping; readonly site?: SourceSpan };
}

export function toRole(role: DslRole, sink: DiagnosticSink): ConvertedRole {
  const owner = `role ${code(role.name.value)}`;
  const flags = placedFlags(role.flags, PLACES.role, owner, sink);
  const clauses = placedClauses(role.clauses, PLACES.role, owner, sink);
  const converted: Role = {
    name: role.name,
    ...entityFlags(flags, clauses),
    clusterPermissions: listOf(clauses, "cluster"),
    indexPermissions: clauses.flatMap((clause) => (clause.kind === "index" ? [toIndexPermission(clause, owner, sink)] : [])),
    tenantPermissions: clauses.flatMap((clause) => (clause.kind === "tenant" ? [toTenantPermission(clause)] : [])),
    span: role.span,
  };
  const mappingClauses = clauses.filter((clause) => ROLE_MAPPING_CLAUSES.includes(clauseKeyword(clause)));
  if (mappingClauses.length === 0) return { role: converted };
  const mapping: RoleMapping = { role: role.name, reserved: false, hidden: false, ...mappingLists(mappingClauses), span: role.span };
  return { role: converted, mapping: { mapping, site: mappingClauses[0]?.span } };
}

function mappingLists(clauses: readonly DslClause[]): Pick<RoleMapping, "users" | "backendRoles" | "andBackendRoles" | "hosts"> {
  return {
    users: listOf(clauses, "users"),
    backendRoles: listOf(clauses, "backend_roles"),
    andBackendRoles: listOf(clauses, "and_backend_roles"),
    hosts: listOf(clauses, "hosts"),
  };
}

/** `allow` may stand on the entry's first line or in its block, not in both. */
function toIndexPermission(clause: DslIndexClause, owner: string, sink: DiagnosticSink): IndexPermission {
  const written = [...(clause.allow ? [clause.allow] : []), ...(clause.body ?? [])];
  const clauses = placedClauses(written, PLACES.index, `an \`index\` entry of ${owner}`, sink);
  const dls = textOf(clauses, "dls");
  return {
    indexPatterns: clause.patterns,
    allowedActions: listOf(clauses, "allow"),
    ...(dls ? { dls } : {}),
    fls: listOf(clauses, "fls"),
    maskedFields: listOf(clauses, "mask"),
    span: clause.span,
  };
}

function toTenantPermission(clause: DslTenantClause): TenantPermission {
  return { tenantPatterns: clause.patterns, allowedActions: clause.allow?.items ?? [], span: clause.span };
}

export function toMappingBlock(mapping: DslMapping, sink: DiagnosticSink): RoleMapping {
  const owner = `the mapping of ${code(mapping.name.value)}`;
  const flags = placedFlags(mapping.flags, PLACES.mapping, owner, sink);
  const clauses = placedClauses(mapping.clauses, PLACES.mapping, owner, sink);
  const description = textOf(clauses, "description")?.value;
  return {
    role: mapping.name,
    reserved: flags.has("reserved"),
    hidden: flags.has("hidden"),
    ...(description !== undefined ? { description } : {}),
    ...mappingLists(clauses),
    span: mapping.span,
  };
}

/** A user and the roles its `mapped_to` clause maps it to. */
export interface ConvertedUser {
  readonly user: InternalUser;
  readonly mappedTo: readonly LocatedString[];
}

export function toUser(user: DslUser, sink: DiagnosticSink): ConvertedUser {
  const owner = `user ${code(user.name.value)}`;
  const flags = placedFlags(user.flags, PLACES.user, owner, sink);
  const clauses = placedClauses(user.clauses, PLACES.user, owner, sink);
  const hash = textOf(clauses, "hash")?.value;
  const attributes = clauses.find((clause): clause is DslAttributesClause => clause.kind === "attributes");
  const converted: InternalUser = {
    name: user.name,
    ...entityFlags(flags, clauses),
    ...(hash !== undefined ? { hash } : {}),
    backendRoles: listOf(clauses, "backend_roles"),
    securityRoles: listOf(clauses, "roles"),
    attributes: attributes ? distinctAttributes(attributes, owner, sink) : [],
    span: user.span,
  };
  return { user: converted, mappedTo: listOf(clauses, "mapped_to") };
}

/** Attributes are a map in internal_users.yml: a name given twice is an error, and the first one counts. */
function distinctAttributes(clause: DslAttributesClause, owner: string, sink: DiagnosticSink): DslAttributesClause["pairs"] {
  const first = new Map<string, LocatedString>();
  return clause.pairs.filter(({ name }) => {
    const earlier = first.get(name.value);
    if (!earlier) {
      first.set(name.value, name);
      return true;
    }
    sink.report("PC1006", `attribute ${code(name.value)} is given twice in ${owner}`, name.span, {
      ...(earlier.span ? { related: [{ message: `${code(name.value)} is first given here`, span: earlier.span }] } : {}),
    });
    return false;
  });
}

export function toTenant(tenant: DslTenant, sink: DiagnosticSink): Tenant {
  const owner = `tenant ${code(tenant.name.value)}`;
  const flags = placedFlags(tenant.flags, PLACES.tenant, owner, sink);
  const clauses = placedClauses(tenant.clauses, PLACES.tenant, owner, sink);
  return { name: tenant.name, ...entityFlags(flags, clauses), span: tenant.span };
}
