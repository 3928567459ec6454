/**
 * PC8001 / PC8002: an index action among the cluster permissions, or a
 * cluster action among the index permissions. The plugin checks each action
 * against one of the two lists only, so such a grant never matches
 * (`indices:data/write/bulk` is checked at cluster level, its shard action
 * `indices:data/write/bulk[s]` at index level).
 *
 * An action group counts only when all it grants is of the wrong kind:
 * groups that mix kinds on purpose (`cluster_composite_ops`) are fine in
 * either list, and so is a built-in group where the plugin's own static roles
 * put it.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { LocatedString } from "../../model/types.js";
import { isClusterAction } from "../../rules/actions.js";
import { actionKind, combinedKind, type ActionKind } from "./action-kind.js";
import { isGroup, type LintContext } from "./lint-context.js";

type ListKind = "cluster" | "index";

export function checkActionKinds(context: LintContext, sink: DiagnosticSink): void {
  const kindOf = memoizedKind(context);
  for (const role of context.roles) {
    const roleName = role.name.value;
    for (const action of role.clusterPermissions) checkEntry(context, kindOf, action, "cluster", roleName, sink);
    for (const entry of role.indexPermissions) {
      for (const action of entry.allowedActions) checkEntry(context, kindOf, action, "index", roleName, sink);
    }
  }
}

function memoizedKind(context: LintContext): (pattern: string) => ActionKind {
  const cache = new Map<string, ActionKind>();
  return (pattern) => {
    let kind = cache.get(pattern);
    if (kind === undefined) cache.set(pattern, (kind = actionKind(pattern, context.knownActions)));
    return kind;
  };
}

function checkEntry(context: LintContext, kindOf: (pattern: string) => ActionKind, action: LocatedString, list: ListKind, roleName: string, sink: DiagnosticSink): void {
  const wrong: ListKind = list === "cluster" ? "index" : "cluster";
  const name = action.value;
  if (isGroup(context, name)) {
    const builtinUses = list === "cluster" ? context.builtinClusterUses : context.builtinIndexUses;
    if (builtinUses.has(name)) return;
    const members = context.granted(name);
    if (combinedKind(members.map(kindOf)) !== wrong) return;
    const what = `action group ${code(name)} grants only ${wrong} actions (${listed(members)})`;
    report(what, action, list, roleName, sink);
    return;
  }
  if (kindOf(name) !== wrong) return;
  const wildcard = /[*?]/.test(name);
  const what = wildcard ? `${code(name)} matches only ${wrong} actions` : `${code(name)} is ${wrong === "index" ? "an index" : "a cluster"} action`;
  report(what, action, list, roleName, sink, shardActionOf(name, context.knownActions));
}

function report(what: string, action: LocatedString, list: ListKind, roleName: string, sink: DiagnosticSink, shardAction?: string): void {
  const checkedIn = list === "cluster" ? "index permissions" : "cluster permissions";
  const diagnosticCode = list === "cluster" ? "PC8001" : "PC8002";
  const move = `move it to the ${checkedIn} of role ${code(roleName)}`;
  const shard = shardAction === undefined ? "" : `; on the indices themselves the plugin checks ${code(shardAction)}`;
  sink.report(diagnosticCode, `${what}, which the plugin checks against ${checkedIn} only, so in ${list} permissions it grants nothing`, action.span, {
    help: `${move}${shard}`,
  });
}

/**
 * The index-level action a cluster action sends to each shard or item, as
 * the known actions name it (`indices:data/write/bulk` → `…/bulk[s]`): what
 * the author of an index permission usually meant.
 */
function shardActionOf(action: string, knownActions: ReadonlySet<string>): string | undefined {
  if (!isClusterAction(action)) return undefined;
  return [...knownActions].sort().find((known) => known.startsWith(`${action}[`) && !isClusterAction(known));
}

/** Up to three patterns in backticks, then how many more. */
function listed(patterns: readonly string[]): string {
  const shown = patterns.slice(0, 3).map(code).join(", ");
  return patterns.length > 3 ? `${shown} and ${patterns.length - 3} more` : shown;
}
