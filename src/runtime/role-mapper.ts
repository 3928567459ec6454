/**
 * Maps a user to security roles (ConfigurableRoleMapper): a role applies when
 * a `users` pattern matches the name, a `backend_roles` pattern matches a
 * backend role, every `and_backend_roles` pattern matches some backend role,
 * or a `hosts` pattern matches the caller's address. Roles given by the
 * authenticator are always added; `roles_mapping_resolution` decides whether
 * mappings and/or backend role names count.
 *
 * Exact names are looked up in maps, so the cost of mapping a user grows
 * with the number of wildcard patterns, not with the number of mappings.
 */
import { compilePattern, parsePattern, type Matcher } from "../patterns/pattern.js";
import type { TableMapping, TableSettings } from "../table/types.js";
import type { NormalizedUser } from "./request.js";

interface PatternRule {
  readonly matches: Matcher;
  readonly role: string;
}

/** Exact names in a map, other patterns in a list: the lookup structure for one kind of rule. */
class NameRules {
  private readonly exact = new Map<string, string[]>();
  private readonly patterns: PatternRule[] = [];
  private readonly universal: string[] = [];

  add(pattern: string, role: string): void {
    const parsed = parsePattern(pattern);
    if (parsed.kind === "exact") {
      const roles = this.exact.get(parsed.value);
      if (roles) roles.push(role);
      else this.exact.set(parsed.value, [role]);
    } else if (parsed.kind === "all") {
      this.universal.push(role);
    } else if (parsed.kind !== "none") {
      this.patterns.push({ matches: compilePattern(pattern), role });
    }
  }

  collect(value: string, into: Set<string>): void {
    this.collectUniversal(into);
    for (const role of this.exact.get(value) ?? []) into.add(role);
    for (const rule of this.patterns) if (rule.matches(value)) into.add(rule.role);
  }

  /** Roles of the bare `*` patterns: the plugin's `*` matches even an empty list of values. */
  collectUniversal(into: Set<string>): void {
    for (const role of this.universal) into.add(role);
  }
}

interface AndRule {
  readonly matchers: readonly { readonly matches: Matcher; readonly universal: boolean }[];
  readonly role: string;
}

export class RoleMapper {
  private readonly users = new NameRules();
  private readonly backendRoles = new NameRules();
  private readonly hosts = new NameRules();
  private readonly andRules: AndRule[] = [];

  constructor(
    mappings: readonly TableMapping[],
    private readonly resolution: TableSettings["rolesMappingResolution"],
  ) {
    for (const mapping of mappings) {
      for (const pattern of mapping.users) this.users.add(pattern, mapping.role);
      for (const pattern of mapping.backendRoles) this.backendRoles.add(pattern, mapping.role);
      for (const pattern of mapping.hosts) this.hosts.add(pattern, mapping.role);
      if (mapping.andBackendRoles.length) {
        const matchers = mapping.andBackendRoles.map((p) => ({ matches: compilePattern(p), universal: parsePattern(p).kind === "all" }));
        this.andRules.push({ matchers, role: mapping.role });
      }
    }
  }

  /** The user's security roles, sorted. */
  map(user: NormalizedUser): string[] {
    const roles = new Set(user.roles);
    if (this.resolution !== "BACKENDROLES_ONLY") this.collectMapped(user, roles);
    if (this.resolution !== "MAPPING_ONLY") for (const role of user.backendRoles) roles.add(role);
    return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private collectMapped(user: NormalizedUser, roles: Set<string>): void {
    this.users.collect(user.name, roles);
    this.backendRoles.collectUniversal(roles);
    for (const backendRole of user.backendRoles) this.backendRoles.collect(backendRole, roles);
    if (user.host !== undefined) this.hosts.collect(user.host, roles);
    for (const rule of this.andRules) {
      if (rule.matchers.every((m) => m.universal || user.backendRoles.some(m.matches))) roles.add(rule.role);
    }
  }
}
