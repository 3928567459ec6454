/**
 * `whoami` in the generated module: policy.js imported by Node answers as
 * the table runtime does, through the default authorizer and through one of
 * `createAuthorizer`; policy.ts says so in its types.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/index.js";
import { loadTable } from "../../../src/runtime/index.js";
import { withMeta } from "../../helpers/policy.js";
import { ModuleHost, valueOf } from "./module-host.js";
import { compileModule, output, SMALL_POLICY } from "./policy-module.js";

const host = new ModuleHost();
afterAll(() => host.close());

const outputs = compileModule(SMALL_POLICY, { js: true });
const path = host.write(outputs);
const runtime = () => loadTable(compile({ files: withMeta(SMALL_POLICY) }).table!);

const USERS = [
  { name: "judy" },
  { name: "dana", backend_roles: ["dev", "ops", "dev"], host: "10.0.0.7", attributes: { "attr.internal.team": "red" } },
  { name: "analysts" },
  { name: "__proto__", roles: ["kibana_user"] },
];

describe("the module's whoami", () => {
  it("answers as the table runtime does", async () => {
    const results = await host.call(path, USERS.map((user) => ({ name: "whoami", args: [user] })));
    expect(results.map(valueOf)).toEqual(USERS.map((user) => JSON.parse(JSON.stringify(runtime().whoami(user))) as unknown));
  });

  it("lists judy's read-only tenant and her private tenant", async () => {
    const [info] = await host.call(path, [{ name: "whoami", args: [{ name: "judy" }, "analysts"] }]);
    expect(valueOf(info)).toMatchObject({ roles: ["log_reader"], user_requested_tenant: "analysts", tenants: { analysts: false, judy: true } });
  });

  it("answers alike through an authorizer of its own", async () => {
    const calls = USERS.map((user) => ({ name: "whoami", args: [user] }));
    const [byDefault, own] = await Promise.all([host.call(path, calls), host.call(path, calls.map((call) => ({ ...call, authorizer: { cacheSize: 0 } })))]);
    expect(own.map(valueOf)).toEqual(byDefault.map(valueOf));
  });

  it("throws a TypeError for a malformed user", async () => {
    const [result] = await host.call(path, [{ name: "whoami", args: [{ backend_roles: ["IT"] }] }]);
    expect(result).toEqual({ error: "TypeError: `user.name` must be a string" });
  });

  it("declares whoami and the AuthInfo type in policy.ts and policy.d.ts", () => {
    for (const file of ["policy.ts", "policy.d.ts"]) {
      const text = output(outputs, file);
      expect(text, file).toMatch(/whoami\(user: RequestUser, tenant\?: TenantName \| \(string & \{\}\)\): AuthInfo;/);
      expect(text, file).toMatch(/export (interface AuthInfo|type \{ AuthInfo,)/);
    }
  });
});
