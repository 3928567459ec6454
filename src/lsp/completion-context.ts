/** What may be written where the cursor is: found cheaply from the text before it, without the compiler. */

/** The kinds of names completion offers from the policy and policyc's catalogs. */
export type NameKind = "actions" | "action_groups" | "roles" | "tenants" | "settings";

export interface CompletionContext {
  /** The kinds of names that belong here. */
  readonly names: readonly NameKind[];
  /** The keywords (DSL) or keys (YAML) that can start here. */
  readonly words: readonly string[];
  /** Where the word being typed starts (the cursor, when none is). */
  readonly start: number;
  /** Whether the word is typed inside quotes, so a name is inserted as it is. */
  readonly quoted: boolean;
}

/** The names allowed actions can hold. */
export const ACTION_NAMES: readonly NameKind[] = ["action_groups", "actions"];
