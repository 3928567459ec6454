/**
 * Diagnostics as an editor shows them: what `policyc validate` reports, for
 * each open document's own file, at exact ranges, as the user types.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, type LspDiagnostic } from "../helpers/lsp-client.js";
import { rangeOf, scratchDirectory, type Scratch } from "./fixture.js";

const META = (type: string) => `_meta:\n  type: "${type}"\n  config_version: 2\n`;

const ROLES = `${META("roles")}reader:
  cluster_permissions:
    - "cluster_monitr"
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["my_reed"]
`;
const ACTION_GROUPS = `${META("actiongroups")}my_read:
  allowed_actions: ["indices:data/read/*"]
`;
const ROLES_MAPPING = `${META("rolesmapping")}reader:
  users: ["alice"]
async_full_access:
  users: ["bob"]
`;

const POLICY = `action_group my_read allow indices:data/read/*

role reader {
  cluster cluster_monitor
  index logs-* allow my_read
  users alice
}
`;

/** What a test compares: code, severity and range. */
const summary = (diagnostics: readonly LspDiagnostic[]) => diagnostics.map(({ code, severity, range }) => ({ code, severity, range }));

describe("diagnostics", () => {
  let client: LspClient;
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = scratchDirectory({ "roles.yml": ROLES, "action_groups.yml": ACTION_GROUPS, "roles_mapping.yml": ROLES_MAPPING, "app.policy": POLICY });
    client = LspClient.start();
    await client.initialize();
  });
  afterAll(() => {
    client.kill();
    scratch.remove();
  });

  it("reports a YAML file's problems at their exact ranges, checked with the files beside it", async () => {
    client.open(scratch.uri("roles.yml"), "yaml", ROLES);
    const { diagnostics } = await client.diagnostics(scratch.uri("roles.yml"), 1);
    expect(summary(diagnostics)).toEqual([
      { code: "PC3001", severity: 2, range: rangeOf(ROLES, '"cluster_monitr"') },
      { code: "PC3001", severity: 2, range: rangeOf(ROLES, '"my_reed"') },
    ]);
    expect(diagnostics[1]).toMatchObject({ source: "policyc", message: "`my_reed` is neither an action group nor an action, so it grants nothing; did you mean `my_read`?" });
  });

  it("publishes a sibling's problems only for the sibling", async () => {
    client.open(scratch.uri("roles_mapping.yml"), "yaml", ROLES_MAPPING);
    const { diagnostics } = await client.diagnostics(scratch.uri("roles_mapping.yml"), 1);
    expect(summary(diagnostics)).toEqual([{ code: "PC3003", severity: 2, range: rangeOf(ROLES_MAPPING, "async_full_access") }]);
  });

  it("checks a YAML file with the open texts of its siblings, not their files on disk", async () => {
    const mark = client.mark();
    const mapping = rangeOf(ROLES_MAPPING, 'reader:\n  users: ["alice"]\n');
    client.change(scratch.uri("roles_mapping.yml"), 2, mapping, "");
    const { diagnostics } = await client.diagnosticsSince(mark, scratch.uri("roles.yml"));
    expect(summary(diagnostics)).toContainEqual({ code: "PC3006", severity: 2, range: rangeOf(ROLES, "reader") });
  });

  it("reports a .policy file's problems at their exact ranges", async () => {
    const text = POLICY.replace("cluster_monitor", "cluster_monitr");
    client.open(scratch.uri("typo.policy"), "policyc", text);
    const { diagnostics } = await client.diagnostics(scratch.uri("typo.policy"), 1);
    expect(summary(diagnostics)).toEqual([{ code: "PC3001", severity: 2, range: rangeOf(text, "cluster_monitr") }]);
  });

  it("reports an error an edit introduces at its exact range, and nothing once a second edit fixes it", async () => {
    const uri = scratch.uri("app.policy");
    client.open(uri, "policyc", POLICY);
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
    const alice = rangeOf(POLICY, "alice");
    client.change(uri, 2, { start: alice.end, end: alice.end }, "; bob");
    const broken = POLICY.replace("alice", "alice; bob");
    const { diagnostics } = await client.diagnostics(uri, 2);
    expect(summary(diagnostics)).toEqual([{ code: "PC1001", severity: 1, range: rangeOf(broken, ";") }]);
    client.change(uri, 3, { start: alice.end, end: { line: alice.end.line, character: alice.end.character + 1 } }, ",");
    expect((await client.diagnostics(uri, 3)).diagnostics).toEqual([]);
  });

  it("counts positions in UTF-16 code units on lines ended by CRLF", async () => {
    const text = `${META("roles")}emoji:\n  description: "\u{1F600}\u{1F600}"\n  cluster_permissions: ["\u{1F600}", "cluster_monitr"]\n  reserved: true\n`.replace(/\n/g, "\r\n");
    const uri = scratch.uri("crlf/roles.yml");
    client.open(uri, "yaml", text);
    const { diagnostics } = await client.diagnostics(uri, 1);
    expect(summary(diagnostics)).toEqual([
      { code: "PC3001", severity: 2, range: rangeOf(text, '"\u{1F600}"', 0) },
      { code: "PC3001", severity: 2, range: rangeOf(text, '"cluster_monitr"') },
    ]);
    expect(rangeOf(text, '"cluster_monitr"').start).toEqual({ line: 5, character: 30 }); // the emoji counts two
  });

  it("keeps ranges right in a document that starts with a byte order mark", async () => {
    const text = `\uFEFF${META("roles")}bom: {reserved: true, cluster_permissions: [cluster_monitr]}\n`;
    const uri = scratch.uri("bom/roles.yml");
    client.open(uri, "yaml", text);
    const { diagnostics } = await client.diagnostics(uri, 1);
    expect(summary(diagnostics)).toEqual([{ code: "PC3001", severity: 2, range: rangeOf(text, "cluster_monitr") }]);
  });

  it("checks a .policy file with the files it imports", async () => {
    const scratchImports = scratchDirectory({ "groups.policy": "action_group my_read allow indices:data/read/*\n" });
    try {
      const text = 'import "groups.policy"\n\nrole reader {\n  index logs-* allow my_read\n  users alice\n}\n';
      client.open(scratchImports.uri("main.policy"), "policyc", text);
      expect((await client.diagnostics(scratchImports.uri("main.policy"), 1)).diagnostics).toEqual([]);
    } finally {
      scratchImports.remove();
    }
  });

  it("clears a document's diagnostics when it is closed", async () => {
    const mark = client.mark();
    client.notify("textDocument/didClose", { textDocument: { uri: scratch.uri("typo.policy") } });
    expect((await client.diagnosticsSince(mark, scratch.uri("typo.policy"))).diagnostics).toEqual([]);
  });
});
