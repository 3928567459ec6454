/**
 * A limit on syntax errors per file. Chevrotain's recovery rescans the rest
 * of the file for each error and resyncs recursively, so a file of garbage
 * would take quadratic time and could exhaust the stack. Chevrotain asks for
 * a message for each error it records; counting those is how the parser
 * knows when to stop.
 */
import type { IParserErrorMessageProvider } from "chevrotain";

/** Far more than anyone reads; a file with more is not a policy being edited. */
export const MAX_SYNTAX_ERRORS = 200;

/** Thrown out of the parser when the budget is spent. */
export class TooManySyntaxErrors extends Error {
  constructor() {
    super(`more than ${MAX_SYNTAX_ERRORS} syntax errors`);
    this.name = "TooManySyntaxErrors";
  }
}

/** Passes each message request on to `messages`, counting it against the budget. */
export class ErrorBudget implements IParserErrorMessageProvider {
  private remaining = MAX_SYNTAX_ERRORS;

  constructor(private readonly messages: IParserErrorMessageProvider) {}

  /** A fresh budget, for the next file. */
  reset(): void {
    this.remaining = MAX_SYNTAX_ERRORS;
  }

  private spend(): void {
    this.remaining--;
    if (this.remaining < 0) throw new TooManySyntaxErrors();
  }

  buildMismatchTokenMessage(options: Parameters<IParserErrorMessageProvider["buildMismatchTokenMessage"]>[0]): string {
    this.spend();
    return this.messages.buildMismatchTokenMessage(options);
  }

  buildNotAllInputParsedMessage(options: Parameters<IParserErrorMessageProvider["buildNotAllInputParsedMessage"]>[0]): string {
    this.spend();
    return this.messages.buildNotAllInputParsedMessage(options);
  }

  buildNoViableAltMessage(options: Parameters<IParserErrorMessageProvider["buildNoViableAltMessage"]>[0]): string {
    this.spend();
    return this.messages.buildNoViableAltMessage(options);
  }

  buildEarlyExitMessage(options: Parameters<IParserErrorMessageProvider["buildEarlyExitMessage"]>[0]): string {
    this.spend();
    return this.messages.buildEarlyExitMessage(options);
  }
}
