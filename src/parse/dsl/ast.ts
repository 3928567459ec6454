/**
 * The syntax tree of one `.policy` file: what the author wrote, in the order
 * written, with every comment. The formatter prints it back (so `fmt` never
 * moves a definition or a mapping clause), `to-model.ts` turns it into the
 * shared model, and `convert --to dsl` builds one from a model.
 *
 * Spans are optional because trees built from a model (convert) have none.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { LocatedString } from "../../model/types.js";

export interface DslDocument {
  readonly items: readonly DslItem[];
  /** Every `#` comment of the file in source order (text after the `#`). */
  readonly comments: readonly DslComment[];
}

export interface DslComment {
  readonly text: string;
  readonly span?: SourceSpan;
}

export type DslItem = DslImport | DslSettings | DslActionGroup | DslRole | DslMapping | DslUser | DslTenant;

export interface DslImport {
  readonly kind: "import";
  readonly path: LocatedString;
  readonly span?: SourceSpan;
}

export interface DslSettings {
  readonly kind: "settings";
  readonly entries: readonly DslSetting[];
  readonly span?: SourceSpan;
}

export interface DslSetting {
  readonly name: LocatedString;
  readonly value: DslSettingValue;
  readonly span?: SourceSpan;
}

export type DslSettingValue =
  | { readonly kind: "boolean"; readonly value: boolean; readonly span?: SourceSpan }
  | { readonly kind: "text"; readonly value: string; readonly span?: SourceSpan }
  | { readonly kind: "list"; readonly items: readonly LocatedString[]; readonly span?: SourceSpan };

export type DslFlagName = "reserved" | "hidden" | "static";

export interface DslFlag {
  readonly name: DslFlagName;
  readonly span?: SourceSpan;
}

/** What every definition has: a name, flags after it, and where it was written. */
interface DslDefinition {
  readonly name: LocatedString;
  readonly flags: readonly DslFlag[];
  readonly span?: SourceSpan;
}

export interface DslActionGroup extends DslDefinition {
  readonly kind: "action_group";
  /** `action_group x allow a, b` (no block): true; the clauses then hold only that `allow`. */
  readonly shorthand: boolean;
  readonly clauses: readonly DslClause[];
}

export interface DslRole extends DslDefinition {
  readonly kind: "role";
  readonly clauses: readonly DslClause[];
}

/** `mapping <role>`: the name is the mapped role's. */
export interface DslMapping extends DslDefinition {
  readonly kind: "mapping";
  readonly clauses: readonly DslClause[];
}

export interface DslUser extends DslDefinition {
  readonly kind: "user";
  /** False for a bare `user name` with no block. */
  readonly hasBlock: boolean;
  readonly clauses: readonly DslClause[];
}

export interface DslTenant extends DslDefinition {
  readonly kind: "tenant";
  readonly hasBlock: boolean;
  readonly clauses: readonly DslClause[];
}

/** Keywords of clauses that hold a comma-separated list of words or strings. */
export type DslListKeyword =
  | "allow"
  | "cluster"
  | "fls"
  | "mask"
  | "users"
  | "backend_roles"
  | "and_backend_roles"
  | "hosts"
  | "roles"
  | "mapped_to";

/** Keywords of clauses that hold one word or string. */
export type DslTextKeyword = "description" | "type" | "hash" | "dls";

export type DslClause = DslListClause | DslTextClause | DslIndexClause | DslTenantClause | DslAttributesClause;

export interface DslListClause {
  readonly kind: "list";
  readonly keyword: DslListKeyword;
  readonly items: readonly LocatedString[];
  readonly span?: SourceSpan;
}

export interface DslTextClause {
  readonly kind: "text";
  readonly keyword: DslTextKeyword;
  readonly value: LocatedString;
  readonly span?: SourceSpan;
}

/** `index patterns [allow actions] [{ allow … dls … fls … mask … }]` inside a role. */
export interface DslIndexClause {
  readonly kind: "index";
  readonly patterns: readonly LocatedString[];
  /** The `allow` written on the clause's first line, if any. */
  readonly allow?: DslListClause;
  /** The block's clauses (`allow`, `dls`, `fls`, `mask`); undefined when there is no block. */
  readonly body?: readonly DslClause[];
  readonly span?: SourceSpan;
}

/** `tenant patterns allow actions` inside a role. */
export interface DslTenantClause {
  readonly kind: "tenant";
  readonly patterns: readonly LocatedString[];
  readonly allow?: DslListClause;
  readonly span?: SourceSpan;
}

/** `attributes name = value, …` inside a user. */
export interface DslAttributesClause {
  readonly kind: "attributes";
  readonly pairs: readonly { readonly name: LocatedString; readonly value: LocatedString }[];
  readonly span?: SourceSpan;
}
