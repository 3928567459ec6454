/**
 * The canonical text of each definition: its header (`role name flags`), a
 * block opened on the header's line with one clause per line, and the short
 * forms the README names — `action_group x allow a, b` and a `user` or
 * `tenant` without clauses on one line.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { DslActionGroup, DslClause, DslFlag, DslItem, DslSettings, DslSettingValue } from "../../parse/dsl/ast.js";
import type { LocatedString } from "../../model/types.js";
import { formatName, formatSettingText, formatString } from "./dsl-words.js";
import { layoutClauses, listClauseText, nameList } from "./layout-clauses.js";
import { closingLine, lineOf, spanLine, type CommentProbe, type LayoutLine } from "./layout-line.js";

/** The lines of one top-level item, at depth 0. */
export function layoutItem(item: DslItem, hasCommentInside: CommentProbe): LayoutLine[] {
  switch (item.kind) {
    case "import":
      return [spanLine(0, `import ${formatString(item.path.value)}`, item.span)];
    case "settings":
      return layoutSettings(item, hasCommentInside);
    case "action_group":
      return layoutActionGroup(item, hasCommentInside);
    case "role":
    case "mapping":
      return layoutBlock(header(item.kind, item.name, item.flags), item, hasCommentInside, "always");
    case "user":
    case "tenant":
      return layoutBlock(header(item.kind, item.name, item.flags), item, hasCommentInside, item.hasBlock ? "when-commented" : "never");
  }
}

function header(keyword: string, name: LocatedString, flags: readonly DslFlag[]): { text: string; end: number | undefined } {
  const text = [keyword, formatName(name.value), ...flags.map((flag) => flag.name)].join(" ");
  const end = flags[flags.length - 1]?.span?.end ?? name.span?.end;
  return { text, end };
}

interface Block {
  readonly clauses: readonly DslClause[];
  readonly span?: SourceSpan;
}

/**
 * How a definition without clauses is printed: roles and mappings always
 * have braces (`role x {}`); users and tenants drop them — unless a comment
 * sits inside the braces, which then stay open so the comment stays inside.
 */
type EmptyBraces = "always" | "when-commented" | "never";

function layoutBlock(head: { text: string; end: number | undefined }, block: Block, hasCommentInside: CommentProbe, braces: EmptyBraces): LayoutLine[] {
  const { span } = block;
  if (block.clauses.length > 0) return openBlock(head, layoutClauses(block.clauses, 1), span);
  const commented = braces !== "never" && span !== undefined && head.end !== undefined && hasCommentInside(head.end, span.end);
  if (commented) return openBlock(head, [], span);
  return [spanLine(0, braces === "always" ? `${head.text} {}` : head.text, span)];
}

function openBlock(head: { text: string; end: number | undefined }, body: LayoutLine[], span: SourceSpan | undefined): LayoutLine[] {
  return [lineOf(0, `${head.text} {`, span?.start, head.end), ...body, closingLine(0, span)];
}

/** An action group whose only clause is `allow` is one line, however it was written. */
function layoutActionGroup(group: DslActionGroup, hasCommentInside: CommentProbe): LayoutLine[] {
  const head = header("action_group", group.name, group.flags);
  const only = group.clauses.length === 1 ? group.clauses[0] : undefined;
  if (only?.kind === "list" && only.keyword === "allow") return [spanLine(0, `${head.text} ${listClauseText(only)}`, group.span)];
  return layoutBlock(head, group, hasCommentInside, "always");
}

function layoutSettings(settings: DslSettings, hasCommentInside: CommentProbe): LayoutLine[] {
  const head = { text: "settings", end: settings.span ? settings.span.start + "settings".length : undefined };
  const entries = settings.entries.map((entry) => spanLine(1, `${entry.name.value} = ${settingValueText(entry.value)}`, entry.span));
  if (entries.length > 0) return openBlock(head, entries, settings.span);
  const commented = settings.span !== undefined && head.end !== undefined && hasCommentInside(head.end, settings.span.end);
  return commented ? openBlock(head, [], settings.span) : [spanLine(0, "settings {}", settings.span)];
}

/** `true`, `false`, a word or string (`"true"` when the text is the word true), or `[a, b]`. */
function settingValueText(value: DslSettingValue): string {
  switch (value.kind) {
    case "boolean":
      return value.value ? "true" : "false";
    case "text":
      return formatSettingText(value.value);
    case "list":
      return `[${nameList(value.items)}]`;
  }
}
