/**
 * Diagnostics as the user types: every change (to any open document, since
 * one file's edit can change what its siblings report) re-checks every open
 * document after a short pause, and each document gets its own file's
 * diagnostics. Documents checked with the same files share one compiler run.
 */
import type { Connection } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { diagnosticsOfDocument, toLspDiagnostic } from "./diagnostics.js";
import { logFailure } from "./safely.js";
import type { PolicyWorkspace } from "./workspace.js";

/** Long enough to let a burst of keystrokes pass, short enough to feel immediate. */
export const DIAGNOSTICS_DELAY_MS = 150;

export class DiagnosticsPublisher {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: PolicyWorkspace,
    private readonly delayMs = DIAGNOSTICS_DELAY_MS,
  ) {}

  /** Re-checks every open document once the edits pause. */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publishAll();
    }, this.delayMs);
  }

  publishAll(): void {
    for (const document of this.workspace.store.all()) this.publish(document);
  }

  /** Clears the diagnostics of a closed document: a closed file shows none. */
  clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private publish(document: TextDocument): void {
    try {
      const target = this.workspace.analyse(document.uri);
      const diagnostics = target ? diagnosticsOfDocument(target).map((diagnostic) => toLspDiagnostic(diagnostic, this.workspace)) : [];
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    } catch (error) {
      // The previous diagnostics stay; the next edit tries again.
      logFailure(this.connection.console, `checking ${document.uri}`, error);
    }
  }
}
