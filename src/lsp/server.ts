/**
 * The policyc language server (`policyc lsp`): LSP over a pair of streams for
 * `.policy` files and the plugin's YAML files, built on the compiler's own
 * stages. Every handler is guarded: a failure is logged to the editor's
 * output and answered empty, and the server keeps running.
 */
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { quickFixesIn } from "./code-actions.js";
import { completionsAt } from "./completion.js";
import { definitionsAt, referencesAt } from "./definitions.js";
import { DiagnosticsPublisher } from "./diagnostics-publisher.js";
import { documentPath, DocumentStore } from "./document-store.js";
import { formattingEdits } from "./formatting.js";
import { hoverAt } from "./hover.js";
import { policyLanguage } from "./policy-inputs.js";
import { safely } from "./safely.js";
import { PolicyWorkspace } from "./workspace.js";

/** Characters after which an editor asks for completion by itself. */
const TRIGGER_CHARACTERS = [":", "/", ",", " ", '"', "'", "["];

export function serverCapabilities(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
      definitionProvider: true,
      referencesProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: "policyc" },
  };
}

/** Starts a server on these streams; it runs until the client sends `exit` or closes the input. */
export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  routeConsoleToClient(connection);
  const documents = new TextDocuments(TextDocument);
  const workspace = new PolicyWorkspace(new DocumentStore(documents));
  const publisher = new DiagnosticsPublisher(connection, workspace);
  const log = connection.console;

  connection.onInitialize(() => serverCapabilities());
  documents.onDidChangeContent(() => publisher.schedule());
  documents.onDidClose((event) => {
    publisher.clear(event.document.uri);
    publisher.schedule();
  });
  // A file changed on disk may be a sibling or an import of an open document.
  connection.onDidChangeWatchedFiles(() => publisher.schedule());
  connection.onShutdown(() => publisher.dispose());

  connection.onHover(
    safely(log, "hover", null, (params) => {
      const target = workspace.analyse(params.textDocument.uri);
      return target ? hoverAt(workspace, target, params.position) : null;
    }),
  );
  connection.onCompletion(
    safely(log, "completion", [], (params) => {
      const target = workspace.analyse(params.textDocument.uri);
      return target ? completionsAt(target, params.position) : [];
    }),
  );
  connection.onDefinition(
    safely(log, "go to definition", [], (params) => {
      const target = workspace.analyse(params.textDocument.uri);
      return target ? definitionsAt(workspace, target, params.position) : [];
    }),
  );
  connection.onReferences(
    safely(log, "find references", [], (params) => {
      const target = workspace.analyse(params.textDocument.uri);
      return target ? referencesAt(workspace, target, params.position, params.context.includeDeclaration) : [];
    }),
  );
  connection.onCodeAction(
    safely(log, "code actions", [], (params) => {
      const target = workspace.analyse(params.textDocument.uri);
      return target ? quickFixesIn(workspace, target, params.range) : [];
    }),
  );
  connection.onDocumentFormatting(
    safely(log, "formatting", [], (params) => {
      const document = documents.get(params.textDocument.uri);
      const path = document ? documentPath(document) : undefined;
      return document && path && policyLanguage(path) === "dsl" ? formattingEdits(path, document.getText()) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}

/**
 * Over stdio, anything written to stdout would corrupt the protocol: every
 * console method a dependency might call goes to the client's log instead.
 */
function routeConsoleToClient(connection: Connection): void {
  const text = (values: unknown[]) => values.map((value) => (typeof value === "string" ? value : String(value))).join(" ");
  console.log = (...values: unknown[]) => connection.console.log(text(values));
  console.info = (...values: unknown[]) => connection.console.info(text(values));
  console.debug = (...values: unknown[]) => connection.console.log(text(values));
  console.warn = (...values: unknown[]) => connection.console.warn(text(values));
  console.error = (...values: unknown[]) => connection.console.error(text(values));
}
