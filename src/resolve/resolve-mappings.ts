/**
 * Role mappings with their patterns checked: invalid `/…/` and blank
 * patterns match nothing, so they are reported and left out. In
 * `and_backend_roles` a pattern that matches nothing makes the whole rule
 * unsatisfiable, so the rule is kept as one that never matches.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { RoleMapping } from "../model/types.js";
import { code } from "../diagnostics/message-text.js";
import type { LocatedString } from "../model/types.js";
import { parseIpRange } from "../runtime/searchguard/sg-ip-ranges.js";
import { usablePatterns } from "./resolve-patterns.js";

export interface ResolvedMapping {
  readonly role: string;
  readonly users: readonly string[];
  readonly backendRoles: readonly string[];
  /** Every pattern must match some backend role; `null` when the rule can never match. */
  readonly andBackendRoles: readonly string[] | null;
  readonly hosts: readonly string[];
  /** Search Guard: CIDR ranges of the caller's IP, as written. */
  readonly ips?: readonly string[];
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
    ...(mapping.ips !== undefined && mapping.ips.length > 0 ? { ips: ipRanges(mapping.ips, sink) } : {}),
    source: mapping,
  };
}

/** The `ips` entries that are addresses or CIDR ranges; the others are errors, as Search Guard refuses the mapping. */
function ipRanges(ips: readonly LocatedString[], sink: DiagnosticSink): string[] {
  const ranges: string[] = [];
  for (const ip of ips) {
    if (parseIpRange(ip.value) !== undefined) ranges.push(ip.value);
    else sink.report("PC4003", `${code(ip.value)} is not an IP address or CIDR range (\`192.168.0.0/16\`, \`10.0.0.7\`, \`2001:db8::/32\`)`, ip.span);
  }
  return ranges;
}
