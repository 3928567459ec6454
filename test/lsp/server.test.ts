/** `policyc lsp` as an editor starts and stops it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { LspClient } from "../helpers/lsp-client.js";

describe("policyc lsp --stdio", () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;
  beforeAll(async () => {
    client = LspClient.start();
    ({ capabilities } = await client.initialize());
  });
  afterAll(() => client.kill());

  it("answers initialize with what it can do", () => {
    expect(capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      completionProvider: {},
      definitionProvider: true,
      referencesProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: ["quickfix"] },
    });
  });

  it("answers requests about documents it does not have, and positions past the end, with nothing", async () => {
    const nowhere = { textDocument: { uri: "file:///nowhere/roles.yml" }, position: { line: 9999, character: 9999 } };
    expect(await client.request("textDocument/hover", nowhere)).toBeNull();
    expect(await client.request("textDocument/completion", nowhere)).toEqual([]);
    client.open("file:///nowhere/a.policy", "policyc", "role r {}\n");
    const pastTheEnd = { textDocument: { uri: "file:///nowhere/a.policy" }, position: { line: 9999, character: 9999 } };
    expect(await client.request("textDocument/definition", pastTheEnd)).toEqual([]);
    expect(await client.request("textDocument/hover", pastTheEnd)).toBeNull();
  });

  it("keeps running on any text, reporting what is wrong with it", async () => {
    const garbage = ["\u0000\uFFFF{[\"'", "_meta: [\n  - {\n", "role {{{ }}} ]]]\n\uD800", "a: *b\n&c d: [e"];
    const uris = garbage.map((_, i) => (i % 2 ? `file:///garbage/${i}/roles.yml` : `file:///garbage/${i}.policy`));
    garbage.forEach((text, i) => client.open(uris[i]!, i % 2 ? "yaml" : "policyc", text));
    for (const uri of uris) expect((await client.diagnostics(uri, 1)).diagnostics.length).toBeGreaterThan(0);
    for (const uri of uris) await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 3 } });
  });

  it("exits 0 after shutdown and exit", async () => {
    expect(await client.stop()).toBe(0);
  });
});

describe("policyc lsp, started otherwise", () => {
  it("speaks over stdio without the flag, and takes the client process id editors pass", async () => {
    const client = LspClient.start(["lsp", `--clientProcessId=${process.pid}`]);
    try {
      await client.initialize();
      expect(await client.stop()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it("refuses other transports with a usage error", () => {
    const result = runCli(["lsp", "--node-ipc"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("policyc: `policyc lsp` speaks LSP over stdio only: pass `--stdio` instead of `--node-ipc`\n");
  });
});
