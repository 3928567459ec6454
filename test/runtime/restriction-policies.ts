/**
 * Policies for the DLS/FLS tests: roles all mapped to the user `u`, entries
 * that grant read and write, and the rule lines of an entry.
 */
import { expect } from "vitest";
import type { Decision } from "../../src/table/request.js";
import { decide, policyOf } from "../helpers/policy.js";

export type User = Parameters<typeof decide>[1];

/** Roles (YAML body of roles.yml) all mapped to the user `u`, with node settings. */
export function policyFor(roles: string, settings: { dfm?: boolean; writeBlocked?: boolean } = {}) {
  const names = [...roles.matchAll(/^([A-Za-z0-9_]+):$/gm)].map((m) => m[1]!);
  const mapping = names.map((name) => `${name}:\n  users: ["u"]\n`).join("");
  const opensearch = [
    ...(settings.dfm !== undefined ? [`plugins.security.dfm_empty_overrides_all: ${settings.dfm}`] : []),
    ...(settings.writeBlocked !== undefined ? [`plugins.security.dls.write_blocked: ${settings.writeBlocked}`] : []),
  ];
  return policyOf({ "roles.yml": roles, "roles_mapping.yml": mapping, ...(opensearch.length ? { "opensearch.yml": `${opensearch.join("\n")}\n` } : {}) });
}

/** An index permission entry on `patterns` granting read and write, with extra YAML lines. */
export function entry(patterns: string, extra = ""): string {
  return `    - index_patterns: ${patterns}\n      allowed_actions: ["read", "write", "indices:data/write/update", "indices:admin/resize"]\n${extra}`;
}

export const dls = (query: string) => `      dls: '${query}'\n`;
export const fls = (...fields: string[]) => `      fls: ${JSON.stringify(fields)}\n`;
export const masks = (...fields: string[]) => `      masked_fields: ${JSON.stringify(fields)}\n`;

export function search(policy: ReturnType<typeof policyFor>, indices: string[], user: User = "u"): Decision {
  return decide(policy, user, "indices:data/read/search", indices);
}

export function restrictionsOf(policy: ReturnType<typeof policyFor>, index: string, user: User = "u") {
  const decision = search(policy, [index], user);
  expect(decision.decision).toBe("allow");
  return decision.restrictions?.[index];
}
