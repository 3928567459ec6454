/**
 * The language server shows lint findings as the warnings `policyc lint`
 * prints, at the same ranges, and offers a lint's "did you mean" as a quick fix.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "../../helpers/lsp-client.js";
import { rangeOf, scratchDirectory, type Scratch } from "../../lsp/fixture.js";

const META = '_meta:\n  type: "roles"\n  config_version: 2\n';
const ROLES = `${META}writer:
  index_permissions:
    - index_patterns: ["Logs-*"]
      allowed_actions: ["indices:data/write/bulk", "indices:data/write/index"]
`;
const POLICY = "role writer {\n  index logs-* allow indices:data/write/index, indices:data/write/*\n  users alice\n}\n";

interface CodeAction {
  readonly title: string;
  readonly edit: { readonly changes: Record<string, { range: unknown; newText: string }[]> };
}

describe("lint in the language server", () => {
  let client: LspClient;
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = scratchDirectory({ "roles.yml": ROLES, "app.policy": POLICY });
    client = LspClient.start();
    await client.initialize();
  });
  afterAll(() => {
    client.kill();
    scratch.remove();
  });

  it("publishes lint findings as warnings with their codes and exact ranges", async () => {
    client.open(scratch.uri("roles.yml"), "yaml", ROLES);
    const { diagnostics } = await client.diagnostics(scratch.uri("roles.yml"), 1);
    const lint = diagnostics.filter((d) => String(d.code).startsWith("PC8")).map(({ code, severity, range }) => ({ code, severity, range }));
    expect(lint).toEqual([
      { code: "PC8006", severity: 2, range: rangeOf(ROLES, '"Logs-*"') },
      { code: "PC8002", severity: 2, range: rangeOf(ROLES, '"indices:data/write/bulk"') },
    ]);
  });

  it("offers the lowercase pattern as a quick fix", async () => {
    const range = rangeOf(ROLES, "Logs-*");
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: scratch.uri("roles.yml") }, range, context: { diagnostics: [] } });
    expect(actions.map((action) => [action.title, action.edit.changes[scratch.uri("roles.yml")]])).toEqual([
      ["Replace with `logs-*`", [{ range, newText: "logs-*" }]],
    ]);
  });

  it("reports a .policy file's findings in that file", async () => {
    client.open(scratch.uri("app.policy"), "policyc", POLICY);
    const { diagnostics } = await client.diagnostics(scratch.uri("app.policy"), 1);
    expect(diagnostics.map(({ code, range }) => ({ code, range }))).toEqual([{ code: "PC8004", range: rangeOf(POLICY, "indices:data/write/index") }]);
  });
});
