/**
 * The generated module passes `tsc --strict --noEmit` with the ES2022
 * library alone (no DOM, no Node types): policy.ts on its own, and policy.js
 * through policy.d.ts from a consumer's file.
 */
import { describe, expect, it } from "vitest";
import { compileModule, output, SMALL_POLICY } from "./policy-module.js";
import { typeCheck } from "./type-check.js";

const CONSUMER = `
import { authorize, createAuthorizer, rolesOf, type ActionGroupName, type Decision, type KnownActionName, type RoleName, type TenantName } from "./policy.js";

const decision: Decision = authorize({ user: { name: "judy", backend_roles: ["IT"] }, action: "indices:data/read/search", indices: ["logs-1"] });
const anyAction: Decision = createAuthorizer({ cacheSize: 100 }).authorize({ user: { name: "judy" }, action: "my:own/action" });
const roles: readonly string[] = rolesOf({ name: "judy", attributes: { "attr.internal.team": "red" } });
const role: RoleName = "log_reader";
const group: ActionGroupName = "logs_read";
const action: KnownActionName = "indices:data/read/search";
const tenant: TenantName = "analysts";
// @ts-expect-error: not a role of the policy
const notARole: RoleName = "log_writer";
// @ts-expect-error: the cache size is a number
createAuthorizer({ cacheSize: "large" });
// @ts-expect-error: a request needs a user
authorize({ action: "cluster:monitor/health" });
export const used = [decision, anyAction, roles, role, group, action, tenant, notARole];
`;

describe("type checking the generated module", () => {
  it("passes tsc --strict on policy.ts alone, also with noUncheckedIndexedAccess and noImplicitOverride", () => {
    const outputs = compileModule(SMALL_POLICY, {});
    const stricter = { noUncheckedIndexedAccess: true, noImplicitOverride: true };
    // One program checks the module and a consumer of it (checking them apart takes twice as long).
    expect(typeCheck({ "policy.ts": output(outputs, "policy.ts"), "consumer.ts": CONSUMER }, ["policy.ts", "consumer.ts"], stricter)).toEqual([]);
  });

  it("types a consumer of policy.js through policy.d.ts, literal unions included", () => {
    const outputs = compileModule(SMALL_POLICY, { js: true });
    const files = { "policy.js": output(outputs, "policy.js"), "policy.d.ts": output(outputs, "policy.d.ts"), "consumer.ts": CONSUMER };
    expect(typeCheck(files, ["consumer.ts"])).toEqual([]);
  });

  it("passes tsc --strict on policy.ts compiled with provenance, and types `explain` for a consumer of policy.js", () => {
    const outputs = compileModule(SMALL_POLICY, { js: true, provenance: true });
    expect(typeCheck({ "policy.ts": output(outputs, "policy.ts") }, ["policy.ts"])).toEqual([]);
    const consumer = [
      'import { explain, createAuthorizer, type Explanation } from "./policy.js";',
      'const explanation: Explanation = explain({ user: { name: "judy" }, action: "indices:data/read/search", indices: ["logs-1"] });',
      'export const rule: string = explanation.rule;',
      'export const again: Explanation = createAuthorizer().explain({ user: { name: "judy" }, action: "cluster:monitor/health" });',
      "",
    ].join("\n");
    const files = { "policy.js": output(outputs, "policy.js"), "policy.d.ts": output(outputs, "policy.d.ts"), "consumer.ts": consumer };
    expect(typeCheck(files, ["consumer.ts"])).toEqual([]);
  });

  it("has no `explain` in a module compiled without provenance, and says so to a consumer that calls it", () => {
    const outputs = compileModule(SMALL_POLICY, { js: true });
    const files = { "policy.d.ts": output(outputs, "policy.d.ts"), "consumer.ts": 'import { explain } from "./policy.js";\nexport const e = explain;\n' };
    expect(typeCheck(files, ["consumer.ts"]).join("\n")).toMatch(/consumer\.ts:1: Module '"\.\/policy\.js"' has no exported member 'explain'/);
  });

  it("reports a consumer's mistake (the check is not vacuous)", () => {
    const outputs = compileModule(SMALL_POLICY, { js: true });
    const files = { "policy.d.ts": output(outputs, "policy.d.ts"), "consumer.ts": 'import type { RoleName } from "./policy.js";\nexport const r: RoleName = "nope";\n' };
    expect(typeCheck(files, ["consumer.ts"]).join("\n")).toMatch(/consumer\.ts:2: Type '"nope"' is not assignable to type 'RoleName'/);
  });
});
