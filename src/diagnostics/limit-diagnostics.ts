/**
 * At most so many diagnostics of one code per file in printed output. A file
 * that earns hundreds of thousands of the same diagnostic (one mistake
 * repeated, or a hostile file: a flow list of 390,000 unknown actions) would
 * otherwise print hundreds of megabytes, which helps no one and does not fit
 * in the memory a build step gives policyc. The rest of each such group is
 * counted in one diagnostic of the same code and the most severe severity of
 * what it stands for, at the place of the first one left out; exit codes and
 * the error and warning counts of `--format json` still count them all.
 */
import { sortDiagnostics, type Diagnostic, type Severity } from "./diagnostic.js";

export const SHOWN_PER_FILE_AND_CODE = 1000;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

interface LeftOut {
  first: Diagnostic;
  count: number;
  severity: Severity;
}

/** The sorted diagnostics with at most `limit` of one code per file, and a count in place of the rest. */
export function limitDiagnostics(sorted: readonly Diagnostic[], limit = SHOWN_PER_FILE_AND_CODE): readonly Diagnostic[] {
  const shown: Diagnostic[] = [];
  const counts = new Map<string, number>();
  const leftOut = new Map<string, LeftOut>();
  for (const diagnostic of sorted) {
    const key = `${diagnostic.span?.file.path ?? ""}\u0000${diagnostic.code}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= limit) {
      shown.push(diagnostic);
      continue;
    }
    const group = leftOut.get(key);
    if (group === undefined) leftOut.set(key, { first: diagnostic, count: 1, severity: diagnostic.severity });
    else {
      group.count++;
      if (SEVERITY_RANK[diagnostic.severity] > SEVERITY_RANK[group.severity]) group.severity = diagnostic.severity;
    }
  }
  if (leftOut.size === 0) return sorted;
  return sortDiagnostics([...shown, ...[...leftOut.values()].map((group) => countOf(group, limit))]);
}

function countOf({ first, count, severity }: LeftOut, limit: number): Diagnostic {
  const where = first.span === undefined ? "" : " in this file";
  const message = `${thousands(count)} more \`${first.code}\` diagnostics${where} are not shown: policyc prints the first ${thousands(limit)} of a code per file`;
  return { code: first.code, severity, message, ...(first.span !== undefined ? { span: first.span } : {}), related: [] };
}

/** 389000 as `389,000`, the same on every machine. */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ",");
}
