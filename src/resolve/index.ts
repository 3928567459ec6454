/**
 * The resolve stage: built-ins merged, action groups flattened, roles,
 * mappings and tenants resolved. Its output holds everything the decision
 * table needs, still linked to the model for provenance.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { PolicyModel } from "../model/types.js";
import type { Settings } from "../model/settings.js";
import { mergeBuiltins } from "./merge-builtins.js";
import { resolveActionGroups, type ActionGroupIndex } from "./resolve-action-groups.js";
import { resolveMapping, type ResolvedMapping } from "./resolve-mappings.js";
import { resolveRole, type ResolvedRole } from "./resolve-roles.js";
import { resolveSearchGuardRole } from "./resolve-searchguard-role.js";

export type { ResolvedIndexEntry, ResolvedRole, ResolvedTenantEntry } from "./resolve-roles.js";
export type { ResolvedMapping } from "./resolve-mappings.js";
export type { ActionGroupIndex } from "./resolve-action-groups.js";

export interface ResolvedPolicy {
  /** The policy with the built-ins merged in. */
  readonly model: PolicyModel;
  readonly settings: Settings;
  readonly groups: ActionGroupIndex;
  /** Roles by name, in name order. */
  readonly roles: ReadonlyMap<string, ResolvedRole>;
  readonly mappings: readonly ResolvedMapping[];
  /** Defined tenant names, sorted. */
  readonly tenants: readonly string[];
}

export function resolvePolicy(policy: PolicyModel, builtins: PolicyModel, sink: DiagnosticSink): ResolvedPolicy {
  const model = mergeBuiltins(policy, builtins, sink);
  const groups = resolveActionGroups(model.actionGroups, sink);
  const roles = new Map<string, ResolvedRole>();
  const resolveOne = model.flavor === "searchguard" ? resolveSearchGuardRole : resolveRole;
  for (const role of [...model.roles].sort((a, b) => compareText(a.name.value, b.name.value))) {
    if (!roles.has(role.name.value)) roles.set(role.name.value, resolveOne(role, groups, sink));
  }
  const mappings = [...model.roleMappings]
    .sort((a, b) => compareText(a.role.value, b.role.value))
    .map((mapping) => resolveMapping(mapping, sink));
  const tenants = [...new Set(model.tenants.map((t) => t.name.value))].sort(compareText);
  return { model, settings: model.settings, groups, roles, mappings, tenants };
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
