/** Quick fixes for misspelt names and document formatting, applied as an editor applies them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { LspClient, type LspDiagnostic, type LspRange } from "../helpers/lsp-client.js";
import { rangeOf, scratchDirectory, type Scratch } from "./fixture.js";

const META = (type: string) => `_meta:\n  type: "${type}"\n  config_version: 2\n`;

const FILES = {
  "action_groups.yml": `${META("actiongroups")}my_read:\n  allowed_actions: ["indices:data/read/*"]\n`,
  "roles.yml": `${META("roles")}reader:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["my_reed"]\n`,
  "roles_mapping.yml": `${META("rolesmapping")}readr:\n  users: [alice]\n`,
  "typo.policy": "action_group my_read allow indices:data/read/*\n\nrole reader {\n  index logs-* allow my_reed\n  users alice\n}\n",
  "messy.policy": "role   reader{cluster cluster_monitor\nindex logs-* allow read   # the logs\n    users alice}\n",
} as const;

type FileName = keyof typeof FILES;

interface TextEdit {
  readonly range: LspRange;
  readonly newText: string;
}

interface CodeAction {
  readonly title: string;
  readonly kind: string;
  readonly isPreferred: boolean;
  readonly diagnostics: readonly LspDiagnostic[];
  readonly edit: { readonly changes: Record<string, readonly TextEdit[]> };
}

describe("editing", () => {
  let client: LspClient;
  let scratch: Scratch;
  /** What `policyc fmt` makes of messy.policy. */
  let formatted: string;
  const codeActions = (file: FileName, range: LspRange) =>
    client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: scratch.uri(file) }, range, context: { diagnostics: [] } });

  beforeAll(async () => {
    scratch = scratchDirectory(FILES);
    formatted = runCli(["fmt", "--stdout", scratch.path("messy.policy")]).stdout;
    client = LspClient.start();
    await client.initialize();
    for (const name of Object.keys(FILES) as FileName[]) client.open(scratch.uri(name), name.endsWith(".policy") ? "policyc" : "yaml", FILES[name]);
  });
  afterAll(() => {
    client.kill();
    scratch.remove();
  });

  describe("quick fixes", () => {
    it("replace a misspelt action group in YAML inside its quotes", async () => {
      const [action, ...others] = await codeActions("roles.yml", rangeOf(FILES["roles.yml"], "reed"));
      expect(others).toEqual([]);
      expect(action).toMatchObject({ title: "Replace with `my_read`", kind: "quickfix", isPreferred: true, diagnostics: [{ code: "PC3001" }] });
      expect(action?.edit.changes).toEqual({ [scratch.uri("roles.yml")]: [{ range: rangeOf(FILES["roles.yml"], "my_reed"), newText: "my_read" }] });
    });

    it("replace a misspelt role in a mapping", async () => {
      const [action] = await codeActions("roles_mapping.yml", rangeOf(FILES["roles_mapping.yml"], "readr"));
      expect(action?.edit.changes).toEqual({ [scratch.uri("roles_mapping.yml")]: [{ range: rangeOf(FILES["roles_mapping.yml"], "readr"), newText: "reader" }] });
    });

    it("fix a .policy file: once applied, the warning is gone", async () => {
      const uri = scratch.uri("typo.policy");
      const [action] = await codeActions("typo.policy", rangeOf(FILES["typo.policy"], "my_reed"));
      const [edit] = action!.edit.changes[uri]!;
      expect(edit).toEqual({ range: rangeOf(FILES["typo.policy"], "my_reed"), newText: "my_read" });
      client.change(uri, 2, edit!.range, edit!.newText);
      expect((await client.diagnostics(uri, 2)).diagnostics).toEqual([]);
    });

    it("are offered only where a diagnostic suggests a name", async () => {
      expect(await codeActions("roles.yml", rangeOf(FILES["roles.yml"], "logs-*"))).toEqual([]);
    });
  });

  describe("formatting", () => {
    it("gives the text of `policyc fmt` as one edit of the whole document", async () => {
      const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: scratch.uri("messy.policy") }, options: { tabSize: 2, insertSpaces: true } });
      expect(edits).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, newText: formatted }]);
      expect(formatted).toContain("# the logs");
    });

    it("leaves a document with syntax errors as it is", async () => {
      const uri = scratch.uri("broken.policy");
      client.open(uri, "policyc", "role reader { cluster ; }\n");
      expect(await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    });

    it("leaves a formatted document and a YAML file as they are", async () => {
      const uri = scratch.uri("formatted.policy");
      client.open(uri, "policyc", formatted);
      const options = { tabSize: 2, insertSpaces: true };
      expect(await client.request("textDocument/formatting", { textDocument: { uri }, options })).toEqual([]);
      expect(await client.request("textDocument/formatting", { textDocument: { uri: scratch.uri("roles.yml") }, options })).toEqual([]);
    });
  });
});
