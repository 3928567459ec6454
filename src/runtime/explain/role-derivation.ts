/**
 * How a user got each of its roles: the request's own `user.roles`, a
 * backend role of the same name (`roles_mapping_resolution`
 * `BACKENDROLES_ONLY` or `BOTH`), or each role mapping whose patterns
 * matched, field by field. The patterns are matched with the plugin's
 * pattern language as the role mapper's tables hold them (role-mapper.ts,
 * mapping-lookup.ts): one pattern at a time here, since explaining is rare
 * and must name what matched.
 */
import { compilePattern, parsePattern } from "../../patterns/pattern.js";
import type { RoleDerivation, RoleSource } from "../../table/explanation.js";
import type { ProvenanceMapping, TableLocation } from "../../table/provenance.js";
import type { DecisionTable, TableMapping } from "../../table/types.js";
import type { NormalizedUser } from "../request.js";

type MappingField = "users" | "backend_roles" | "and_backend_roles" | "hosts";

/** Each of `roles` (the decision's, sorted) with every way the user got it. */
export function deriveRoles(table: DecisionTable, user: NormalizedUser, roles: readonly string[]): RoleDerivation[] {
  const resolution = table.settings.rolesMappingResolution;
  return roles.map((role) => {
    const via: RoleSource[] = [];
    if (user.roles.includes(role)) via.push({ kind: "request" });
    if (resolution !== "MAPPING_ONLY" && user.backendRoles.includes(role)) via.push({ kind: "backend-role" });
    if (resolution !== "BACKENDROLES_ONLY") {
      table.mappings.forEach((mapping, i) => {
        if (mapping.role === role) via.push(...mappingSources(mapping, table.provenance?.mappings[i], user));
      });
    }
    return { role, via };
  });
}

/** The sources one mapping gives: one per field with a pattern that matched. */
function mappingSources(mapping: TableMapping, provenance: ProvenanceMapping | undefined, user: NormalizedUser): RoleSource[] {
  const sources: RoleSource[] = [];
  const add = (field: MappingField, matches: readonly PatternMatch[], locations: readonly (TableLocation | null)[] | undefined) => {
    if (matches.length === 0) return;
    sources.push({
      kind: "mapping",
      field,
      patterns: matches.map((match) => match.pattern),
      matched: matches.map((match) => match.matched),
      ...(locations === undefined ? {} : { at: matches.map((match) => locations[match.position] ?? null) }),
      ...(provenance?.at === undefined ? {} : { mappingAt: provenance.at }),
    });
  };
  add("users", matchingPatterns(mapping.users, [user.name], false), provenance?.users);
  add("backend_roles", matchingPatterns(mapping.backendRoles, user.backendRoles, true), provenance?.backendRoles);
  add("and_backend_roles", andRuleMatches(mapping.andBackendRoles, user.backendRoles), provenance?.andBackendRoles);
  add("hosts", user.host === undefined ? [] : matchingPatterns(mapping.hosts, [user.host], false), provenance?.hosts);
  return sources;
}

/** A pattern of a mapping list, its position there, and what it matched. */
interface PatternMatch {
  readonly pattern: string;
  readonly position: number;
  readonly matched: string;
}

/**
 * The patterns of a list that match one of the values, each with the first
 * value it matches. With `anyStar`, a bare `*` matches even when there is no
 * value: the role mapper maps a `*` backend role to every user.
 */
function matchingPatterns(patterns: readonly string[], values: readonly string[], anyStar: boolean): PatternMatch[] {
  const matches: PatternMatch[] = [];
  patterns.forEach((pattern, position) => {
    if (anyStar && pattern === "*") matches.push({ pattern, position, matched: values[0] ?? "" });
    else {
      const matcher = compilePattern(pattern);
      const matched = values.find((value) => matcher(value));
      if (matched !== undefined) matches.push({ pattern, position, matched });
    }
  });
  return matches;
}

/**
 * An `and_backend_roles` rule maps when each of its patterns matches some
 * backend role (a bare `*` even without any); a pattern that matches nothing
 * makes the rule impossible. All its patterns, or none when it does not map.
 */
function andRuleMatches(patterns: readonly string[], backendRoles: readonly string[]): PatternMatch[] {
  if (patterns.length === 0 || patterns.some((pattern) => parsePattern(pattern).kind === "none")) return [];
  const matches = matchingPatterns(patterns, backendRoles, true);
  return matches.length === patterns.length ? matches : [];
}
