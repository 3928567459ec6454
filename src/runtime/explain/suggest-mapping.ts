/**
 * (c) Mapping the user, by name, to a role it does not hold that grants the
 * whole request: every missing part (the roles are found through the unit
 * tries, so a table of thousands of roles costs one walk each), and for a
 * security REST API request the roles `plugins.security.restapi.roles_enabled`
 * lists. The smallest roles are measured; the caller verifies them.
 */
import type { GrantTarget, Suggestion } from "../../table/explanation.js";
import type { TableLocation } from "../../table/provenance.js";
import { nearPrivilegeOf, type DenialContext } from "./near-grants.js";
import { nearGrantingRoles, nearRoleWeight } from "./near-misses.js";
import { nearOrder, nearOtherActions, nearRoleAt, nearTick, nearWithAt } from "./near-wording.js";
import { suggestCountGranted, SUGGEST_CLUSTER_KIND, SUGGEST_INDEX_KIND, type SuggestKnownActions } from "./suggest-known-actions.js";
import type { SuggestCandidate } from "./suggest-role-changes.js";

/** Roles measured for a mapping, at most (the lightest by `nearRoleWeight`). */
const SUGGEST_MAPPINGS_CONSIDERED = 8;

/** Mapping suggestions for the missing targets, and for `restApiRoles` (roles_enabled names) when given. */
export function suggestMappings(
  context: DenialContext,
  targets: readonly { target: GrantTarget; privilege: string }[],
  restApiRoles: readonly string[],
  known: SuggestKnownActions,
): SuggestCandidate[] {
  // With BACKENDROLES_ONLY the plugin reads no mapping: mapping the user changes nothing.
  if (context.table.settings.rolesMappingResolution === "BACKENDROLES_ONLY") return [];
  const userName = context.user.name;
  const candidates = suggestGrantingRoles(context, targets).map((roleId) => {
    const role = context.table.roles[roleId]!.name;
    const alsoGrants = suggestRoleExtra(context, roleId, known, targets[0]?.privilege ?? "");
    const detail = `map user ${nearTick(userName)} to role ${nearTick(role)}; it also grants ${nearOtherActions(alsoGrants)}`;
    return suggestMapping(role, userName, alsoGrants, detail, suggestMappingAt(context, role) ?? nearRoleAt(context.table, roleId));
  });
  const held = new Set(context.user.roleSet.names);
  for (const role of restApiRoles) {
    if (held.has(role)) continue;
    const roleId = context.table.roles.findIndex((candidate) => candidate.name === role);
    const alsoGrants = roleId < 0 ? 0 : suggestRoleExtra(context, roleId, known, targets[0]?.privilege ?? "");
    const detail = `map user ${nearTick(userName)} to role ${nearTick(role)}, which \`plugins.security.restapi.roles_enabled\` lists; it also grants ${nearOtherActions(alsoGrants)}`;
    candidates.push(suggestMapping(role, userName, alsoGrants, detail, suggestMappingAt(context, role) ?? (roleId < 0 ? undefined : nearRoleAt(context.table, roleId))));
  }
  return candidates;
}

function suggestMapping(role: string, user: string, alsoGrants: number, detail: string, at: TableLocation | undefined): SuggestCandidate {
  const suggestion: Suggestion = nearWithAt({ kind: "map-user", role, user, alsoGrants, detail }, at);
  return { suggestion, change: { kind: "map-user", role, user }, part: undefined };
}

/** The unheld roles that grant every target, lightest first, at most `SUGGEST_MAPPINGS_CONSIDERED`. */
function suggestGrantingRoles(context: DenialContext, targets: readonly { target: GrantTarget; privilege: string }[]): number[] {
  const granting = targets.map(({ target, privilege }) => nearGrantingRoles(context, target, nearPrivilegeOf(context, privilege)));
  const [first, ...rest] = granting;
  if (first === undefined) return [];
  const found = [...first.keys()].filter((roleId) => rest.every((roles) => roles.has(roleId))).map((roleId) => ({ roleId, weight: nearRoleWeight(context, roleId) }));
  const roles = context.table.roles;
  found.sort((a, b) => a.weight - b.weight || nearOrder(roles[a.roleId]!.name, roles[b.roleId]!.name));
  return found.slice(0, SUGGEST_MAPPINGS_CONSIDERED).map(({ roleId }) => roleId);
}

/**
 * What a role adds to the user's own: the known cluster actions its cluster
 * permissions cover and the known index actions its index permissions
 * cover (on any index) that no held role covers alike, and its tenant
 * patterns; the needed action left out.
 */
function suggestRoleExtra(context: DenialContext, roleId: number, known: SuggestKnownActions, needed: string): number {
  const table = context.table;
  const texts = (ids: readonly number[]) => ids.map((id) => table.actionPatterns[id]!);
  const role = table.roles[roleId]!;
  const heldCluster = context.heldRoles.flatMap((id) => texts(table.roles[id]!.cluster));
  const heldIndex = context.heldRoles.flatMap((id) => table.roles[id]!.index.flatMap((entry) => texts(entry.actions)));
  const cluster = suggestCountGranted(known, texts(role.cluster), SUGGEST_CLUSTER_KIND, heldCluster, needed);
  const index = suggestCountGranted(known, role.index.flatMap((entry) => texts(entry.actions)), SUGGEST_INDEX_KIND, heldIndex, needed);
  return cluster + index + role.tenants.reduce((sum, entry) => sum + entry.patterns.length, 0);
}

/** Where the role's first mapping is written, if the table has provenance and the role a mapping. */
function suggestMappingAt(context: DenialContext, role: string): TableLocation | undefined {
  const index = context.table.mappings.findIndex((mapping) => mapping.role === role);
  return index < 0 ? undefined : context.table.provenance?.mappings[index]?.at;
}
