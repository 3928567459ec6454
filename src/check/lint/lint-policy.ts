/**
 * The lint rules (PC8xxx): grants the plugin accepts but that do nothing,
 * repeat another grant, or reach further than a role should. They run with
 * every compile, so `validate`, `lint` and the language server all report
 * them, as warnings.
 *
 * They judge the roles the author wrote, never the built-in ones, and only
 * OpenSearch Security policies (Search Guard classifies actions and reads
 * tenants differently). They say nothing while the policy has errors: a
 * half-read policy would give warnings that vanish once the error is fixed.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { PolicyModel } from "../../model/types.js";
import type { ResolvedPolicy } from "../../resolve/index.js";
import { checkActionKinds } from "./check-action-kinds.js";
import { checkIndexNames } from "./check-index-names.js";
import { checkRedundantGrants } from "./check-redundant-grants.js";
import { checkShadowedPermissions } from "./check-shadowed-permissions.js";
import { checkSystemIndexGrants } from "./check-system-index-grants.js";
import { checkTenantNames } from "./check-tenant-names.js";
import { checkUnrestrictedGrants } from "./check-unrestricted-grants.js";
import { buildLintContext, type LintContext } from "./lint-context.js";

/** The rules in the order of their codes. */
const LINT_RULES: readonly ((context: LintContext, sink: DiagnosticSink) => void)[] = [
  checkActionKinds,
  checkShadowedPermissions,
  checkRedundantGrants,
  checkIndexNames,
  checkUnrestrictedGrants,
  checkTenantNames,
  checkSystemIndexGrants,
];

export interface LintInput {
  /** The policy as written. */
  readonly policy: PolicyModel;
  /** The same policy resolved with the built-ins. */
  readonly resolved: ResolvedPolicy;
  readonly builtins: PolicyModel;
  readonly knownActions: ReadonlySet<string>;
}

export function lintPolicy({ policy, resolved, builtins, knownActions }: LintInput, sink: DiagnosticSink): void {
  if (policy.flavor !== "opensearch" || sink.hasErrors()) return;
  runLintRules(buildLintContext(policy, resolved, builtins, knownActions), sink);
}

/** Every lint rule on the roles of a context (tests give it the built-in roles, which must pass clean). */
export function runLintRules(context: LintContext, sink: DiagnosticSink): void {
  for (const rule of LINT_RULES) rule(context, sink);
}
