/**
 * The syntax trees of a policy's `.policy` files → one policy model. Works on
 * trees with errors too, keeping what fits, so that later checks can run.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { SourceFile } from "../../diagnostics/source-file.js";
import type { ActionGroup, InternalUser, LocatedString, PolicyModel, Role, RoleMapping, Tenant } from "../../model/types.js";
import type { DslDocument, DslItem, DslSettings } from "./ast.js";
import { toActionGroup, toMappingBlock, toRole, toTenant, toUser } from "./to-model-definitions.js";
import { DefinedNames } from "./to-model-names.js";
import { settingsFromBlocks } from "./to-model-settings.js";

/** A parsed file: its source and its tree. */
export interface DslSourceDocument {
  readonly file: SourceFile;
  readonly document: DslDocument;
}

/** What the definitions add up to, before `mapped_to` and settings are applied. */
interface ModelParts {
  readonly actionGroups: ActionGroup[];
  readonly roles: Role[];
  readonly roleMappings: RoleMapping[];
  readonly internalUsers: InternalUser[];
  readonly tenants: Tenant[];
  readonly mappedTo: { readonly user: LocatedString; readonly roles: readonly LocatedString[] }[];
  readonly settings: DslSettings[];
}

/** One namespace per kind, across every file. */
class Namespaces {
  readonly actionGroups: DefinedNames;
  readonly roles: DefinedNames;
  readonly mappings: DefinedNames;
  readonly users: DefinedNames;
  readonly tenants: DefinedNames;

  constructor(sink: DiagnosticSink) {
    this.actionGroups = new DefinedNames("action group", sink);
    this.roles = new DefinedNames("role", sink);
    this.mappings = new DefinedNames("mapping", sink);
    this.users = new DefinedNames("user", sink);
    this.tenants = new DefinedNames("tenant", sink);
  }
}

/**
 * Merges every document into one model, elements in source order (files in
 * the order given). Duplicate definitions are PC3005 errors; the first wins.
 */
export function dslDocumentToModel(documents: readonly DslSourceDocument[], sink: DiagnosticSink): PolicyModel {
  const parts: ModelParts = { actionGroups: [], roles: [], roleMappings: [], internalUsers: [], tenants: [], mappedTo: [], settings: [] };
  const names = new Namespaces(sink);
  for (const { document } of documents) {
    for (const item of document.items) addItem(item, parts, names, sink);
  }
  return {
    flavor: "opensearch",
    actionGroups: parts.actionGroups,
    roles: parts.roles,
    roleMappings: withMappedTo(parts.roleMappings, parts.mappedTo),
    internalUsers: parts.internalUsers,
    tenants: parts.tenants,
    settings: settingsFromBlocks(parts.settings, sink),
    sources: documents.map(({ file }) => file.path),
  };
}

function addItem(item: DslItem, parts: ModelParts, names: Namespaces, sink: DiagnosticSink): void {
  switch (item.kind) {
    case "import":
      return;
    case "settings":
      parts.settings.push(item);
      return;
    case "action_group":
      if (names.actionGroups.claim(item.name)) parts.actionGroups.push(toActionGroup(item, sink));
      return;
    case "role": {
      if (!names.roles.claim(item.name)) return;
      const { role, mapping } = toRole(item, sink);
      parts.roles.push(role);
      if (mapping && names.mappings.claim(item.name, { span: mapping.site, inline: true })) parts.roleMappings.push(mapping.mapping);
      return;
    }
    case "mapping":
      if (names.mappings.claim(item.name)) parts.roleMappings.push(toMappingBlock(item, sink));
      return;
    case "user": {
      if (!names.users.claim(item.name)) return;
      const { user, mappedTo } = toUser(item, sink);
      parts.internalUsers.push(user);
      if (mappedTo.length > 0) parts.mappedTo.push({ user: user.name, roles: mappedTo });
      return;
    }
    case "tenant":
      if (names.tenants.claim(item.name)) parts.tenants.push(toTenant(item, sink));
      return;
  }
}

/**
 * `mapped_to r` in user `u` puts `u` in the `users` of r's mapping, wherever
 * that mapping is written, or in a new mapping after all others when r has
 * none. A user already listed is not added again.
 */
function withMappedTo(mappings: readonly RoleMapping[], mappedTo: ModelParts["mappedTo"]): RoleMapping[] {
  const result = [...mappings];
  for (const { user, roles } of mappedTo) {
    for (const role of roles) {
      const index = result.findIndex((mapping) => mapping.role.value === role.value);
      const existing = result[index];
      if (!existing) {
        result.push({ role, reserved: false, hidden: false, users: [user], backendRoles: [], andBackendRoles: [], hosts: [], span: role.span });
      } else if (!existing.users.some((listed) => listed.value === user.value)) {
        result[index] = { ...existing, users: [...existing.users, user] };
      }
    }
  }
  return result;
}
