/**
 * Builds Search Guard policies for tests from sg_*.yml texts and decides
 * requests with the runtime.
 */
import { compile } from "../../../src/index.js";
import { loadTable, type Policy } from "../../../src/runtime/index.js";
import type { Decision, JsonValue } from "../../../src/table/request.js";

/** Compiles and loads a Search Guard policy; fails the test when the policy has errors. */
export function sgPolicyOf(files: Record<string, string>): Policy {
  const result = compile({ files: Object.entries(files).map(([path, text]) => ({ path, text })), flavor: "searchguard" });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.table || errors.length) throw new Error(`policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return loadTable(result.table);
}

export interface SgUser {
  name: string;
  backend_roles?: string[];
  roles?: string[];
  attributes?: Record<string, JsonValue>;
  host?: string;
}

/** The decision for a user on an action, with indices or a tenant. */
export function sgDecide(policy: Policy, user: string | SgUser, action: string, where: { indices?: string[]; tenant?: string } = {}): Decision {
  return policy.authorize({ user: typeof user === "string" ? { name: user } : user, action, ...where });
}
