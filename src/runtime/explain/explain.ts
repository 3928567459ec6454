/**
 * `explain(request)`: the decision `authorize` gives, and its derivation —
 * which step of the evaluation decided, how the user got each role, what
 * granted each part of an allowed request, and for a denied one what is
 * missing, what almost matched and what change would allow it
 * (deny-analysis.ts). The decision is always `authorize`'s own; the steps
 * are found with the evaluator's own predicates, so the explanation cannot
 * tell another story. Any value is accepted: explaining never throws.
 */
import type { Explanation, MissingGrant, RoleDerivation, Suggestion } from "../../table/explanation.js";
import type { Decision } from "../../table/request.js";
import { authorize } from "../evaluate.js";
import { readRequest } from "../request.js";
import type { TablePolicy } from "../table-policy.js";
import { analyzeDenial } from "./deny-analysis.js";
import { ruleStep, type ExplainedStep } from "./explained-step.js";
import { GrantFinder } from "./grant-sources.js";
import { explainPrivilegeSteps } from "./privilege-steps.js";
import { explainRestApiStep } from "./rest-api-step.js";
import { deriveRoles } from "./role-derivation.js";

/** The explanation of one request value. */
export function explainRequest(policy: TablePolicy, input: unknown): Explanation {
  const decision = authorize(policy, input);
  const provenance = policy.table.provenance !== undefined;
  if (policy.searchguard !== undefined) {
    const summary = "a Search Guard table: explained by its decision and the user's roles only";
    const roles = decision.roles.map((role): RoleDerivation => ({ role, via: [] }));
    return explanation(decision, ruleStep("searchguard", decision.decision === "allow", summary), roles, provenance);
  }
  const request = readRequest(input, policy.users);
  if (typeof request === "string") return explanation(decision, ruleStep("malformed", false, `the request is malformed: ${request}`), [], provenance);
  const roles = deriveRoles(policy.table, request.user, decision.roles);
  const info = policy.actions.info(request.action);
  if (info.unchecked) {
    const step = ruleStep("unchecked", true, `\`${request.action}\` is one of the actions the plugin lets through without a privilege check`);
    return explanation(decision, step, roles, provenance);
  }
  const finder = new GrantFinder(policy, request.user);
  const step = info.restApi !== undefined ? explainRestApiStep(policy, request, info.restApi, decision, finder) : explainPrivilegeSteps(policy, request, info, finder);
  if (decision.decision === "allow" || step.missing.length === 0) return explanation(decision, step, roles, provenance);
  const denial = analyzeDenial(policy, input, step.missing.map(({ target, privilege }) => ({ target, privilege })));
  return explanation(decision, step, roles, provenance, denial);
}

const NO_MISSING: readonly MissingGrant[] = [];
const NO_SUGGESTIONS: readonly Suggestion[] = [];

function explanation(
  decision: Decision,
  step: ExplainedStep,
  roles: readonly RoleDerivation[],
  provenance: boolean,
  denial: { readonly missing: readonly MissingGrant[]; readonly suggestions: readonly Suggestion[] } = { missing: NO_MISSING, suggestions: NO_SUGGESTIONS },
): Explanation {
  return { decision, rule: step.rule, summary: step.summary, roles, grants: step.grants, missing: denial.missing, suggestions: denial.suggestions, provenance };
}
