// The policyc extension: starts `policyc lsp --stdio` for .policy files and the plugin's YAML files.
// The language server does the work; this only finds policyc and connects VS Code to it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** The YAML files policyc reads, by name (other YAML files are left to other extensions). */
const POLICY_YAML = "**/{roles,roles_mapping,action_groups,internal_users,tenants,opensearch,config}.{yml,yaml}";

let client;

function activate(context) {
  client = new LanguageClient("policyc", "policyc", serverOptions(), {
    documentSelector: [
      { scheme: "file", language: "policyc" },
      { scheme: "untitled", language: "policyc" },
      { scheme: "file", language: "yaml", pattern: POLICY_YAML },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yml,yaml,policy}") },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

/** `bin/policyc.js` run by VS Code's own Node, or else `npx policyc`. */
function serverOptions() {
  const script = policycScript();
  if (script) return { module: script, args: ["lsp"], transport: TransportKind.stdio };
  return { command: "npx", args: ["policyc", "lsp", "--stdio"], options: { shell: process.platform === "win32" } };
}

function policycScript() {
  const configured = vscode.workspace.getConfiguration("policyc").get("server.path");
  const folders = (vscode.workspace.workspaceFolders || []).map((folder) => folder.uri.fsPath);
  const candidates = [
    ...(configured ? [configured] : []),
    ...folders.map((folder) => path.join(folder, "node_modules", "policyc", "bin", "policyc.js")),
    // This folder inside a policyc checkout (editors/vscode): the checkout's own build.
    path.join(__dirname, "..", "..", "bin", "policyc.js"),
  ];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

module.exports = { activate, deactivate };
