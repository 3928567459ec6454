/**
 * Which list an action pattern belongs in. The plugin checks an action
 * against `cluster_permissions` or `index_permissions` by its name alone
 * (`isClusterAction`, PrivilegesEvaluatorImpl.isClusterPerm); a pattern in
 * the other list matches actions that are never checked there.
 *
 * Only names under `cluster:` and `indices:` are judged (and the explicit
 * `system:admin/system_index`, an index privilege): other prefixes belong to
 * plugins and REST layers whose use policyc cannot see.
 */
import { compilePattern, isTemplate, parsePattern } from "../../patterns/pattern.js";
import { isClusterAction, SYSTEM_INDEX_PERMISSION } from "../../rules/actions.js";

/** `cluster` or `index` when every action the pattern can match is of that kind; `mixed` when both occur; `unjudged` otherwise. */
export type ActionKind = "cluster" | "index" | "mixed" | "unjudged";

/**
 * The kind of the actions a pattern matches. A wildcard is judged on the
 * known actions it matches plus its shortest instance (`indices:monitor/*`
 * → `indices:monitor/`), which covers the plugin's cluster-level `indices:`
 * names: each is a known action.
 */
export function actionKind(pattern: string, knownActions: ReadonlySet<string>): ActionKind {
  if (pattern === SYSTEM_INDEX_PERMISSION) return "index";
  const parsed = parsePattern(pattern);
  if (parsed.kind === "none" || parsed.kind === "regex" || isTemplate(pattern)) return "unjudged";
  if (parsed.kind === "all") return "mixed";
  const literal = literalPrefix(pattern);
  if (literal.startsWith("cluster:")) return "cluster";
  if (!literal.startsWith("indices:")) return "unjudged";
  if (parsed.kind === "exact") return isClusterAction(pattern) ? "cluster" : "index";
  const matches = compilePattern(pattern);
  const witnesses = [shortestInstance(pattern), ...[...knownActions].filter(matches)];
  const cluster = witnesses.some(isClusterAction);
  const index = witnesses.some((action) => !isClusterAction(action));
  return cluster && index ? "mixed" : cluster ? "cluster" : "index";
}

/** The text before the first wildcard. */
function literalPrefix(pattern: string): string {
  const wildcard = pattern.search(/[*?]/);
  return wildcard < 0 ? pattern : pattern.slice(0, wildcard);
}

/** The shortest name a glob matches: each `*` empty, each `?` one character. */
function shortestInstance(glob: string): string {
  return glob.replaceAll("*", "").replaceAll("?", "x");
}

/** The kind shared by several patterns (a group's members), `unjudged` if any is. */
export function combinedKind(kinds: readonly ActionKind[]): ActionKind {
  if (kinds.length === 0 || kinds.includes("unjudged")) return "unjudged";
  if (kinds.every((kind) => kind === "cluster")) return "cluster";
  if (kinds.every((kind) => kind === "index")) return "index";
  return "mixed";
}
