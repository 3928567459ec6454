/**
 * One run of the compiler over a document's files: what `policyc validate`
 * reports, the policy model, the resolved policy (for hover and completion)
 * and the symbol index (for definitions and references). Runs are cached by
 * the files' paths and texts, so documents checked with the same files (the
 * YAML files of one directory) share one run.
 */
import { createHash } from "node:crypto";
import { buildSymbolIndex, type SymbolIndex } from "../check/symbol-index.js";
import { DiagnosticSink, type Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { readPolicyModel, validate } from "../index.js";
import type { LocatedString, PolicyModel } from "../model/types.js";
import { parseDslDocument } from "../parse/dsl/index.js";
import { readBuiltinPolicy } from "../parse/yaml/index.js";
import { resolvePolicy, type ResolvedPolicy } from "../resolve/index.js";
import { policyLanguage, type SourceText } from "./policy-inputs.js";

export interface PolicyAnalysis {
  readonly files: readonly SourceText[];
  /** Exactly what `policyc validate` reports for these files. */
  readonly diagnostics: readonly Diagnostic[];
  readonly model: PolicyModel;
  /** The policy with the built-ins, action groups flattened and roles resolved. */
  readonly resolved: ResolvedPolicy;
  readonly symbols: SymbolIndex;
}

export function analyzePolicy(files: readonly SourceText[]): PolicyAnalysis {
  const input = { files };
  const { diagnostics } = validate(input);
  const { model } = readPolicyModel(input);
  const builtins = readBuiltinPolicy(model.flavor);
  // Resolving reports again what validate reported already.
  const resolved = resolvePolicy(model, builtins, new DiagnosticSink());
  const symbols = buildSymbolIndex({ policy: model, builtins, extraRoleReferences: mappedToRoles(files) });
  return { files, diagnostics, model, resolved, symbols };
}

/** Every role named in a DSL user's `mapped_to`, which the model does not keep when the role is mapped elsewhere too. */
function mappedToRoles(files: readonly SourceText[]): LocatedString[] {
  return files
    .filter((file) => policyLanguage(file.path) === "dsl")
    .flatMap((file) => parseDslDocument(new SourceFile(file.path, file.text), new DiagnosticSink()).items)
    .flatMap((item) => (item.kind === "user" ? item.clauses : []))
    .flatMap((clause) => (clause.kind === "list" && clause.keyword === "mapped_to" ? clause.items : []));
}

/** The latest runs, by their files' paths and texts. */
export class AnalysisCache {
  private readonly runs = new Map<string, PolicyAnalysis>();

  constructor(private readonly capacity = 8) {}

  get(files: readonly SourceText[]): PolicyAnalysis {
    const key = fingerprint(files);
    const cached = this.runs.get(key);
    if (cached) return cached;
    const analysis = analyzePolicy(files);
    this.runs.set(key, analysis);
    if (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value!);
    return analysis;
  }
}

function fingerprint(files: readonly SourceText[]): string {
  const hash = createHash("sha256");
  for (const { path, text } of files) hash.update(`${path.length}:${path}${text.length}:`).update(text);
  return hash.digest("hex");
}
