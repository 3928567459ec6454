/**
 * An index permission's DLS, FLS and masking rules, checked and put in the
 * form the decision table stores (see `TableIndexEntry`). The plugin reads a
 * rule of each kind from an entry when its `dls` is not blank, its `fls` is
 * not empty, its `masked_fields` is not empty (DocumentPrivileges,
 * FieldPrivileges and FieldMasking `roleToRule`).
 *
 * A DLS query without `${` is parsed when the plugin loads its roles; one that
 * is not a query makes the plugin ignore the role's DLS rules from there on.
 * policyc reports it as an error at the query (PC6001 not JSON, PC6002 not an
 * object, PC6003 not the `{"<query>": {…}}` shape) and stores valid queries
 * in canonical form. A template is parsed by the plugin only per request,
 * after substitution; policyc checks it with sample values
 * (`dls-sample-rendering.ts`) and stores it as written.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import type { SourceSpan } from "../diagnostics/source-file.js";
import type { IndexPermission, LocatedString } from "../model/types.js";
import { isDlsTemplate, readDlsQuery, type DlsProblemKind } from "../runtime/restrictions-dls.js";
import { sampleRendering } from "./dls-sample-rendering.js";
import { flsFieldProblem, maskedFieldProblem, type FieldRuleProblem } from "./field-rule-problems.js";

/** The rules of one entry as the table stores them; a kind without a rule is absent. */
export interface ResolvedRestrictions {
  readonly dls?: string;
  readonly fls?: readonly string[];
  readonly maskedFields?: readonly string[];
}

const DLS_CODES: Readonly<Record<DlsProblemKind, "PC6001" | "PC6002" | "PC6003">> = { json: "PC6001", object: "PC6002", shape: "PC6003" };

/** `owner` names the entry in messages, e.g. "index permission 2 of role `hr`". */
export function resolveRestrictions(permission: IndexPermission, owner: string, sink: DiagnosticSink): ResolvedRestrictions {
  const dls = permission.dls !== undefined && !isJavaBlank(permission.dls.value) ? resolveDls(permission.dls, owner, sink) : undefined;
  for (const field of permission.fls) reportFieldProblem(flsFieldProblem(field.value), `\`fls\` entry ${code(field.value)} of ${owner}`, field.span, sink);
  for (const mask of permission.maskedFields) reportFieldProblem(maskedFieldProblem(mask.value), `\`masked_fields\` entry ${code(mask.value)} of ${owner}`, mask.span, sink);
  return {
    ...(dls !== undefined ? { dls } : {}),
    ...(permission.fls.length > 0 ? { fls: permission.fls.map((f) => f.value) } : {}),
    ...(permission.maskedFields.length > 0 ? { maskedFields: permission.maskedFields.map((m) => m.value) } : {}),
  };
}

/** The stored form of a non-blank query: canonical for a plain query, as written for a template. */
function resolveDls(query: LocatedString, owner: string, sink: DiagnosticSink): string | undefined {
  const what = `\`dls\` of ${owner}`;
  if (isDlsTemplate(query.value)) {
    if (query.value.includes("$${")) {
      sink.report("PC6004", `${what} keeps a \`\${\` after substitution (the \`$\${\` escape), so the plugin fails every request it applies to`, query.span);
      return query.value;
    }
    const sample = readDlsQuery(sampleRendering(query.value));
    if (!sample.ok) sink.report(DLS_CODES[sample.kind], `${what} ${problemText(sample.kind)} with sample values for its user attributes: ${sample.message}`, query.span);
    else reportTrailingText(sample.trailing, what, query.span, sink);
    return query.value;
  }
  const reading = readDlsQuery(query.value);
  if (reading.ok) {
    reportTrailingText(reading.trailing, what, query.span, sink);
    return reading.text;
  }
  const where = reading.offset === undefined ? "" : ` (at character ${reading.offset + 1} of the query)`;
  sink.report(DLS_CODES[reading.kind], `${what} ${problemText(reading.kind)}: ${reading.message}${where}`, query.span);
  return undefined;
}

/** The plugin's query parser stops after the query object; what follows is never read, so it is likely a mistake. */
function reportTrailingText(trailing: number, what: string, span: SourceSpan | undefined, sink: DiagnosticSink): void {
  if (trailing >= 0) sink.report("PC6009", `${what} goes on after its query (at character ${trailing + 1}); the plugin ignores the rest`, span);
}

function problemText(kind: DlsProblemKind): string {
  return kind === "json" ? "is not valid JSON" : kind === "object" ? "is not a JSON object" : "is not a query the plugin reads";
}

function reportFieldProblem(problem: FieldRuleProblem | undefined, what: string, span: SourceSpan | undefined, sink: DiagnosticSink): void {
  if (problem !== undefined) sink.report(problem.code, `${what} ${problem.message}`, span);
}

/** Java's notion of blank (log4j Strings.isBlank): empty or only `Character.isWhitespace` characters. */
function isJavaBlank(text: string): boolean {
  return /^[\t\n\u000b\f\r\u001c-\u001f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/.test(text);
}
