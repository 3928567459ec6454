/** `policyc who-can --format text`: the answer for a person, roles first, then principals and notes. */
import type { ActionGrant } from "./action-chains.js";
import type { InternalUserReach, InternalUserVia, MappingRule } from "./role-reach.js";
import type { PatternGrant, Principals, RoleAnswer, RoleGrant, WhoCanAnswer } from "./who-can-types.js";
import type { TableLocation } from "../table/provenance.js";

export function formatWhoCanText(answer: WhoCanAnswer): string {
  const lines = [headline(answer)];
  if (answer.everyone !== undefined) lines.push(`everyone: ${answer.everyone}`);
  if (answer.nobody !== undefined) lines.push(`nobody: ${answer.nobody}`);
  if (answer.everyone === undefined && answer.nobody === undefined && answer.roles.length === 0) lines.push("no role grants it");
  for (const role of answer.roles) lines.push("", ...roleLines(role));
  for (const requirement of answer.alsoRequired) {
    lines.push("", `also required: ${requirement.privilege}`, `  granted by ${requirement.roles.length === 0 ? "no role" : names(requirement.roles)}`);
  }
  for (const refusal of answer.refusedBy) lines.push("", `refused by role \`${refusal.role}\`: its exclusion \`${refusal.actionPattern}\``);
  if (answer.roles.length > 0) lines.push("", ...principalLines(answer.principals));
  if (answer.notes.length > 0) lines.push("", "notes", ...answer.notes.map((note) => `  - ${note}`));
  return lines.join("\n") + "\n";
}

const KIND_LABELS: Readonly<Record<WhoCanAnswer["kind"], string>> = {
  cluster: " (cluster action)",
  index: " (index action)",
  tenant: " (decided by tenant permissions)",
  "rest-api": " (security REST API)",
  unchecked: "",
};

function headline(answer: WhoCanAnswer): string {
  const { action, index, tenant } = answer.query;
  const kind = KIND_LABELS[answer.kind];
  const evaluated = answer.evaluatedAction === action ? "" : `, evaluated as \`${answer.evaluatedAction}\``;
  const where = [index !== undefined ? ` on index \`${index}\`` : "", tenant !== undefined ? ` in tenant \`${tenant}\`` : ""].join("");
  const count = answer.roles.length === 1 ? "1 role" : `${answer.roles.length} roles`;
  return `who can \`${action}\`${kind}${evaluated}${where}: ${count}`;
}

function roleLines(role: RoleAnswer): string[] {
  const origin = [role.builtin === true ? "built-in" : "", role.at !== undefined ? location(role.at) : ""].filter((part) => part !== "").join(", ");
  const lines = [`role \`${role.role}\`${origin === "" ? "" : ` (${origin})`}${role.conditional ? " — conditional" : ""}`];
  for (const grant of role.grants) lines.push(...grantLines(grant).map((line, i) => (i === 0 ? `  grants  ${line}` : `          ${line}`)));
  const mapped = mappedLines(role);
  lines.push(...mapped.map((line, i) => (i === 0 ? `  mapped  ${line}` : `          ${line}`)));
  lines.push(...role.internalUsers.map((user, i) => (i === 0 ? `  users   ${internalUser(user)}` : `          ${internalUser(user)}`)));
  return lines;
}

function grantLines(grant: RoleGrant): string[] {
  switch (grant.kind) {
    case "cluster":
      return ["cluster permission", ...grant.actions.map((action) => `  action ${chain(action)}`)];
    case "index": {
      const restricted = grant.restrictions.length === 0 ? "" : ` (restricted: ${grant.restrictions.join(", ")})`;
      return [
        `index permission ${entry(grant.entry, grant.entryAt)}${restricted}`,
        ...grant.actions.map((action) => `  action ${chain(action)}`),
        ...grant.patterns.map((pattern) => `  index  ${patternText(pattern)}`),
      ];
    }
    case "tenant":
      return [
        `tenant permission ${entry(grant.entry, grant.entryAt)}, ${grant.access}`,
        ...(grant.actions ?? []).map((action) => `  action ${chain(action)}`),
        ...grant.patterns.map((pattern) => `  tenant ${patternText(pattern)}`),
      ];
    case "kibana_user_global_tenant":
      return ["read-write on `global_tenant`, the plugin's implicit grant to `kibana_user`"];
    case "rest-api":
      return [grant.via === "roles_enabled" ? "listed in `plugins.security.restapi.roles_enabled`" : `explicit permission \`${grant.permission}\` (admin enabled)`];
  }
}

function mappedLines(role: RoleAnswer): string[] {
  const lines = role.mappedBy.map(mappingRule);
  if (role.backendRoleName) lines.push(`backend role \`${role.role}\` (by name)`);
  return lines.length === 0 ? ["nobody"] : lines;
}

export function mappingRule(rule: MappingRule): string {
  const patterns = rule.patterns.map((pattern, i) => `\`${pattern}\`${rule.at?.[i] ? ` (${location(rule.at[i])})` : ""}`);
  return `${rule.field} ${rule.field === "and_backend_roles" ? patterns.join(" and ") : patterns[0]}`;
}

function internalUser(user: InternalUserReach): string {
  return `internal user \`${user.user}\`${user.at !== undefined ? ` (${location(user.at)})` : ""} via ${user.via.map(via).join("; ")}`;
}

function via(reason: InternalUserVia): string {
  switch (reason.kind) {
    case "security_roles":
      return `its own security roles${reason.at !== undefined ? ` (${location(reason.at)})` : ""}`;
    case "mapping":
      return `${reason.rule.field} ${reason.rule.patterns.map((p) => `\`${p}\``).join(" and ")} (matched ${reason.matched.map((m) => `\`${m}\``).join(", ")})`;
    case "backend_role_name":
      return "a backend role of the same name";
  }
}

function principalLines(principals: Principals): string[] {
  const list = (values: readonly string[]) => (values.length === 0 ? "—" : values.map((v) => `\`${v}\``).join(", "));
  return [
    "principals",
    `  users            ${list(principals.users)}`,
    `  backend roles    ${list(principals.backend_roles)}`,
    `  all of           ${principals.and_backend_roles.length === 0 ? "—" : principals.and_backend_roles.map((rule) => `[${list(rule)}]`).join(", ")}`,
    `  hosts            ${list(principals.hosts)}`,
    ...(principals.ips.length > 0 ? [`  ips              ${list(principals.ips)}`] : []),
    ...(principals.backend_role_names.length > 0 ? [`  by name          ${list(principals.backend_role_names)}`] : []),
    `  internal users   ${list(principals.internal_users)}`,
  ];
}

function chain(grant: ActionGrant): string {
  if (grant.chain.length === 0) return `\`${grant.actionPattern}\``;
  const first = grant.chain[0]!;
  const steps = grant.chain.map((step) => `\`${step.name}\``).join(" → ");
  return `${steps}${first.at !== undefined ? ` (${location(first.at)})` : ""}`;
}

function patternText(pattern: PatternGrant): string {
  const at = pattern.at ? ` (${location(pattern.at)})` : "";
  return `\`${pattern.pattern}\`${at}${pattern.conditional ? " — conditional: depends on the user" : ""}`;
}

function entry(number: number, at: TableLocation | undefined): string {
  return at !== undefined ? `at ${location(at)}` : `#${number + 1}`;
}

export function location(at: TableLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

function names(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(", ");
}
