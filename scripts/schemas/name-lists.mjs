// The names the config-file schemas offer for completion: the plugin's built-in action groups, roles and
// tenants, and the known action names, sorted into the lists each place of a file takes. The lists are open
// (an unknown name is allowed, `validate` warns about it), so the schemas offer them in an `anyOf` beside a
// branch that accepts any string: editors complete them and reject nothing.

/**
 * @typedef {{ readonly name: string, readonly type?: string, readonly description?: string, readonly allowedActions: readonly string[] }} BuiltinActionGroup
 * @typedef {{ readonly name: string, readonly description?: string }} BuiltinEntity
 * @typedef {{
 *   readonly actionGroups: readonly BuiltinActionGroup[],
 *   readonly roles: readonly BuiltinEntity[],
 *   readonly tenants: readonly BuiltinEntity[],
 *   readonly clusterActions: readonly string[],
 *   readonly indexActions: readonly string[],
 *   readonly allActions: readonly string[],
 * }} NameCatalog
 */

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sorted = (names) => [...new Set(names)].sort();

/**
 * The catalog from policyc's own readers, so the schemas offer exactly what `validate` knows: `builtin` is the
 * built-in policy model (readBuiltinPolicy), `knownActions` the known action names (readKnownActions), `rules`
 * the module src/rules/actions (isClusterAction, SYSTEM_INDEX_PERMISSION).
 * @returns {NameCatalog}
 */
export function nameCatalog(builtin, knownActions, rules) {
  const actions = sorted(knownActions);
  // The system index permission is granted in index permissions although its name is not an `indices:` one.
  const isIndexAction = (action) => !rules.isClusterAction(action) || action === rules.SYSTEM_INDEX_PERMISSION;
  const entity = (e) => ({ name: e.name.value, ...(e.description ? { description: e.description } : {}) });
  return {
    actionGroups: builtin.actionGroups
      .map((g) => ({ ...entity(g), ...(g.type ? { type: g.type } : {}), allowedActions: g.allowedActions.map((a) => a.value) }))
      .sort(byName),
    roles: builtin.roles.map(entity).sort(byName),
    tenants: builtin.tenants.map(entity).sort(byName),
    clusterActions: actions.filter((action) => !isIndexAction(action)),
    indexActions: actions.filter(isIndexAction),
    allActions: actions,
  };
}

/** The built-in action groups of the given `type`s (all of them without types). */
export function groupsOfType(catalog, ...types) {
  return catalog.actionGroups.filter((group) => types.length === 0 || types.includes(group.type ?? ""));
}

/** A closed list of built-in action groups, each with its description and expansion for completion and hover. */
export function builtinGroupsSchema(groups, where) {
  return {
    title: "built-in action group",
    description: `A built-in action group of the plugin ${where}; it always exists and cannot be redefined.`,
    type: "string",
    enum: groups.map((group) => group.name),
    enumDescriptions: groups.map(describeGroup),
  };
}

function describeGroup(group) {
  const what = group.description ? `${group.description}. ` : "";
  return `${what}Expands to: ${group.allowedActions.join(", ")}`;
}

/** A closed list of known action names. */
export function knownActionsSchema(actions, where) {
  return {
    title: "known action",
    description: `An action name OpenSearch or one of its plugins uses ${where}.`,
    type: "string",
    enum: [...actions],
  };
}

/** The open end of every list of allowed actions. */
export const OTHER_ACTION_NAME = {
  title: "other action name",
  description:
    "Any other name: a custom action group (defined in action_groups.yml), an action pattern with `*` or `?` " +
    "(`indices:data/read/*`), a Java regex between slashes (`/indices:data/read/(get|search)/`), or an action of a plugin " +
    "policyc does not know. `policyc validate` warns about a name that is neither a group nor a known action: " +
    "the plugin keeps it as a literal pattern that matches nothing.",
};

/**
 * An allowed-action item: a string, offered from the given definitions but open to any name. The `anyOf`
 * sits in an `allOf` so that `validate` describes a wrong value by this schema's `type` alone ("must be a
 * string"), not by the branches; editors look into both for completions.
 */
export function actionItemSchema(description, definitionNames) {
  return {
    type: "string",
    description,
    allOf: [{ anyOf: [...definitionNames.map((name) => ({ $ref: `#/definitions/${name}` })), { $ref: "#/definitions/otherActionName" }] }],
  };
}
