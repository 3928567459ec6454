/**
 * `policyc explain --format text`: an explanation for a person to read — the
 * request, the decision with the plugin's reason, how the user got each
 * role, what granted each part of the request (with the chain of action
 * groups), and for a deny what is missing, what almost matched and the
 * changes that would allow it. Plain text, no colour; locations as
 * `file:line:col`, which terminals and editors turn into links.
 */
import type { Explanation, Grant, GrantTarget, MissingGrant, RoleDerivation, RoleSource, Suggestion } from "../table/explanation.js";
import type { TableLocation } from "../table/provenance.js";
import type { IndexRestrictions } from "../table/request.js";

/** The whole explanation of one request, ending with a line break. */
export function formatExplanationText(request: unknown, explanation: Explanation): string {
  const sections = [
    headLines(request, explanation),
    rolesLines(explanation.roles),
    grantsLines(explanation.grants),
    restrictionsLines(explanation),
    missingLines(explanation.missing),
    suggestionLines(explanation.suggestions),
    provenanceNote(explanation),
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join("\n") + "\n").join("\n");
}

function headLines(request: unknown, explanation: Explanation): string[] {
  const { decision } = explanation;
  const because = decision.error ?? decision.reason;
  return [
    `request:  ${describeRequest(request)}`,
    `decision: ${decision.decision}${because !== undefined ? ` — ${because}` : ""}`,
    `rule:     ${explanation.rule} — ${explanation.summary}`,
  ];
}

/** `user \`judy\` (backend roles \`IT\`), action \`…\` on \`logs-1\``; a request that is not one, as JSON. */
export function describeRequest(request: unknown): string {
  const value = asRecord(request);
  const user = asRecord(value?.["user"]);
  const name = user?.["name"];
  const action = value?.["action"];
  if (typeof name !== "string" || typeof action !== "string") return JSON.stringify(request) ?? String(request);
  const parts = [`user ${tick(name)}${backendRolesNote(user?.["backend_roles"])}`, `action ${tick(action)}${indicesNote(value?.["indices"])}`];
  const tenant = value?.["tenant"];
  if (typeof tenant === "string") parts.push(`tenant ${tick(tenant)}`);
  const resource = asRecord(value?.["resource"]);
  if (resource && typeof resource["type"] === "string") parts.push(`resource ${tick(resource["type"])}${ownerNote(resource["owner"])}`);
  return parts.join(", ");
}

function backendRolesNote(roles: unknown): string {
  return Array.isArray(roles) && roles.length > 0 ? ` (backend roles ${roles.map((role) => tick(String(role))).join(", ")})` : "";
}

function indicesNote(indices: unknown): string {
  if (!Array.isArray(indices)) return "";
  return indices.length === 0 ? " on all indices" : ` on ${indices.map((index) => tick(String(index))).join(", ")}`;
}

function ownerNote(owner: unknown): string {
  const name = asRecord(owner)?.["name"];
  return typeof name === "string" ? ` of ${tick(name)}` : "";
}

function rolesLines(roles: readonly RoleDerivation[]): string[] {
  if (roles.length === 0) return [];
  return ["roles:", ...roles.flatMap((role) => [`  ${role.role}`, ...role.via.map((source) => `    ${describeSource(source)}`)])];
}

function describeSource(source: RoleSource): string {
  switch (source.kind) {
    case "request":
      return "given by the request (`user.roles`)";
    case "backend-role":
      return "a backend role of the same name (`roles_mapping_resolution`)";
    case "mapping": {
      const matches = source.patterns.map((pattern, i) => `${tick(pattern)}${matchedNote(pattern, source.matched[i])}${atNote(source.at?.[i] ?? undefined)}`);
      const mapping = source.at?.some((at) => at) ? "" : atNote(source.mappingAt);
      return `mapped by ${source.field}: ${matches.join(", ")}${mapping}`;
    }
  }
}

function matchedNote(pattern: string, matched: string | undefined): string {
  if (matched === undefined || matched === pattern) return "";
  return matched === "" ? " (a bare `*` maps a user without backend roles too)" : ` matches ${tick(matched)}`;
}

function grantsLines(grants: readonly Grant[]): string[] {
  if (grants.length === 0) return [];
  return ["granted:", ...grants.flatMap(grantLines)];
}

function grantLines(grant: Grant): string[] {
  const lines = [`  ${describeTarget(grant.target)} ← role ${tick(grant.role)}${entryNote(grant)}`];
  if (grant.pattern !== undefined) lines.push(`    ${grant.target.kind === "tenant" ? "tenant" : "index"} pattern ${tick(grant.pattern)}${atNote(grant.patternAt)}`);
  lines.push(`    ${grant.target.kind === "tenant" ? "access" : "action"}: ${chainText(grant)}`);
  return lines;
}

function entryNote(grant: Grant): string {
  if (grant.entry === undefined) {
    if (grant.target.kind === "tenant") return ", the plugin's `kibana_user` rule";
    return grant.target.kind === "cluster" ? `, cluster permissions${atNote(grant.entryAt)}` : atNote(grant.entryAt);
  }
  const noun = grant.target.kind === "tenant" ? "tenant permission" : "index permission";
  return `, ${noun} ${grant.entry + 1}${atNote(grant.entryAt)}`;
}

/** `kibana_all_write (roles.yml:7:9) → indices_all (…) → indices:*`, or the bare pattern without provenance. */
function chainText(grant: Grant): string {
  if (grant.chain.length === 0) return tick(grant.actionPattern);
  return grant.chain.map((step) => `${step.name}${atNote(step.at)}`).join(" → ");
}

function restrictionsLines(explanation: Explanation): string[] {
  const restrictions = explanation.decision.restrictions;
  if (!restrictions) return [];
  const indices = Object.keys(restrictions).sort();
  return ["restrictions:", ...indices.map((index) => `  ${tick(index)}: ${describeRestrictions(restrictions[index]!)}`)];
}

function describeRestrictions(restrictions: IndexRestrictions): string {
  const parts: string[] = [];
  if (restrictions.dls !== null) parts.push(`dls ${JSON.stringify(restrictions.dls)}`);
  if (restrictions.fls !== null) {
    const [kind, fields] = "include" in restrictions.fls ? ["only", restrictions.fls.include] : ["hides", restrictions.fls.exclude];
    parts.push(`fls ${kind} ${fields.map(tick).join(", ")}`);
  }
  if (restrictions.masked_fields !== null) parts.push(`masks ${restrictions.masked_fields.map(tick).join(", ")}`);
  return parts.length > 0 ? parts.join("; ") : "none";
}

function missingLines(missing: readonly MissingGrant[]): string[] {
  if (missing.length === 0) return [];
  return ["missing:", ...missing.flatMap(missingGrantLines)];
}

function missingGrantLines(missing: MissingGrant): string[] {
  const head = `  ${describeTarget(missing.target)}: ${tick(missing.privilege)}`;
  if (missing.nearMisses.length === 0) return [head, "    nothing of the user's roles comes close"];
  return [head, ...missing.nearMisses.map((near) => `    almost: ${near.detail}${atNote(near.at)}`)];
}

function suggestionLines(suggestions: readonly Suggestion[]): string[] {
  if (suggestions.length === 0) return [];
  // Each detail says what else the change grants; the order (fewest extra grants first) ranks them.
  const lines = suggestions.map((suggestion, i) => `  ${i + 1}. ${suggestion.detail}${atNote(suggestion.at)}`);
  return ["would allow it (fewest extra grants first):", ...lines];
}

function provenanceNote(explanation: Explanation): string[] {
  if (explanation.provenance || explanation.rule === "malformed") return [];
  return ["note: the decision table carries no provenance, so there are no source locations or action-group chains; explain the policy's sources, or compile it with `--provenance`"];
}

function describeTarget(target: GrantTarget): string {
  switch (target.kind) {
    case "cluster":
      return "cluster";
    case "index":
      return `index ${tick(target.index)}`;
    case "all-indices":
      return "all indices";
    case "tenant":
      return `tenant ${tick(target.tenant)}`;
  }
}

function atNote(at: TableLocation | undefined): string {
  return at ? ` (${at.file}:${at.line}:${at.column})` : "";
}

/** A name in backticks, with control characters escaped so that one name stays on one line. */
function tick(text: string): string {
  return `\`${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"')}\``;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
