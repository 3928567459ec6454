/**
 * Maps a user to security roles (ConfigurableRoleMapper): a role applies when
 * a `users` pattern matches the name, a `backend_roles` pattern matches a
 * backend role, every `and_backend_roles` pattern matches some backend role,
 * or a `hosts` pattern matches the caller's address. Roles given by the
 * authenticator are always added; `roles_mapping_resolution` decides whether
 * mappings and/or backend role names count.
 *
 * Patterns are looked up in the tables of `MappingLookup`, so mapping a user
 * costs what the user's names match, whatever the number of mappings. Mapped
 * roles are handled by their ids (the mapping lookup's sorted role names), so
 * a user whose roles all come from mappings is mapped without comparing or
 * hashing any role name.
 */
import type { TableSettings } from "../table/types.js";
import { compareCodeUnits, type MappingLookup } from "./mapping-lookup.js";
import { NameRules } from "./name-rules.js";
import type { NormalizedUser } from "./request.js";

/** A user's security roles: the names, sorted; a key equal for equal lists; the table ids of the defined ones. */
export interface MappedRoles {
  readonly names: readonly string[];
  readonly key: string;
  readonly roleIds: readonly number[];
}

/** The role mappings of a table, ready to map users. */
export class RoleMapper {
  private readonly users: NameRules;
  private readonly backendRoles: NameRules;
  private readonly hosts: NameRules;
  private readonly andPatterns: NameRules;
  private readonly nameIds: ReadonlyMap<string, number>;
  /** Per mapped role name id, its table role id, or -1 when the role is not defined. */
  private readonly tableIds: Int32Array;

  constructor(
    private readonly lookup: MappingLookup,
    private readonly resolution: TableSettings["rolesMappingResolution"],
    private readonly roleIdsByName: ReadonlyMap<string, number>,
  ) {
    this.users = new NameRules(lookup.users);
    this.backendRoles = new NameRules(lookup.backendRoles);
    this.hosts = new NameRules(lookup.hosts);
    this.andPatterns = new NameRules(lookup.andPatterns);
    this.nameIds = new Map(lookup.roleNames.map((name, id) => [name, id]));
    this.tableIds = Int32Array.from(lookup.roleNames, (name) => roleIdsByName.get(name) ?? -1);
  }

  /** The user's security roles. */
  map(user: NormalizedUser): MappedRoles {
    const ids = this.resolution === "BACKENDROLES_ONLY" ? [] : this.mappedIds(user);
    const extra = this.resolution === "MAPPING_ONLY" ? user.roles : [...user.roles, ...user.backendRoles];
    return extra.length === 0 ? this.ofIds(ids) : this.ofNames(ids, extra);
  }

  /** Roles that all come from mappings: names and table ids straight from the ids. */
  private ofIds(ids: readonly number[]): MappedRoles {
    const roleIds: number[] = [];
    for (const id of ids) if (this.tableIds[id]! >= 0) roleIds.push(this.tableIds[id]!);
    return { names: ids.map((id) => this.lookup.roleNames[id]!), key: idKey(ids), roleIds };
  }

  /** Roles that include names of the user's own; the key stays the id key when every name is a mapped one. */
  private ofNames(ids: readonly number[], extra: readonly string[]): MappedRoles {
    const names = [...new Set([...ids.map((id) => this.lookup.roleNames[id]!), ...extra])].sort(compareCodeUnits);
    const allIds = names.map((name) => this.nameIds.get(name));
    const key = allIds.every((id) => id !== undefined) ? idKey(allIds as number[]) : JSON.stringify(names);
    return { names, key, roleIds: names.flatMap((name) => this.roleIdsByName.get(name) ?? []) };
  }

  /** The ids of the mapped roles, sorted, without duplicates. */
  private mappedIds(user: NormalizedUser): number[] {
    const lists: number[] = [];
    this.users.collect(user.name, lists);
    if (this.lookup.anyBackendRole !== 0) lists.push(this.lookup.anyBackendRole);
    for (const backendRole of user.backendRoles) this.backendRoles.collect(backendRole, lists);
    if (user.host !== undefined) this.hosts.collect(user.host, lists);
    const { listStart, listRoles } = this.lookup;
    const ids: number[] = [...this.lookup.andAlwaysRoles];
    for (const payload of lists) for (let i = listStart[payload - 1]!; i < listStart[payload]!; i++) ids.push(listRoles[i]!);
    this.collectAndRules(user.backendRoles, ids);
    return sortedUnique(ids);
  }

  /** Rules whose patterns all match some backend role; only rules sharing a matched pattern are looked at. */
  private collectAndRules(backendRoles: readonly string[], into: number[]): void {
    const lookup = this.lookup;
    if (lookup.andRuleRoles.length === 0 || backendRoles.length === 0) return;
    const payloads: number[] = [];
    for (const backendRole of backendRoles) this.andPatterns.collect(backendRole, payloads);
    const matched = new Set(payloads.map((payload) => payload - 1));
    for (const pattern of matched) {
      for (let k = lookup.andPatternRuleStart[pattern]!; k < lookup.andPatternRuleStart[pattern + 1]!; k++) {
        const rule = lookup.andPatternRules[k]!;
        let all = true;
        for (let i = lookup.andRuleStart[rule]!; all && i < lookup.andRuleStart[rule + 1]!; i++) all = matched.has(lookup.andRulePatterns[i]!);
        if (all) into.push(lookup.andRuleRoles[rule]!);
      }
    }
  }
}

function idKey(ids: readonly number[]): string {
  return `#${ids.join(",")}`;
}

function sortedUnique(ids: number[]): number[] {
  if (ids.length < 2) return ids;
  ids.sort((a, b) => a - b);
  let n = 1;
  for (let i = 1; i < ids.length; i++) if (ids[i] !== ids[n - 1]) ids[n++] = ids[i]!;
  ids.length = n;
  return ids;
}
