/**
 * Which clauses and flags each kind of definition takes. The grammar lets
 * every block hold every clause, so that a clause in the wrong place is
 * reported here, at the clause, with where it belongs.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { DslClause, DslFlag, DslFlagName, DslListKeyword, DslTextKeyword } from "./ast.js";

export type ClauseKeyword = DslListKeyword | DslTextKeyword | "index" | "tenant" | "attributes";

/** A place clauses are written in, and what it takes. */
export interface Place {
  /** How messages name the place: `a role`, `an \`index\` entry`. */
  readonly name: string;
  readonly clauses: readonly ClauseKeyword[];
  /** Clauses that may appear more than once (each is one more entry). */
  readonly repeatable: readonly ClauseKeyword[];
  readonly flags: readonly DslFlagName[];
}

const ALL_FLAGS: readonly DslFlagName[] = ["reserved", "hidden", "static"];
const MAPPING_CLAUSES = ["users", "backend_roles", "and_backend_roles", "hosts"] as const;

export const PLACES = {
  role: {
    name: "a role",
    clauses: ["description", "cluster", "index", "tenant", ...MAPPING_CLAUSES],
    repeatable: ["index", "tenant"],
    flags: ALL_FLAGS,
  },
  index: { name: "an `index` entry", clauses: ["allow", "dls", "fls", "mask"], repeatable: [], flags: [] },
  actionGroup: { name: "an action group", clauses: ["allow", "type", "description"], repeatable: [], flags: ALL_FLAGS },
  mapping: { name: "a mapping", clauses: [...MAPPING_CLAUSES, "description"], repeatable: [], flags: ["reserved", "hidden"] },
  user: {
    name: "a user",
    clauses: ["hash", "backend_roles", "roles", "attributes", "description", "mapped_to"],
    repeatable: [],
    flags: ALL_FLAGS,
  },
  tenant: { name: "a tenant", clauses: ["description"], repeatable: [], flags: ALL_FLAGS },
} as const satisfies Record<string, Place>;

/** The clauses of a role that make up its role mapping. */
export const ROLE_MAPPING_CLAUSES: readonly ClauseKeyword[] = MAPPING_CLAUSES;

export function clauseKeyword(clause: DslClause): ClauseKeyword {
  return clause.kind === "list" || clause.kind === "text" ? clause.keyword : clause.kind;
}

/**
 * The clauses that belong in `place`, each kind once unless repeatable; the
 * others are reported (PC1005 misplaced, PC1006 repeated) and left out.
 * `owner` names the definition in messages (`role \`hr\``).
 */
export function placedClauses(clauses: readonly DslClause[], place: Place, owner: string, sink: DiagnosticSink): DslClause[] {
  const firstSeen = new Map<ClauseKeyword, SourceSpan | undefined>();
  return clauses.filter((clause) => {
    const keyword = clauseKeyword(clause);
    if (!place.clauses.includes(keyword)) {
      sink.report("PC1005", `${place.name} takes no \`${keyword}\` clause`, clause.span, { help: whereItBelongs(keyword) });
      return false;
    }
    if (firstSeen.has(keyword) && !place.repeatable.includes(keyword)) {
      const first = firstSeen.get(keyword);
      sink.report("PC1006", `\`${keyword}\` is given twice in ${owner}`, clause.span, {
        ...(first ? { related: [{ message: `\`${keyword}\` is first given here`, span: first }] } : {}),
        help: `write \`${keyword}\` once`,
      });
      return false;
    }
    if (!firstSeen.has(keyword)) firstSeen.set(keyword, clause.span);
    return true;
  });
}

function whereItBelongs(keyword: ClauseKeyword): string {
  const places = Object.values(PLACES as Record<string, Place>)
    .filter((place) => place.clauses.includes(keyword))
    .map((place) => place.name);
  return `\`${keyword}\` belongs in ${inWords(places, "or")}`;
}

/** `a`, `a or b`, `a, b or c`. */
function inWords(items: readonly string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** The flags a definition takes, once each; the others are reported and left out. */
export function placedFlags(flags: readonly DslFlag[], place: Place, owner: string, sink: DiagnosticSink): Set<DslFlagName> {
  const given = new Map<DslFlagName, SourceSpan | undefined>();
  for (const flag of flags) {
    if (!place.flags.includes(flag.name)) {
      const takes = inWords(
        place.flags.map((name) => `\`${name}\``),
        "and",
      );
      sink.report("PC1005", `${place.name} takes no \`${flag.name}\` flag`, flag.span, { help: `${place.name} takes ${takes}` });
    } else if (given.has(flag.name)) {
      const first = given.get(flag.name);
      sink.report("PC1006", `flag \`${flag.name}\` is given twice in ${owner}`, flag.span, {
        ...(first ? { related: [{ message: `\`${flag.name}\` is first given here`, span: first }] } : {}),
      });
    } else {
      given.set(flag.name, flag.span);
    }
  }
  return new Set(given.keys());
}
