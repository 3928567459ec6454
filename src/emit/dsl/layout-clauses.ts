/**
 * The canonical text of a block's clauses: one clause per line, lists on one
 * line with items separated by `, `, an `index` clause's own block opened on
 * its first line.
 */
import type { DslAttributesClause, DslClause, DslIndexClause, DslListClause, DslTenantClause, DslTextClause } from "../../parse/dsl/ast.js";
import type { LocatedString } from "../../model/types.js";
import { formatName, formatString, formatWord } from "./dsl-words.js";
import { closingLine, lineOf, spanLine, type LayoutLine } from "./layout-line.js";

/** The lines of a block's clauses, each at `depth`. */
export function layoutClauses(clauses: readonly DslClause[], depth: number): LayoutLine[] {
  return clauses.flatMap((clause) => layoutClause(clause, depth));
}

function layoutClause(clause: DslClause, depth: number): LayoutLine[] {
  switch (clause.kind) {
    case "list":
      return [spanLine(depth, listClauseText(clause), clause.span)];
    case "text":
      return [spanLine(depth, textClauseText(clause), clause.span)];
    case "attributes":
      return [spanLine(depth, attributesText(clause), clause.span)];
    case "tenant":
      return [spanLine(depth, tenantClauseText(clause), clause.span)];
    case "index":
      return layoutIndexClause(clause, depth);
  }
}

/** Items separated by `, `, each bare or quoted. */
export function nameList(items: readonly LocatedString[]): string {
  return items.map((item) => formatName(item.value)).join(", ");
}

export function listClauseText(clause: DslListClause): string {
  return `${clause.keyword} ${nameList(clause.items)}`;
}

/**
 * Prose and opaque values (`description`, `hash`, `dls`) are always strings;
 * the word after `type` is bare when it can be, as in `type cluster`.
 */
function textClauseText(clause: DslTextClause): string {
  const value = clause.value.value;
  return `${clause.keyword} ${clause.keyword === "type" ? formatWord(value) : formatString(value)}`;
}

function attributesText(clause: DslAttributesClause): string {
  const pairs = clause.pairs.map(({ name, value }) => `${formatName(name.value)} = ${formatName(value.value)}`);
  return `attributes ${pairs.join(", ")}`;
}

function tenantClauseText(clause: DslTenantClause): string {
  const allow = clause.allow ? ` ${listClauseText(clause.allow)}` : "";
  return `tenant ${nameList(clause.patterns)}${allow}`;
}

/** `index patterns [allow …]`, with its block (`dls`, `fls`, `mask`, or a later `allow`) opened on the same line. */
function layoutIndexClause(clause: DslIndexClause, depth: number): LayoutLine[] {
  const header = `index ${nameList(clause.patterns)}${clause.allow ? ` ${listClauseText(clause.allow)}` : ""}`;
  const body = clause.body ?? [];
  if (body.length === 0) return [spanLine(depth, header, clause.span)];
  const headerEnd = clause.allow?.span?.end ?? clause.patterns[clause.patterns.length - 1]?.span?.end ?? clause.span?.start;
  return [lineOf(depth, `${header} {`, clause.span?.start, headerEnd), ...layoutClauses(body, depth + 1), closingLine(depth, clause.span)];
}
