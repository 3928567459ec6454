// The JSON Schemas of the five policy files (roles.yml, roles_mapping.yml, action_groups.yml,
// internal_users.yml, tenants.yml): the plugin's Jackson classes as closed objects, a description on every
// property, and the known names offered for completion (name-lists.mjs).
import { configFileSchema, entityFlags, stringList } from "./common.mjs";
import { actionItemSchema, builtinGroupsSchema, groupsOfType, knownActionsSchema, OTHER_ACTION_NAME } from "./name-lists.mjs";

const PATTERN_SYNTAX =
  "`*` matches any sequence and `?` one character, `/…/` is a Java regex that must match the whole name, a bare `*` matches everything; " +
  "`${user.name}`, `${user.roles}` and `${attr.<source>.<name>}` are replaced per request before the pattern is read";

/** roles.yml */
export function rolesSchema(catalog) {
  return configFileSchema({
    file: "roles.schema.json",
    type: "roles",
    fileName: "roles.yml",
    title: "OpenSearch Security roles (roles.yml)",
    description: "Roles by name: the cluster, index and tenant permissions each role grants.",
    entryDefinition: "role",
    definitions: {
      role: roleDefinition(),
      indexPermission: indexPermissionDefinition(),
      tenantPermission: tenantPermissionDefinition(catalog),
      clusterPermissionName: actionItemSchema(
        "A cluster permission: a built-in or custom action group, or an action pattern.",
        ["builtinClusterActionGroups", "knownClusterActions"],
      ),
      indexActionName: actionItemSchema("An index permission: a built-in or custom action group, or an action pattern.", [
        "builtinIndexActionGroups",
        "knownIndexActions",
      ]),
      tenantActionName: actionItemSchema("A tenant permission: `kibana_all_write`, `kibana_all_read`, or a custom action group.", [
        "builtinTenantActionGroups",
      ]),
      builtinClusterActionGroups: builtinGroupsSchema(groupsOfType(catalog, "cluster", "all"), "for cluster permissions"),
      knownClusterActions: knownActionsSchema(catalog.clusterActions, "that the plugin checks against cluster permissions"),
      builtinIndexActionGroups: builtinGroupsSchema(groupsOfType(catalog, "index", "all"), "for index permissions"),
      knownIndexActions: knownActionsSchema(catalog.indexActions, "that the plugin checks against index permissions"),
      builtinTenantActionGroups: builtinGroupsSchema(groupsOfType(catalog, "kibana"), "for Dashboards tenants"),
      otherActionName: OTHER_ACTION_NAME,
    },
  });
}

function roleDefinition() {
  return {
    title: "role",
    description: "A role: what a user mapped to it (roles_mapping.yml, or `opendistro_security_roles` of an internal user) may do.",
    type: "object",
    additionalProperties: false,
    properties: {
      ...entityFlags("role"),
      cluster_permissions: stringList(
        "Cluster-level actions and action groups the role grants: checked for every action not starting with `indices:`, " +
          "and for the few cluster-level `indices:` actions (`indices:data/write/bulk`, `indices:data/read/mget`, `indices:data/read/msearch`, " +
          "`indices:data/read/scroll`, index templates, …).",
        { $ref: "#/definitions/clusterPermissionName" },
      ),
      index_permissions: stringList("Index-level permissions: which actions the role grants on which indices.", {
        $ref: "#/definitions/indexPermission",
      }),
      tenant_permissions: stringList("OpenSearch Dashboards tenant permissions: which tenants the role may read, or read and write.", {
        $ref: "#/definitions/tenantPermission",
      }),
    },
  };
}

function indexPermissionDefinition() {
  return {
    title: "index permission",
    description:
      "Actions granted on the indices matching the patterns, optionally with document-level security, field-level security and field masking. " +
      "An index request is allowed only when every requested index is granted.",
    type: "object",
    additionalProperties: false,
    properties: {
      index_patterns: stringList(`Index name patterns: ${PATTERN_SYNTAX}.`, {
        type: "string",
        description: "An index name pattern.",
        examples: ["*", "logs-*", "${user.name}-*", "/logs-\\d{4}/"],
      }),
      allowed_actions: stringList("Index-level actions and action groups granted on the matching indices.", {
        $ref: "#/definitions/indexActionName",
      }),
      dls: {
        description:
          "Document-level security: an OpenSearch query in the query DSL, written as a JSON string " +
          "(`'{\"term\": {\"owner\": \"${user.name}\"}}'`), limiting the documents the role shows in these indices. " +
          "`${user.name}`, `${user.roles}` and `${attr.…}` are substituted; the queries of several roles are OR-ed. " +
          "It never grants anything; on an index it restricts, the plugin refuses `indices:data/write/update`, and every write " +
          "when `plugins.security.dls.write_blocked` is true.",
        type: ["string", "null"],
      },
      fls: stringList(
        "Field-level security: which fields the role shows. `field` (or a pattern `field*`, `a.b` for a nested field, `/regex/`) " +
          "includes a field and hides every other one; `~field` (or, undocumented, `!field`) excludes a field and shows every other one. " +
          "When inclusions and exclusions mix (also across roles), only the exclusions count. A `.keyword` suffix of a field is ignored.",
        { type: "string", description: "A field to include (`field`) or to exclude (`~field`).", examples: ["~secret", "public.*"] },
      ),
      masked_fields: stringList(
        "Field masking: fields whose values the role shows replaced. `field` is hashed (BLAKE2b unless " +
          "`plugins.security.masked_fields.algorithm.default` names another algorithm); `field::algorithm` hashes with that Java " +
          "MessageDigest algorithm (`SHA-256`, `SHA-512`, …); `field::/regex/::replacement` replaces every match (more `::/regex/::replacement` " +
          "pairs may follow). The field part is a pattern (`*`, `?`).",
        {
          type: "string",
          description: "`field`, `field::algorithm` or `field::/regex/::replacement`.",
          examples: ["ssn", "email::SHA-512", "phone::/\\d{4}$/::XXXX"],
        },
      ),
    },
  };
}

function tenantPermissionDefinition(catalog) {
  return {
    title: "tenant permission",
    description:
      "Access to the OpenSearch Dashboards tenants matching the patterns: read-write when the actions include " +
      "`kibana:saved_objects/*/write` (through `kibana_all_write`), otherwise read-only.",
    type: "object",
    additionalProperties: false,
    properties: {
      tenant_patterns: stringList(`Tenant name patterns: ${PATTERN_SYNTAX}.`, {
        type: "string",
        description: "A tenant name pattern.",
        examples: [...catalog.tenants.map((tenant) => tenant.name), "*"],
      }),
      allowed_actions: stringList("`kibana_all_write` for read-write access, `kibana_all_read` for read-only access.", {
        $ref: "#/definitions/tenantActionName",
      }),
    },
  };
}

/** roles_mapping.yml; the built-in roles are declared so that editors offer them as keys. */
export function rolesMappingSchema(catalog) {
  const builtinRoles = Object.fromEntries(
    catalog.roles.map((role) => [
      role.name,
      {
        $ref: "#/definitions/roleMapping",
        description: `Who gets the built-in role \`${role.name}\`${role.description ? `: ${role.description}` : ""}.`,
      },
    ]),
  );
  return configFileSchema({
    file: "roles_mapping.schema.json",
    type: "rolesmapping",
    fileName: "roles_mapping.yml",
    title: "OpenSearch Security role mappings (roles_mapping.yml)",
    description: "Which users, backend roles and hosts get each role, by role name.",
    entryDefinition: "roleMapping",
    properties: builtinRoles,
    definitions: {
      roleMapping: {
        title: "role mapping",
        description:
          "Who gets the role named by the key: a user whose name matches `users`, whose backend roles match one of `backend_roles` " +
          "or all of `and_backend_roles`, or who connects from a host matching `hosts`. A mapping to an undefined role grants nothing.",
        type: "object",
        additionalProperties: false,
        properties: {
          ...entityFlags("role mapping", { withStatic: false }),
          users: stringList("User name patterns (`*`, `?`, `/regex/`).", { type: "string", description: "A user name pattern." }),
          backend_roles: stringList(
            "Backend role patterns (`*`, `?`, `/regex/`); one matching backend role of the user is enough. A bare `*` also maps a user without backend roles.",
            { type: "string", description: "A backend role pattern." },
          ),
          and_backend_roles: stringList("Backend role patterns that must all match some backend role of the user.", {
            type: "string",
            description: "A backend role pattern.",
          }),
          hosts: stringList("Patterns for the caller's IP address or host name.", { type: "string", description: "An address or host name pattern." }),
        },
      },
    },
  });
}

/** action_groups.yml */
export function actionGroupsSchema(catalog) {
  return configFileSchema({
    file: "action_groups.schema.json",
    type: "actiongroups",
    fileName: "action_groups.yml",
    title: "OpenSearch Security action groups (action_groups.yml)",
    description: "Named sets of actions and other action groups, usable wherever an action is allowed.",
    entryDefinition: "actionGroup",
    definitions: {
      actionGroup: {
        title: "action group",
        description: "An action group: a name for a set of actions. A name of a built-in group is ignored (the built-in one wins).",
        type: "object",
        additionalProperties: false,
        properties: {
          ...entityFlags("action group"),
          allowed_actions: stringList("Actions, action patterns and other action groups; groups expand recursively by exact name.", {
            $ref: "#/definitions/actionName",
          }),
          type: {
            description: "Documentation only: `cluster`, `index`, `kibana` or `all`; the plugin does not check it.",
            type: ["string", "null"],
            examples: ["cluster", "index", "kibana", "all"],
          },
        },
      },
      actionName: actionItemSchema("An action group or an action pattern.", ["builtinActionGroups", "knownActions"]),
      builtinActionGroups: builtinGroupsSchema(groupsOfType(catalog), ""),
      knownActions: knownActionsSchema(catalog.allActions, ""),
      otherActionName: OTHER_ACTION_NAME,
    },
  });
}

/** internal_users.yml */
export function internalUsersSchema() {
  return configFileSchema({
    file: "internal_users.schema.json",
    type: "internalusers",
    fileName: "internal_users.yml",
    title: "OpenSearch Security internal users (internal_users.yml)",
    description: "The users of the internal user database, by user name.",
    entryDefinition: "internalUser",
    definitions: {
      internalUser: {
        title: "internal user",
        description: "An internal user.",
        type: "object",
        additionalProperties: false,
        properties: {
          hash: {
            description: "The bcrypt (or PBKDF2) hash of the password; `plugins/opensearch-security/tools/hash.sh` makes one. Never the password itself.",
            type: ["string", "null"],
          },
          ...entityFlags("user"),
          backend_roles: stringList("Backend roles of the user, matched by `backend_roles` in roles_mapping.yml.", {
            type: "string",
            description: "A backend role name.",
          }),
          opendistro_security_roles: stringList("Security roles given to the user directly, without a role mapping.", {
            type: "string",
            description: "A role name.",
          }),
          attributes: {
            description: "Custom attributes, usable in patterns and DLS queries as `${attr.internal.<name>}`.",
            type: "object",
            additionalProperties: { type: ["string", "null"], description: "The attribute's value." },
          },
        },
      },
    },
  });
}

/** tenants.yml */
export function tenantsSchema() {
  return configFileSchema({
    file: "tenants.schema.json",
    type: "tenants",
    fileName: "tenants.yml",
    title: "OpenSearch Security tenants (tenants.yml)",
    description: "The OpenSearch Dashboards tenants, by name; `global_tenant` is built in.",
    entryDefinition: "tenant",
    definitions: {
      tenant: {
        title: "tenant",
        description: "An OpenSearch Dashboards tenant: a separate space of saved objects.",
        type: "object",
        additionalProperties: false,
        properties: entityFlags("tenant"),
      },
    },
  });
}
