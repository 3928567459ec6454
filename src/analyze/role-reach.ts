/**
 * Who reaches a role: the mapping patterns that map users to it (by name,
 * backend role, all of several backend roles, host or IP range), the backend
 * roles named like it where `roles_mapping_resolution` lets those count, and
 * the internal users that end up holding it. An internal user's roles come
 * from the runtime (`rolesOf`), so they are exactly those `authorize` uses;
 * the way each was reached is then explained from the mappings.
 */
import { compilePattern, parsePattern } from "../patterns/pattern.js";
import { loadTable, type Policy } from "../runtime/index.js";
import type { ProvenanceInternalUser, TableLocation } from "../table/provenance.js";
import type { DecisionTable, TableMapping, TableSettings } from "../table/types.js";

/** The mapping fields, as roles_mapping.yml names them. */
export type MappingField = "users" | "backend_roles" | "and_backend_roles" | "hosts" | "ips";

export const MAPPING_FIELDS: readonly MappingField[] = ["users", "backend_roles", "and_backend_roles", "hosts", "ips"];

/** One mapping rule that gives the role: a pattern, or for `and_backend_roles` all patterns of the rule. */
export interface MappingRule {
  readonly field: MappingField;
  readonly patterns: readonly string[];
  /** Where each pattern is written, parallel to `patterns` (with provenance). */
  readonly at?: readonly (TableLocation | null)[];
}

/** How an internal user holds a role. */
export type InternalUserVia =
  | { readonly kind: "security_roles"; readonly at?: TableLocation }
  | { readonly kind: "mapping"; readonly rule: MappingRule; readonly matched: readonly string[] }
  /** `roles_mapping_resolution` `BOTH` or `BACKENDROLES_ONLY`: a backend role named like the role. */
  | { readonly kind: "backend_role_name" };

export interface InternalUserReach {
  readonly user: string;
  readonly at?: TableLocation;
  readonly via: readonly InternalUserVia[];
}

export interface RoleReach {
  /** The mapping rules naming the role; empty when mappings do not count (`BACKENDROLES_ONLY`). */
  readonly rules: readonly MappingRule[];
  /** Whether a backend role named exactly like the role gives it (`BOTH`, `BACKENDROLES_ONLY`). */
  readonly backendRoleName: boolean;
  readonly internalUsers: readonly InternalUserReach[];
}

/** Who reaches each role of a table, worked out once per table. */
export class RoleReachIndex {
  private readonly rulesByRole = new Map<string, MappingRule[]>();
  private readonly usersByRole = new Map<string, InternalUserReach[]>();
  private readonly resolution: TableSettings["rolesMappingResolution"];

  constructor(private readonly table: DecisionTable) {
    this.resolution = table.settings.rolesMappingResolution;
    table.mappings.forEach((mapping, i) => {
      const rules = this.rulesByRole.get(mapping.role) ?? [];
      rules.push(...mappingRules(mapping, table.provenance?.mappings[i]));
      this.rulesByRole.set(mapping.role, rules);
    });
    for (const user of table.provenance?.internalUsers ?? []) this.addInternalUser(user);
  }

  reach(role: string): RoleReach {
    return {
      rules: this.resolution === "BACKENDROLES_ONLY" ? [] : (this.rulesByRole.get(role) ?? []),
      backendRoleName: this.resolution !== "MAPPING_ONLY",
      internalUsers: this.usersByRole.get(role) ?? [],
    };
  }

  /** The user's roles as the runtime maps them, each with the ways it is reached. */
  private addInternalUser(user: ProvenanceInternalUser): void {
    const backendRoles = user.backendRoles.map((name) => name.value);
    const securityRoles = user.securityRoles.map((name) => name.value);
    for (const role of internalUserRoles(this.table, user.name, backendRoles, securityRoles)) {
      const via: InternalUserVia[] = [];
      const written = user.securityRoles.find((name) => name.value === role);
      if (written !== undefined) via.push(written.at === undefined ? { kind: "security_roles" } : { kind: "security_roles", at: written.at });
      for (const rule of this.reach(role).rules) {
        const matched = ruleMatches(rule, user.name, backendRoles, this.table.flavor === "searchguard");
        if (matched !== undefined) via.push({ kind: "mapping", rule, matched });
      }
      if (this.resolution !== "MAPPING_ONLY" && backendRoles.includes(role)) via.push({ kind: "backend_role_name" });
      const reach: InternalUserReach = { user: user.name, ...(user.at !== undefined ? { at: user.at } : {}), via };
      this.usersByRole.set(role, [...(this.usersByRole.get(role) ?? []), reach]);
    }
  }
}

/** Each table loaded once: a diff asks for every internal user of the same two tables. */
const loadedTables = new WeakMap<DecisionTable, Policy>();

/** An internal user's roles, as `authorize` maps them (an internal user has no host). */
export function internalUserRoles(table: DecisionTable, name: string, backendRoles: readonly string[], securityRoles: readonly string[]): readonly string[] {
  let policy = loadedTables.get(table);
  if (policy === undefined) loadedTables.set(table, (policy = loadTable(table)));
  return policy.rolesOf({ name, backend_roles: [...backendRoles], roles: [...securityRoles] });
}

/** The rules of one mapping: one per pattern, one per `and_backend_roles` list; rules that can never match are left out. */
function mappingRules(mapping: TableMapping, at: NonNullable<DecisionTable["provenance"]>["mappings"][number] | undefined): MappingRule[] {
  const single = (field: MappingField, patterns: readonly string[], locations: readonly (TableLocation | null)[] | undefined): MappingRule[] =>
    patterns.map((pattern, i) => ({ field, patterns: [pattern], ...(locations !== undefined ? { at: [locations[i] ?? null] } : {}) }));
  const rules = [
    ...single("users", mapping.users, at?.users),
    ...single("backend_roles", mapping.backendRoles, at?.backendRoles),
    ...single("hosts", mapping.hosts, at?.hosts),
    ...single("ips", mapping.ips ?? [], undefined),
  ];
  const and = mapping.andBackendRoles;
  if (and.length > 0 && !and.some((pattern) => parsePattern(pattern).kind === "none")) {
    rules.push({ field: "and_backend_roles", patterns: [...and], ...(at !== undefined ? { at: at.andBackendRoles } : {}) });
  }
  return rules;
}

/**
 * What a rule matched of an internal user (its name, or backend roles), or
 * undefined when it does not match. OpenSearch lets a bare `*` backend role
 * match a user without any; Search Guard wants one backend role at least.
 */
function ruleMatches(rule: MappingRule, name: string, backendRoles: readonly string[], searchGuard: boolean): readonly string[] | undefined {
  const matchesSome = (pattern: string): string[] => {
    if (pattern === "*" && !searchGuard && backendRoles.length === 0) return ["*"];
    const matcher = compilePattern(pattern);
    return backendRoles.filter(matcher);
  };
  switch (rule.field) {
    case "users":
      return compilePattern(rule.patterns[0]!)(name) ? [name] : undefined;
    case "backend_roles": {
      const matched = matchesSome(rule.patterns[0]!);
      return matched.length > 0 ? matched : undefined;
    }
    case "and_backend_roles": {
      const each = rule.patterns.map(matchesSome);
      return each.every((matched) => matched.length > 0) ? [...new Set(each.flat())] : undefined;
    }
    default:
      // Internal users carry no address: host and IP rules never match them here.
      return undefined;
  }
}
