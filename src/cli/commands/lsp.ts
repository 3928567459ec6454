/**
 * `policyc lsp`: the language server for `.policy` files and the plugin's
 * YAML files, over stdin and stdout (`--stdio`, which editors pass, or no
 * flag at all). Other transports are refused as usage errors.
 */
import { Option, type Command } from "commander";
import { CliError, EXIT_USAGE } from "../exit-codes.js";

interface LspOptions {
  readonly stdio?: boolean;
  readonly nodeIpc?: boolean;
  readonly socket?: string;
  readonly pipe?: string;
}

export function registerLsp(program: Command): void {
  program
    .command("lsp")
    .description("run the language server (LSP over stdin and stdout) for .policy files and the YAML configuration files")
    .option("--stdio", "speak LSP over stdin and stdout (the default)")
    .addOption(new Option("--node-ipc").hideHelp())
    .addOption(new Option("--socket <port>").hideHelp())
    .addOption(new Option("--pipe <name>").hideHelp())
    // vscode-languageserver reads this one itself, to exit when the editor is gone.
    .addOption(new Option("--clientProcessId <pid>").hideHelp())
    .action((options: LspOptions) => {
      const other = options.nodeIpc ? "--node-ipc" : options.socket !== undefined ? "--socket" : options.pipe !== undefined ? "--pipe" : undefined;
      if (other !== undefined) throw new CliError(`\`policyc lsp\` speaks LSP over stdio only: pass \`--stdio\` instead of \`${other}\``);
      // Loaded here, so that the other commands do not load the LSP libraries.
      import("../../lsp/server.js")
        .then(({ startLanguageServer }) => startLanguageServer(process.stdin, process.stdout))
        .catch((error: unknown) => {
          process.stderr.write(`policyc: cannot start the language server: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exitCode = EXIT_USAGE;
        });
    });
}
