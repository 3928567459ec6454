/**
 * Every string of a policy stays data in the generated module: role, user,
 * index, attribute, action, action group and tenant names and source paths
 * holding quotes, backslashes, `${…}`, comment ends, `</script>`, line
 * breaks, U+2028/U+2029, lone surrogates or `__proto__`. The module is
 * compiled, type-checked and imported; the names must come back intact and
 * none of the payloads (which set a global) may run.
 */
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { loadTable } from "../../../src/runtime/index.js";
import { compile } from "../../../src/index.js";
import { withMeta } from "../../helpers/policy.js";
import { HOSTILE_STRINGS, INJECTION_MARKER } from "./hostile-strings.js";
import { ModuleHost, valueOf } from "./module-host.js";
import { output } from "./policy-module.js";
import { typeCheck } from "./type-check.js";

const q = JSON.stringify;
/** An attribute name with quotes, a line separator and a script end, but no brace (it must stay one `${…}` variable). */
const HOSTILE_ATTRIBUTE = "attr.internal.x\"y'\u2028z</script>";
const HOSTILE_DIRECTORY = `dir\nglobalThis.${INJECTION_MARKER} = 1;\u2028//`;

function hostilePolicy(): Record<string, string> {
  const roles = HOSTILE_STRINGS.map((name) =>
    [
      `${q(name)}:`,
      `  cluster_permissions: [${q(name)}]`,
      "  index_permissions:",
      `    - index_patterns: [${q(name)}]`,
      '      allowed_actions: ["indices:data/read/search"]',
      "  tenant_permissions:",
      `    - tenant_patterns: [${q(name)}]`,
      '      allowed_actions: ["kibana_all_write"]',
    ].join("\n"),
  );
  roles.push(`attribute_role:\n  index_permissions:\n    - index_patterns: [${q(`team-\${${HOSTILE_ATTRIBUTE}}`)}]\n      allowed_actions: ["read"]`);
  const mappings = HOSTILE_STRINGS.map((name) => `${q(name)}:\n  users: [${q(name)}]\n  backend_roles: [${q(name)}]`);
  mappings.push('attribute_role:\n  users: ["attribute_user"]');
  return {
    "action_groups.yml": HOSTILE_STRINGS.map((name) => `${q(name)}:\n  allowed_actions: [${q(`custom:${name}`)}]`).join("\n") + "\n",
    "roles.yml": roles.join("\n") + "\n",
    "roles_mapping.yml": mappings.join("\n") + "\n",
    "tenants.yml": HOSTILE_STRINGS.map((name) => `${q(name)}:\n  description: ${q(name)}`).join("\n") + "\n",
  };
}

function compileHostile() {
  const files = withMeta(hostilePolicy()).map(({ path, text }) => ({ path: `${HOSTILE_DIRECTORY}/${path}`, text }));
  const result = compile({ files }, { js: true });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { table: result.table!, outputs: result.outputs! };
}

/** The string members of `export type <name> = "a" | "b" …`, as the parser reads them. */
function unionMembers(text: string, name: string): string[] {
  const source = ts.createSourceFile("policy.ts", text, ts.ScriptTarget.ES2022, true);
  const alias = source.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  if (!alias || !ts.isUnionTypeNode(alias.type)) throw new Error(`no union type ${name}`);
  return alias.type.types.flatMap((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : []));
}

/** Requests that reach every hostile name: as user, action, index, tenant, attribute. */
function hostileRequests(): unknown[] {
  return [
    ...HOSTILE_STRINGS.flatMap((name) => [
      { user: { name }, action: `custom:${name}` },
      { user: { name }, action: "indices:data/read/search", indices: [name] },
      { user: { name }, action: "indices:data/read/search", indices: [".kibana"], tenant: name },
      { user: { name: "nobody", backend_roles: [name] }, action: "indices:monitor/stats" },
      { user: { name }, action: "cluster:monitor/health" },
    ]),
    { user: { name: "attribute_user", attributes: { [HOSTILE_ATTRIBUTE]: "red" } }, action: "indices:data/read/search", indices: ["team-red"] },
  ];
}

const host = new ModuleHost();
afterAll(() => host.close());

describe("hostile names in a policy", () => {
  it("keep policy.ts valid TypeScript that passes tsc --strict", () => {
    const { outputs } = compileHostile();
    expect(typeCheck({ "policy.ts": output(outputs, "policy.ts") }, ["policy.ts"])).toEqual([]);
  });

  it("come back intact in the literal union types of policy.ts and policy.d.ts", () => {
    const { outputs } = compileHostile();
    for (const file of ["policy.ts", "policy.d.ts"]) {
      for (const union of ["RoleName", "ActionGroupName", "TenantName"]) {
        expect(unionMembers(output(outputs, file), union)).toEqual(expect.arrayContaining([...HOSTILE_STRINGS]));
      }
    }
  });

  it("leave the header a single comment line", () => {
    const { outputs } = compileHostile();
    for (const file of ["policy.ts", "policy.js", "policy.d.ts"]) {
      const [header, next] = output(outputs, file).split("\n");
      expect(header).toMatch(/^\/\/ Code generated by policyc from .* DO NOT EDIT\.$/);
      expect(header).not.toMatch(/[\r\u2028\u2029]/);
      expect(next).toBe("//");
    }
  });

  it("come back intact from policy.js, which decides as the runtime does and runs none of them", async () => {
    const { table, outputs } = compileHostile();
    const path = host.write(outputs);
    const requests = hostileRequests();
    const results = await host.call(path, [
      { name: "$global", args: [INJECTION_MARKER] },
      ...HOSTILE_STRINGS.map((name) => ({ name: "rolesOf", args: [{ name }] })),
      ...requests.map((request) => ({ name: "authorize", args: [request] })),
      { name: "$global", args: [INJECTION_MARKER] },
    ]);
    const values = results.map(valueOf);
    expect(values[0]).toBe("undefined");
    expect(values.at(-1)).toBe("undefined");
    HOSTILE_STRINGS.forEach((name, i) => expect(values[1 + i]).toEqual([name]));
    const decisions = values.slice(1 + HOSTILE_STRINGS.length, -1);
    const runtime = loadTable(table);
    expect(decisions).toEqual(requests.map((request) => runtime.authorize(request)));
    // Each user reaches the action granted through the group named like the user, and the attribute's index.
    HOSTILE_STRINGS.forEach((name, i) => expect(decisions[i * 5], name).toMatchObject({ decision: "allow", roles: [name] }));
    expect(decisions.at(-1)).toMatchObject({ decision: "allow", roles: ["attribute_role"] });
    // A denial quotes the hostile user name verbatim.
    HOSTILE_STRINGS.forEach((name, i) => expect((decisions[i * 5 + 3] as { reason?: string }).reason).toContain(`backend_roles=[${name}]`));
  });
});
