/**
 * One namespace per kind of definition across every file of a policy: a
 * name defined twice is a PC3005 error at the second definition, pointing at
 * the first, and only the first counts.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { LocatedString } from "../../model/types.js";
import { code } from "../../diagnostics/message-text.js";

/** Where a name was defined; `inline` marks a role mapping written as clauses of its role. */
export interface DefinitionSite {
  readonly span?: SourceSpan;
  readonly inline?: boolean;
}

export class DefinedNames {
  private readonly first = new Map<string, DefinitionSite>();

  constructor(
    /** `role`, `action group`, … or `mapping`, which is worded as "mapped twice". */
    private readonly kind: string,
    private readonly sink: DiagnosticSink,
  ) {}

  /** Records the name and returns true, or reports the repeat and returns false. */
  claim(name: LocatedString, site: DefinitionSite = { span: name.span }): boolean {
    const first = this.first.get(name.value);
    if (!first) {
      this.first.set(name.value, site);
      return true;
    }
    this.reportTwice(name.value, site, first);
    return false;
  }

  private reportTwice(name: string, site: DefinitionSite, first: DefinitionSite): void {
    const isMapping = this.kind === "mapping";
    const message = isMapping ? `role ${code(name)} is mapped twice` : `${this.kind} ${code(name)} is defined twice`;
    const related = first.span ? [{ message: `${code(name)} is first ${isMapping ? "mapped" : "defined"} here`, span: first.span }] : [];
    const help =
      isMapping && (site.inline || first.inline)
        ? "a role with `users`, `backend_roles`, `and_backend_roles` or `hosts` clauses has its mapping inside; it takes no `mapping` block"
        : undefined;
    this.sink.report("PC3005", message, site.span, { related, ...(help ? { help } : {}) });
  }
}
