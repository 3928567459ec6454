/**
 * The compiler's stages in order: check the model, resolve it against the
 * built-ins, lint it (docs/lint-rules.md), build the decision table. Each
 * stage reports into the same sink; the table is built only when no stage
 * reported an error.
 */
import { checkActionNames } from "../check/check-action-names.js";
import { readKnownActions } from "../check/known-actions.js";
import { checkRoleReferences } from "../check/check-references.js";
import { checkUnmappedRoles } from "../check/check-unmapped-roles.js";
import { lintPolicy } from "../check/lint/lint-policy.js";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { PolicyModel } from "../model/types.js";
import { resolvePolicy, type ResolvedPolicy } from "../resolve/index.js";
import type { DecisionTable } from "../table/types.js";
import { buildDecisionTable } from "./build-decision-table.js";

export interface CompiledPolicy {
  readonly resolved: ResolvedPolicy;
  /** Absent when a stage reported an error. */
  readonly table?: DecisionTable;
}

export function compilePolicy(policy: PolicyModel, builtins: PolicyModel, sink: DiagnosticSink): CompiledPolicy {
  const groupNames = new Set([...builtins.actionGroups, ...policy.actionGroups].map((g) => g.name.value));
  checkActionNames(policy, groupNames, readKnownActions(), sink);
  checkRoleReferences({ ...policy, roles: [...builtins.roles, ...policy.roles] }, sink);
  checkUnmappedRoles(policy, new Set(builtins.roles.map((role) => role.name.value)), sink);
  const resolved = resolvePolicy(policy, builtins, sink);
  lintPolicy({ policy, resolved, builtins, knownActions: readKnownActions() }, sink);
  if (sink.hasErrors()) return { resolved };
  return { resolved, table: buildDecisionTable(resolved) };
}
