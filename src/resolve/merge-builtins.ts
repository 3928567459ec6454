/**
 * Adds the plugin's built-in (static) action groups, roles and tenants to a
 * policy. As in the plugin (DynamicConfigFactory.addStatics), a static entry
 * always wins: a custom entry of the same name is dropped, with a warning.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LocatedString, PolicyModel } from "../model/types.js";

export function mergeBuiltins(policy: PolicyModel, builtins: PolicyModel, sink: DiagnosticSink): PolicyModel {
  return {
    ...policy,
    actionGroups: mergeByName(builtins.actionGroups, policy.actionGroups, "action group", sink),
    roles: mergeByName(builtins.roles, policy.roles, "role", sink),
    tenants: mergeByName(builtins.tenants, policy.tenants, "tenant", sink),
  };
}

function mergeByName<T extends { readonly name: LocatedString }>(
  statics: readonly T[],
  custom: readonly T[],
  kind: string,
  sink: DiagnosticSink,
): T[] {
  const staticByName = new Map(statics.map((entry) => [entry.name.value, entry]));
  const kept = custom.filter((entry) => {
    const builtin = staticByName.get(entry.name.value);
    if (!builtin) return true;
    sink.report(
      "PC3004",
      `${kind} \`${entry.name.value}\` is built into the plugin; this definition is ignored`,
      entry.name.span,
      {
        help: `rename it to define a ${kind} of your own`,
        related: builtin.name.span ? [{ message: `the built-in ${kind} \`${entry.name.value}\``, span: builtin.name.span }] : [],
      },
    );
    return false;
  });
  return [...statics, ...kept];
}
