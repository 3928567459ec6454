/** Helpers for the Search Guard front-end tests: parse texts with an optional flavor, and show diagnostics compactly. */
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { Flavor } from "../../../src/model/types.js";
import { parseYamlPolicy } from "../../../src/parse/yaml/index.js";
import type { Parsed } from "../yaml/helpers.js";

export { at, codes, summary, textOf } from "../yaml/helpers.js";

/** Parses files given as `{ "sg_roles.yml": text }`; diagnostics come sorted, as the CLI shows them. */
export function parseSg(files: Readonly<Record<string, string>>, flavor?: Flavor): Parsed {
  const sink = new DiagnosticSink();
  const model = parseYamlPolicy(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    sink,
    flavor,
  );
  return { model, diagnostics: sortDiagnostics(sink.diagnostics) };
}

/** Each diagnostic as `CODE severity: message`. */
export function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message}`);
}

export const values = (strings: readonly { value: string }[] | undefined): string[] => (strings ?? []).map((s) => s.value);
