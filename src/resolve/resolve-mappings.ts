/**
 * Role mappings with their patterns checked: invalid `/…/` and blank
 * patterns match nothing, so they are reported and left out. In
 * `and_backend_roles` a pattern that matches nothing makes the whole rule
 * unsatisfiable, so the rule is kept as one that never matches.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { RoleMapping } from "../model/types.js";
import { usablePatterns } from "./resolve-patterns.js";

export interface ResolvedMapping {
  readonly role: string;
  readonly users: readonly string[];
  readonly backendRoles: readonly string[];
  /** Every pattern must match some backend role; `null` when the rule can never match. */
  readonly andBackendRoles: readonly string[] | null;
  readonly hosts: readonly string[];
  readonly source: RoleMapping;
}

export function resolveMapping(mapping: RoleMapping, sink: DiagnosticSink): ResolvedMapping {
  const andPatterns = usablePatterns(mapping.andBackendRoles, "backend role pattern", sink);
  return {
    role: mapping.role.value,
    users: usablePatterns(mapping.users, "user pattern", sink),
    backendRoles: usablePatterns(mapping.backendRoles, "backend role pattern", sink),
    andBackendRoles: andPatterns.length === mapping.andBackendRoles.length ? andPatterns : null,
    hosts: usablePatterns(mapping.hosts, "host pattern", sink),
    source: mapping,
  };
}
