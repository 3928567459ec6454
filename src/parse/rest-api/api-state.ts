/**
 * The configuration a script's requests change, as the API holds it: per
 * type, the entries by name in order, each as its JSON (a located tree).
 * Entries of the base policy keep their model element until a request
 * changes them, so that an untouched base entry comes out exactly as it went
 * in; the static entries are the plugin's built-ins, which exist without
 * being part of the policy.
 */
import type { SourceFile, SourceSpan } from "../../diagnostics/source-file.js";
import type { LocatedString, PolicyModel } from "../../model/types.js";
import type { PolicyConfigType } from "../yaml/config-kinds.js";
import { treeToModel } from "../yaml/to-model.js";
import { findEntry, type YamlMap, type YamlNode } from "../yaml/yaml-nodes.js";
import { flag } from "../yaml/to-model-values.js";
import { APPLY_ORDER } from "./api-endpoints.js";
import { builtinNames } from "./builtin-names.js";
import { actionGroupNode, internalUserNode, roleMappingNode, roleNode, tenantNode, type ModelEntity } from "./model-to-node.js";

export interface StateEntry {
  readonly name: LocatedString;
  readonly node: YamlMap;
  /** The base policy's element, while no request has changed the entry. */
  readonly model?: ModelEntity;
  /** Whether the cluster holds a password hash for this internal user (a dump hides it, a password sets one). */
  readonly hasSecret?: boolean;
}

export class ApiState {
  private readonly entries = new Map<PolicyConfigType, Map<string, StateEntry>>();
  private readonly statics = new Map<PolicyConfigType, ReadonlySet<string>>();

  constructor(base: PolicyModel, fallback: SourceFile) {
    const nowhere: SourceSpan = { file: fallback, start: 0, end: 0 };
    for (const type of APPLY_ORDER) {
      this.entries.set(type, new Map());
      this.statics.set(type, builtinNames(type));
    }
    for (const group of base.actionGroups) this.putBase("actiongroups", group.name, actionGroupNode(group, nowhere), group);
    for (const role of base.roles) this.putBase("roles", role.name, roleNode(role, nowhere), role);
    for (const user of base.internalUsers) this.putBase("internalusers", user.name, internalUserNode(user, nowhere), user, user.hash !== undefined || base.sources.some(isDumpPath));
    for (const tenant of base.tenants) this.putBase("tenants", tenant.name, tenantNode(tenant, nowhere), tenant);
    for (const mapping of base.roleMappings) this.putBase("rolesmapping", mapping.role, roleMappingNode(mapping, nowhere), mapping);
  }

  private putBase(type: PolicyConfigType, name: LocatedString, node: YamlMap, model: ModelEntity, hasSecret = false): void {
    // The first of two same-named entries is the one kept: the duplicate is the base policy's own error.
    const entries = this.entries.get(type)!;
    if (!entries.has(name.value)) entries.set(name.value, { name, node, model, hasSecret });
  }

  get(type: PolicyConfigType, name: string): StateEntry | undefined {
    return this.entries.get(type)!.get(name);
  }

  /** Whether the entry exists: defined, or one of the plugin's static ones. */
  exists(type: PolicyConfigType, name: string): boolean {
    return this.entries.get(type)!.has(name) || this.isStatic(type, name);
  }

  isStatic(type: PolicyConfigType, name: string): boolean {
    return this.statics.get(type)!.has(name) || flag(this.field(type, name, "static"));
  }

  isReserved(type: PolicyConfigType, name: string): boolean {
    return this.statics.get(type)!.has(name) || flag(this.field(type, name, "reserved"));
  }

  isHidden(type: PolicyConfigType, name: string): boolean {
    return flag(this.field(type, name, "hidden"));
  }

  field(type: PolicyConfigType, name: string, key: string): YamlNode | undefined {
    const node = this.get(type, name)?.node;
    return node ? findEntry(node, key)?.value : undefined;
  }

  names(type: PolicyConfigType): string[] {
    return [...this.entries.get(type)!.keys(), ...this.statics.get(type)!];
  }

  /** The whole collection as one JSON object, for a JSON Patch on `api/<type>`. */
  collection(type: PolicyConfigType, span: SourceSpan): YamlMap {
    const entries = [...this.entries.get(type)!.values()].map((entry) => ({
      key: { kind: "scalar" as const, value: entry.name.value, type: "str" as const, alias: false, span: entry.name.span ?? span },
      value: entry.node,
    }));
    return { kind: "map", entries, span };
  }

  set(type: PolicyConfigType, name: LocatedString, node: YamlMap, hasSecret = false): void {
    const entries = this.entries.get(type)!;
    const existing = entries.get(name.value);
    entries.set(name.value, { name: existing?.name ?? name, node, hasSecret });
  }

  remove(type: PolicyConfigType, name: string): void {
    this.entries.get(type)!.delete(name);
  }

  /** The policy the state holds, on top of the base's settings and flavor. */
  toModel(base: PolicyModel, sources: readonly string[]): PolicyModel {
    const of = <T extends ModelEntity>(type: PolicyConfigType, pick: (parts: ReturnType<typeof treeToModel>) => readonly T[]): T[] =>
      [...this.entries.get(type)!.values()].map((entry) => (entry.model as T | undefined) ?? pick(treeToModel(singleEntryTree(entry), type))[0]!);
    return {
      ...base,
      actionGroups: of("actiongroups", (parts) => parts.actionGroups),
      roles: of("roles", (parts) => parts.roles),
      roleMappings: of("rolesmapping", (parts) => parts.roleMappings),
      internalUsers: of("internalusers", (parts) => parts.internalUsers),
      tenants: of("tenants", (parts) => parts.tenants),
      sources: [...base.sources, ...sources],
    };
  }
}

/** One entry as the tree of a configuration file holding only it, which the YAML front end's readers take. */
export function singleEntryTree(entry: { readonly name: LocatedString; readonly node: YamlNode }): { file: SourceFile; root: YamlMap; unreadable: false } {
  const span = entry.name.span ?? entry.node.span;
  const key = { kind: "scalar" as const, value: entry.name.value, type: "str" as const, alias: false, span };
  return { file: span.file, root: { kind: "map", entries: [{ key, value: entry.node }], span: entry.node.span }, unreadable: false };
}

function isDumpPath(path: string): boolean {
  return /\.json$/i.test(path);
}
