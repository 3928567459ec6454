/**
 * Why the system-index protection decided a request, once
 * `systemIndexVerdict` (system-indices.ts) has said that it did: its checks
 * again, in its order, naming the one that answered. Only the reasons are
 * worked out here; the verdict is the evaluator's.
 */
import { SECURITY_INDEX, SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";
import type { ActionInfo } from "../action-catalog.js";
import { systemIndexAccessGranted } from "../grant-checks.js";
import { isSystemIndex, type SystemIndexVerdict } from "../system-indices.js";
import type { TablePolicy } from "../table-policy.js";
import type { PolicyRequest } from "../user-directory.js";
import { nameList, ruleStep, type ExplainedStep } from "./explained-step.js";

const PERMISSION_SETTING = "`plugins.security.system_indices.permission.enabled`";

/** The step of a request the system-index checks decided (`verdict` is not `continue`). */
export function explainSystemIndexStep(policy: TablePolicy, request: PolicyRequest, info: ActionInfo, verdict: Exclude<SystemIndexVerdict, "continue">): ExplainedStep {
  const indices = request.indices?.length ? request.indices : undefined;
  const settings = policy.settings;
  const user = request.user;
  const systemIndices = (indices ?? []).filter((index) => isSystemIndex(policy, index));
  if (settings.systemIndexPermissionEnabled && indices && info.passesSystemIndexGate) {
    if (user.serviceAccount && systemIndices.length < indices.length) {
      return ruleStep("system-index", false, `with ${PERMISSION_SETTING} on, a service account may touch system indices only, and ${nameList(indices.filter((index) => !isSystemIndex(policy, index)))} are not`);
    }
    if (indices.includes(SECURITY_INDEX)) {
      return ruleStep("system-index", false, `with ${PERMISSION_SETTING} on, no role may touch the security index \`${SECURITY_INDEX}\``);
    }
    const lacking = indices.filter((index) => !systemIndexAccessGranted(policy, index, user));
    if (systemIndices.length > 0 && lacking.length > 0) {
      return {
        rule: "system-index",
        allows: false,
        summary: `with ${PERMISSION_SETTING} on, a request naming the system index ${nameList(systemIndices)} needs \`${SYSTEM_INDEX_PERMISSION}\` on every index it names, and no role of the user grants it on ${nameList(lacking)}`,
        grants: [],
        missing: lacking.map((index) => ({ target: { kind: "index", index }, privilege: SYSTEM_INDEX_PERMISSION })),
      };
    }
  }
  if (user.pluginUser && !info.cluster) {
    if (verdict === "allow") return ruleStep("system-index", true, `\`${user.name}\` is a plugin user, which acts through its plugin's own permissions: while system indices are disabled, the plugin allows it`);
    if (indices === undefined) return ruleStep("system-index", false, `\`${user.name}\` is a plugin user: while system indices are enabled, it may not act on all indices`);
  }
  if (indices === undefined) return ruleStep("system-index", false, `\`${info.name}\` on all indices is refused to every role: it would touch the system indices`);
  return ruleStep("system-index", false, `with ${PERMISSION_SETTING} off, \`${info.name}\` is refused to every role on the system index ${nameList(systemIndices)}`);
}
