/**
 * A policy as the bodies of the requests that create it through the REST
 * API: per configuration type, each entry's JSON as `PUT
 * _plugins/_security/api/<type>/<name>` takes it. What the API would refuse
 * is left out with a warning (a mapping of a role that does not exist, an
 * action group named like a role, …); what its requests cannot carry is left
 * out with a note (`reserved` and `hidden`, which only a super admin may set,
 * and an action group type other than `cluster` or `index`). Built-in
 * entries are the plugin's own and are never written. Password hashes are
 * never invented: a user without one gets a placeholder password to fill in.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { ActionGroup, InternalUser, LocatedString, PolicyModel, Role, RoleMapping, Tenant } from "../../model/types.js";
import { APPLY_ORDER, PLACEHOLDER_PASSWORD_PREFIX } from "../../parse/rest-api/index.js";
import { builtinNames } from "../../parse/rest-api/builtin-names.js";
import type { PolicyConfigType } from "../../parse/yaml/config-kinds.js";

export type JsonDocument = { readonly [key: string]: unknown };

/** One entry's request body. */
export interface ApiDocument {
  readonly name: string;
  readonly body: JsonDocument;
  /** Only a super admin (the TLS admin certificate) may send it: it grants the REST admin permissions. */
  readonly superAdmin?: boolean;
}

const ADMIN_HELP = "the curl script sends it with the admin certificate ($OPENSEARCH_ADMIN_CERT, $OPENSEARCH_ADMIN_KEY); from the console, a REST admin must send it, or the API answers 403 Access denied";

/** The documents of every type, in the order the requests must be sent. */
export type ApiDocuments = readonly { readonly type: PolicyConfigType; readonly documents: readonly ApiDocument[] }[];

const values = (list: readonly LocatedString[]): string[] => list.map((item) => item.value);
const described = (description: string | undefined): { description?: string } => (description !== undefined ? { description } : {});

export function apiDocuments(model: PolicyModel, sink: DiagnosticSink): ApiDocuments {
  const context = new DocumentContext(model, sink);
  const documents = APPLY_ORDER.map((type) => ({ type, documents: context.documents(type) }));
  context.reportFlags();
  return documents;
}

class DocumentContext {
  private readonly roleNames: Set<string>;
  private readonly flagged: SourceSpan[] = [];

  constructor(
    private readonly model: PolicyModel,
    private readonly sink: DiagnosticSink,
  ) {
    this.roleNames = new Set([...model.roles.filter((role) => !this.builtin("roles", role.name.value)).map((role) => role.name.value), ...builtinNames("roles")]);
  }

  documents(type: PolicyConfigType): ApiDocument[] {
    switch (type) {
      case "actiongroups":
        return this.keep(this.model.actionGroups.filter((group) => this.custom("actiongroups", group, "action group")), (group) => this.actionGroup(group));
      case "roles":
        return this.keep(this.model.roles.filter((role) => this.custom("roles", role, "role")), (role) => this.role(role));
      case "internalusers":
        return this.keep(this.model.internalUsers, (user) => this.user(user));
      case "tenants":
        return this.keep(this.model.tenants.filter((tenant) => this.custom("tenants", tenant, "tenant")), (tenant) => this.tenant(tenant));
      case "rolesmapping":
        return this.keep(this.model.roleMappings, (mapping) => this.mapping(mapping));
    }
  }

  /** One document per entry of a name (the first; a second is the policy's own error), skipping refused ones. */
  private keep<T extends { readonly name: LocatedString } | { readonly role: LocatedString }>(entries: readonly T[], document: (entry: T) => ApiDocument | undefined): ApiDocument[] {
    const seen = new Set<string>();
    const kept: ApiDocument[] = [];
    for (const entry of entries) {
      const name = "name" in entry ? entry.name : entry.role;
      if (!this.fitsUrl(name)) continue;
      const result = document(entry);
      if (result && !seen.has(result.name)) kept.push(result);
      if (result) seen.add(result.name);
    }
    return kept;
  }

  /** A name with a lone surrogate has no UTF-8 form, so no URL can carry it. */
  private fitsUrl(name: LocatedString): boolean {
    if (!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name.value)) return true;
    this.refused(name, `the name ${code(name.value)} holds a lone UTF-16 surrogate, which no URL can carry`);
    return false;
  }

  private builtin(type: PolicyConfigType, name: string): boolean {
    return builtinNames(type).has(name);
  }

  /** Static entries are the plugin's: not written; a custom entry with a built-in's name is refused by the API. */
  private custom(type: PolicyConfigType, entry: { name: LocatedString; static: boolean }, noun: string): boolean {
    if (entry.static && this.builtin(type, entry.name.value)) return false;
    if (entry.static) {
      this.refused(entry.name, `${noun} ${code(entry.name.value)} is flagged \`static\`, which no request can set (the API drops static entries when it saves)`);
      return false;
    }
    if (!this.builtin(type, entry.name.value)) return true;
    this.refused(entry.name, `${noun} ${code(entry.name.value)} is built into the plugin; the API refuses to change it (Resource '${entry.name.value}' is static.)`);
    return false;
  }

  private flags(entry: { reserved: boolean; hidden: boolean }, span: SourceSpan | undefined): void {
    if ((entry.reserved || entry.hidden) && span) this.flagged.push(span);
  }

  reportFlags(): void {
    const first = this.flagged[0];
    if (!first) return;
    const count = this.flagged.length === 1 ? "an entry is" : `${this.flagged.length} entries are`;
    this.sink.report("PC2122", `${count} reserved or hidden; the requests do not set these flags, which do not change decisions`, first, {
      help: "only a super admin (the TLS admin certificate) may set `reserved` and `hidden` through the API",
    });
  }

  /** Entries granting `restapi:admin/*`, which the API lets only a super admin or REST admin create, by `type/name`. */
  private readonly admin = new Set<string>();

  private needsAdmin(name: LocatedString, permissions: readonly LocatedString[], what: string): void {
    if (!permissions.some((permission) => permission.value.startsWith("restapi:admin/"))) return;
    this.admin.add(`${what.startsWith("role") ? "roles" : "actiongroups"}/${name.value}`);
    this.sink.report("PC2123", `${what} grants REST admin permissions (\`restapi:admin/*\`); only a super admin may send its request`, name.span, { help: ADMIN_HELP });
  }

  private refused(name: LocatedString, message: string): void {
    this.sink.report("PC2121", `${message}; the request is left out`, name.span);
  }

  private actionGroup(group: ActionGroup): ApiDocument | undefined {
    const name = group.name.value;
    if (this.roleNames.has(name)) return this.refused(group.name, `action group ${code(name)} has the name of a role (${name} is an existing role. A action group cannot be named with an existing role name.)`), undefined;
    if (group.allowedActions.some((action) => action.value === name)) return this.refused(group.name, `action group ${code(name)} includes itself (${name} cannot be an allowed_action of itself)`), undefined;
    this.flags(group, group.name.span);
    const type = group.type !== undefined && ["cluster", "index"].includes(group.type.toLowerCase()) ? { type: group.type } : {};
    if (group.type !== undefined && !("type" in type)) {
      this.sink.report("PC2122", `the API takes only the action group types \`cluster\` and \`index\`; the type ${code(group.type)} of ${code(name)} is left out`, group.name.span, {
        help: "an action group's type is documentation only; it does not change decisions",
      });
    }
    this.needsAdmin(group.name, group.allowedActions, `action group ${code(name)}`);
    return { name, body: { ...described(group.description), allowed_actions: values(group.allowedActions), ...type }, ...(this.admin.has(`actiongroups/${name}`) ? { superAdmin: true } : {}) };
  }

  private role(role: Role): ApiDocument {
    this.flags(role, role.name.span);
    this.needsAdmin(role.name, role.clusterPermissions, `role ${code(role.name.value)}`);
    return {
      name: role.name.value,
      ...(this.admin.has(`roles/${role.name.value}`) ? { superAdmin: true } : {}),
      body: {
        ...described(role.description),
        cluster_permissions: values(role.clusterPermissions),
        index_permissions: role.indexPermissions.map((permission) => ({
          index_patterns: values(permission.indexPatterns),
          ...(permission.dls ? { dls: permission.dls.value } : {}),
          fls: values(permission.fls),
          masked_fields: values(permission.maskedFields),
          allowed_actions: values(permission.allowedActions),
        })),
        tenant_permissions: role.tenantPermissions.map((permission) => ({ tenant_patterns: values(permission.tenantPatterns), allowed_actions: values(permission.allowedActions) })),
      },
    };
  }

  private user(user: InternalUser): ApiDocument | undefined {
    const name = user.name.value;
    if (name.includes(":")) return this.refused(user.name, `internal user ${code(name)} has a \`:\` in its name, which the API refuses`), undefined;
    const missing = user.securityRoles.find((role) => !this.roleNames.has(role.value));
    if (missing) return this.refused(missing, `internal user ${code(name)} names the role ${code(missing.value)}, which does not exist (role '${missing.value}' not found.)`), undefined;
    this.flags(user, user.name.span);
    if (user.hash === undefined || user.hash === "") {
      this.sink.report("PC2120", `internal user ${code(name)} has no password hash; its request carries a placeholder password to replace`, user.name.span, {
        help: `replace \`${PLACEHOLDER_PASSWORD_PREFIX}${name}\` with the user's password before sending it`,
      });
    }
    const secret = user.hash !== undefined && user.hash !== "" ? { hash: user.hash } : { password: `${PLACEHOLDER_PASSWORD_PREFIX}${name}` };
    const attributes = Object.fromEntries(user.attributes.map((attribute) => [attribute.name.value, attribute.value.value]));
    return { name, body: { ...described(user.description), ...secret, backend_roles: values(user.backendRoles), opendistro_security_roles: values(user.securityRoles), attributes } };
  }

  private tenant(tenant: Tenant): ApiDocument {
    this.flags(tenant, tenant.name.span);
    // The API wants a body with at least one key, and a tenant has only its description.
    return { name: tenant.name.value, body: { description: tenant.description ?? "" } };
  }

  private mapping(mapping: RoleMapping): ApiDocument | undefined {
    const role = mapping.role.value;
    if (!this.roleNames.has(role)) return this.refused(mapping.role, `the role mapping of ${code(role)} names no role (role '${role}' not found.)`), undefined;
    this.flags(mapping, mapping.role.span);
    const admin = this.admin.has(`roles/${role}`);
    if (admin) this.sink.report("PC2123", `the role mapping of ${code(role)} maps a role that grants REST admin permissions; only a super admin may send it`, mapping.role.span, { help: ADMIN_HELP });
    return {
      name: role,
      ...(admin ? { superAdmin: true } : {}),
      body: {
        ...described(mapping.description),
        users: values(mapping.users),
        backend_roles: values(mapping.backendRoles),
        and_backend_roles: values(mapping.andBackendRoles),
        hosts: values(mapping.hosts),
      },
    };
  }
}
