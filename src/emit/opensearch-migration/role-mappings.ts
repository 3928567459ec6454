/**
 * Search Guard role mappings as OpenSearch ones. The only difference is the
 * `ips` attribute (CIDR ranges of the caller's IP), which OpenSearch lacks;
 * its `hosts` patterns match the caller's IP as a string, so an address or
 * an IPv4 range on an octet boundary (`10.0.0.0/8` → `10.*`) is written
 * there exactly. Any other range (IPv6 ones too: the plugins spell the same
 * address in more than one way) is dropped and reported (PC7003).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString, RoleMapping } from "../../model/types.js";

export function migrateRoleMapping(mapping: RoleMapping, sink: DiagnosticSink): RoleMapping {
  const hosts = [...mapping.hosts];
  for (const range of mapping.ips ?? []) {
    const pattern = hostPatternOf(range.value);
    if (pattern !== undefined) {
      hosts.push({ ...range, value: pattern });
      continue;
    }
    sink.report(
      "PC7003",
      `the \`ips\` range \`${range.value}\` of the mapping of role \`${mapping.role.value}\` cannot be written as an OpenSearch \`hosts\` pattern and is dropped: callers from it no longer get \`${mapping.role.value}\` through this mapping`,
      range.span ?? mapping.span,
      { help: "list the addresses (or `a.b.*` patterns) under `hosts` instead" },
    );
  }
  const { ips: _ips, ...rest } = mapping;
  return { ...rest, hosts: unique(hosts) };
}

/** An IPv4 address, or an IPv4 range whose prefix ends on an octet (not 0), as a `hosts` pattern. */
export function hostPatternOf(range: string): string | undefined {
  const [address = "", prefixText = "32"] = range.split("/");
  const octets = ipv4Octets(address);
  if (octets === undefined || !/^\d+$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix === 0 || prefix > 32 || prefix % 8 !== 0) return undefined;
  if (prefix === 32) return octets.join(".");
  return `${octets.slice(0, prefix / 8).join(".")}.*`;
}

function ipv4Octets(address: string): number[] | undefined {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.map(Number);
}

function unique(patterns: readonly LocatedString[]): LocatedString[] {
  const seen = new Set<string>();
  return patterns.filter((pattern) => !seen.has(pattern.value) && Boolean(seen.add(pattern.value)));
}
