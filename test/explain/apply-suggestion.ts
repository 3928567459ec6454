/**
 * Applies a suggestion of `explain` to the policy model, as a person would
 * edit the YAML files: the action or group name added to the role's
 * permission as written (or a new index permission on the missing indices),
 * the index name added to the permission's patterns, the user added to the
 * role's mapping (or a new mapping). Then compiles the edited model with
 * the compiler's own stages, built-ins included.
 */
import { compilePolicy } from "../../src/compile/compile-policy.js";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import type { IndexPermission, LocatedString, PolicyModel, Role, RoleMapping } from "../../src/model/types.js";
import { readBuiltinPolicy } from "../../src/parse/yaml/index.js";
import type { Suggestion } from "../../src/table/explanation.js";
import type { DecisionTable } from "../../src/table/types.js";

const written = (value: string): LocatedString => ({ value });

/** The model with the suggestion applied (a new index permission on the suggestion's `indexPatterns` where it names them). */
export function applySuggestion(model: PolicyModel, suggestion: Suggestion): PolicyModel {
  if (suggestion.kind === "map-user") return { ...model, roleMappings: mappedWith(model.roleMappings, suggestion.role, suggestion.user) };
  const role = model.roles.find((candidate) => candidate.name.value === suggestion.role);
  if (role === undefined) throw new Error(`suggestion changes role \`${suggestion.role}\`, which the policy does not define (a built-in role?)`);
  const changed = suggestion.kind === "add-action" ? withAction(role, suggestion.entry, suggestion.action, suggestion.indexPatterns) : withPattern(role, suggestion.entry, suggestion.pattern);
  return { ...model, roles: model.roles.map((candidate) => (candidate === role ? changed : candidate)) };
}

function withAction(role: Role, entry: number | undefined, action: string, newEntryPatterns: readonly string[] | undefined): Role {
  if (entry === undefined) return { ...role, clusterPermissions: [...role.clusterPermissions, written(action)] };
  if (newEntryPatterns !== undefined) {
    const permission: IndexPermission = { indexPatterns: newEntryPatterns.map(written), allowedActions: [written(action)], fls: [], maskedFields: [] };
    return { ...role, indexPermissions: [...role.indexPermissions, permission] };
  }
  return { ...role, indexPermissions: changedPermission(role, entry, (p) => ({ ...p, allowedActions: [...p.allowedActions, written(action)] })) };
}

function withPattern(role: Role, entry: number, pattern: string): Role {
  return { ...role, indexPermissions: changedPermission(role, entry, (p) => ({ ...p, indexPatterns: [...p.indexPatterns, written(pattern)] })) };
}

function changedPermission(role: Role, entry: number, change: (permission: IndexPermission) => IndexPermission): IndexPermission[] {
  if (role.indexPermissions[entry] === undefined) throw new Error(`role \`${role.name.value}\` has no index permission ${entry}`);
  return role.indexPermissions.map((permission, k) => (k === entry ? change(permission) : permission));
}

function mappedWith(mappings: readonly RoleMapping[], role: string, user: string): RoleMapping[] {
  const existing = mappings.find((mapping) => mapping.role.value === role);
  if (existing !== undefined) return mappings.map((mapping) => (mapping === existing ? { ...mapping, users: [...mapping.users, written(user)] } : mapping));
  return [...mappings, { role: written(role), reserved: false, hidden: false, users: [written(user)], backendRoles: [], andBackendRoles: [], hosts: [] }];
}

/** The edited model compiled as `compile` compiles a policy; throws with the errors when it has any. */
export function compileModel(model: PolicyModel): DecisionTable {
  const sink = new DiagnosticSink();
  const { table } = compilePolicy(model, readBuiltinPolicy(model.flavor), sink);
  const errors = sink.diagnostics.filter((d) => d.severity === "error");
  if (table === undefined || errors.length > 0) throw new Error(`the edited policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return table;
}
