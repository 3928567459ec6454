/** schemas/authinfo.schema.json describes what whoami returns and `policyc whoami` prints. */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { policyOf } from "../helpers/policy.js";

type Schema = { readonly [key: string]: unknown };

const schema = JSON.parse(readFileSync(new URL("../../schemas/authinfo.schema.json", import.meta.url), "utf8")) as Schema;
// A plain draft-07 validator, as an editor or a CI tool would use; strict mode rejects the ["string", "null"] union.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const errorsOf = (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`));

/** Every property schema of a schema, with its path. */
function properties(node: unknown, path = "#"): [string, Schema][] {
  if (typeof node !== "object" || node === null) return [];
  const found: [string, Schema][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      for (const [name, property] of Object.entries(value)) found.push([`${path}/${name}`, property as Schema]);
    }
    found.push(...properties(value, `${path}/${key}`));
  }
  return found;
}

const policy = policyOf({
  "roles.yml": `writer:\n  tenant_permissions:\n    - tenant_patterns: ["*"]\n      allowed_actions: ["kibana_all_write"]\nreader:\n  tenant_permissions:\n    - tenant_patterns: ["analysts"]\n      allowed_actions: ["kibana_all_read"]\n`,
  "roles_mapping.yml": `writer:\n  backend_roles: ["admin"]\nreader:\n  users: ["judy"]\n`,
  "tenants.yml": `analysts: {}\n`,
});

describe("authinfo.schema.json", () => {
  it("is a draft-07 schema with an id, a title and a description on every property", () => {
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema["$id"]).toBe("https://policyc.dev/schemas/authinfo.schema.json");
    expect(typeof schema["title"]).toBe("string");
    expect(properties(schema).filter(([, property]) => typeof property["description"] !== "string").map(([path]) => path)).toEqual([]);
  });

  it("accepts what the runtime's whoami returns", () => {
    const users = [{ name: "judy" }, { name: "root", backend_roles: ["admin", "x"], attributes: { "attr.internal.a": "1" } }, { name: "__proto__" }];
    for (const user of users) expect(errorsOf(JSON.parse(JSON.stringify(policy.whoami(user, "analysts")))), user.name).toEqual([]);
  });

  it("accepts every line `policyc whoami --users` prints, errors included", () => {
    const result = runCli(["whoami", "examples/cat-shards-denial", "--users", "-"], { input: '{"name": "test-user"}\nnot json\n{"name": "admin", "backend_roles": ["admin"]}\n' });
    const lines = result.stdout.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(errorsOf(JSON.parse(line)), line).toEqual([]);
  });

  it("refuses an answer with a field missing or a tenant that is not true or false", () => {
    const info = JSON.parse(JSON.stringify(policy.whoami({ name: "judy" }))) as Record<string, unknown>;
    const { roles: _roles, ...withoutRoles } = info;
    expect(errorsOf(withoutRoles)).not.toEqual([]);
    expect(errorsOf({ ...info, tenants: { analysts: "ro" } })).not.toEqual([]);
  });
});
