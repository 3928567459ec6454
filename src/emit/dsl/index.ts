/**
 * The DSL back end: the canonical printer of `.policy` syntax trees
 * (`policyc fmt`) and a model's policy as `.policy` text (`convert --to dsl`).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { PolicyModel } from "../../model/types.js";
import { policyModelToDslDocument } from "./model-to-document.js";
import { printDslDocument } from "./print-document.js";

export { printDslDocument } from "./print-document.js";
export { policyModelToDslDocument } from "./model-to-document.js";
export { formatName, formatString } from "./dsl-words.js";
export { sameDslDocument } from "./same-document.js";

/**
 * A policy as the text of one `.policy` file; the model holds no comments, so
 * there are none. What the DSL cannot write is reported to `sink`.
 */
export function emitDslPolicy(model: PolicyModel, sink: DiagnosticSink): string {
  return printDslDocument(policyModelToDslDocument(model, sink));
}
