/**
 * Turning the workload's patterns into the pattern languages the peers
 * speak: anchored JavaScript regexes (CASL, casbin) and Cedar `like`
 * patterns. Written for the pattern kinds the generator writes.
 */
import { expandActionItems } from "../workload/actions.js";
import { DEPT_ATTRIBUTE, type BenchIndexPattern, type BenchPolicy } from "../workload/policy.js";

const REGEX_SPECIALS = /[\\^$.*+?()[\]{}|/-]/g;
const DEPT_TEMPLATE = `\${${DEPT_ATTRIBUTE}}`;

/** The regex source of a `*`/`?` wildcard pattern (either may stand for any UTF-16 unit, as in the plugin). */
export function wildcardSource(pattern: string): string {
  let source = "";
  for (const ch of pattern) source += ch === "*" ? "[\\s\\S]*" : ch === "?" ? "[\\s\\S]" : ch.replace(REGEX_SPECIALS, "\\$&");
  return source;
}

/**
 * The regex source of an index pattern, or undefined for a template the
 * caller did not render. The workload's `/…/` regexes use only syntax
 * Java and JavaScript read alike (literals, `[0-9]`, `+`).
 */
export function indexPatternSource(pattern: BenchIndexPattern, dept?: string): string | undefined {
  switch (pattern.kind) {
    case "regex":
      return pattern.text.slice(1, -1);
    case "attr":
      return dept === undefined ? undefined : wildcardSource(pattern.text.replace(DEPT_TEMPLATE, dept));
    default:
      return wildcardSource(pattern.text);
  }
}

/** `^(?:a|b)$` over regex sources. */
export function anchoredAlternation(sources: readonly string[]): string {
  return `^(?:${sources.join("|")})$`;
}

/** A role's action items (names, patterns, groups) split into exact names and wildcard patterns. */
export interface ActionSplit {
  readonly exact: readonly string[];
  readonly wildcards: readonly string[];
}

export function splitActions(items: readonly string[], policy: BenchPolicy): ActionSplit {
  const patterns = expandActionItems(items, policy.groups);
  return { exact: patterns.filter((p) => !p.includes("*")), wildcards: patterns.filter((p) => p.includes("*")) };
}

/** Users mapped to roles: by name and by backend role (the workload uses MAPPING_ONLY, no patterns in mappings). */
export interface RoleDirectory {
  readonly rolesByUser: ReadonlyMap<string, readonly string[]>;
  readonly rolesByBackendRole: ReadonlyMap<string, readonly string[]>;
}

export function roleDirectory(policy: BenchPolicy): RoleDirectory {
  const rolesByUser = new Map<string, string[]>();
  const rolesByBackendRole = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, role: string) => {
    const list = map.get(key);
    if (list) list.push(role);
    else map.set(key, [role]);
  };
  for (const mapping of policy.mappings) {
    for (const user of mapping.users) add(rolesByUser, user, mapping.role);
    for (const backendRole of mapping.backendRoles) add(rolesByBackendRole, backendRole, mapping.role);
  }
  return { rolesByUser, rolesByBackendRole };
}
