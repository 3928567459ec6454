/**
 * Completion context in the plugin's YAML files, from the lines before the
 * cursor (block and one-line flow style, as the files are written): in
 * `cluster_permissions` and `allowed_actions` an action, in
 * `opendistro_security_roles` and as a roles_mapping.yml entry a role, in
 * `tenant_patterns` a tenant, where a key is expected the keys the plugin
 * reads there.
 */
import type { PolicyConfigType } from "../parse/yaml/config-kinds.js";
import { ACTION_NAMES, type CompletionContext, type NameKind } from "./completion-context.js";

const ENTITY_FLAGS = ["reserved", "hidden", "static", "description"];

/** The keys of an entry of each file. */
const ENTRY_KEYS: Readonly<Record<PolicyConfigType, readonly string[]>> = {
  roles: [...ENTITY_FLAGS, "cluster_permissions", "index_permissions", "tenant_permissions"],
  rolesmapping: ["reserved", "hidden", "description", "users", "backend_roles", "and_backend_roles", "hosts"],
  actiongroups: [...ENTITY_FLAGS, "type", "allowed_actions"],
  internalusers: [...ENTITY_FLAGS, "hash", "backend_roles", "opendistro_security_roles", "attributes"],
  tenants: ENTITY_FLAGS,
};

/** The keys of the items of a list of maps, by the list's key. */
const ITEM_KEYS: Readonly<Record<string, readonly string[]>> = {
  index_permissions: ["index_patterns", "allowed_actions", "dls", "fls", "masked_fields"],
  tenant_permissions: ["tenant_patterns", "allowed_actions"],
};

const META_KEYS = ["type", "config_version"];

/** The names a list under each key holds. */
function namesUnder(key: string): readonly NameKind[] {
  if (key === "cluster_permissions" || key === "allowed_actions") return ACTION_NAMES;
  if (key === "opendistro_security_roles") return ["roles"];
  if (key === "tenant_patterns") return ["tenants"];
  return [];
}

/** One line read for its structure: an optional `- `, then maybe a `key:`. */
interface YamlLine {
  /** Where the line's content (or its `-`) starts. */
  readonly indent: number;
  readonly dash: boolean;
  /** Where a key would start: after the `- `, if any. */
  readonly keyColumn: number;
  readonly key?: string;
  /** What follows the key's colon, trimmed, comments included. */
  readonly rest: string;
}

function readLine(line: string): YamlLine | undefined {
  const match = /^( *)(-(?: +|$))?(.*)$/.exec(line)!;
  const indent = match[1]!.length;
  const dash = match[2] !== undefined;
  const content = match[3]!;
  if (!dash && (content.trim() === "" || content.trimStart().startsWith("#"))) return undefined;
  const keyColumn = indent + (match[2]?.length ?? 0);
  const keyed = /^(["']?)([^"'#:]*?)\1\s*:(?:\s+(.*))?$/.exec(content);
  if (!keyed) return { indent, dash, keyColumn, rest: content.trim() };
  return { indent, dash, keyColumn, key: keyed[2]!, rest: (keyed[3] ?? "").trim() };
}

/** Whether a key has no value on its line (its value is the block below). */
function isEmptyValue(rest: string): boolean {
  return rest === "" || rest.startsWith("#");
}

export function yamlCompletionContext(text: string, offset: number, type: PolicyConfigType): CompletionContext | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const current = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(current)) return undefined;
  const above = text.slice(0, lineStart).split(/\r?\n|\r/);
  return listItem(current, offset, above) ?? flowItem(current, offset) ?? keyPosition(current, offset, above, type);
}

/** `- na|` or `- "na|`: a value of the list above, or a key of a list item map. */
function listItem(current: string, offset: number, above: readonly string[]): CompletionContext | undefined {
  const match = /^( *)- +(["']?)([^"'\s,[\]{}#:]*)$/.exec(current);
  if (!match) return undefined;
  const dashColumn = match[1]!.length;
  const typed = match[3]!;
  const list = listKeyAbove(above, above.length, dashColumn);
  if (list === undefined) return undefined;
  const start = offset - typed.length;
  const quoted = match[2] !== "";
  const itemKeys = ITEM_KEYS[list];
  if (itemKeys && !quoted) return { names: [], words: itemKeys, start, quoted };
  return { names: namesUnder(list), words: [], start, quoted };
}

/** `key: [a, na|`: a value of a one-line flow list. */
function flowItem(current: string, offset: number): CompletionContext | undefined {
  const match = /^ *(?:- +)?(["']?)([^"'#:]+)\1\s*:\s*\[([^\]]*)$/.exec(current);
  if (!match) return undefined;
  const item = /(["']?)([^"',[\s]*)$/.exec(match[3]!)!;
  const typed = item[2]!;
  return { names: namesUnder(match[2]!.trim()), words: [], start: offset - typed.length, quoted: item[1] !== "" };
}

/** A key being typed at the start of a line: the keys of the map it is in; in roles_mapping.yml, at the top, a role. */
function keyPosition(current: string, offset: number, above: readonly string[], type: PolicyConfigType): CompletionContext | undefined {
  const match = /^( *)([A-Za-z_][A-Za-z0-9_.-]*)?$/.exec(current);
  if (!match) return undefined;
  const typed = match[2] ?? "";
  const start = offset - typed.length;
  const column = match[1]!.length;
  if (column === 0) return type === "rolesmapping" ? { names: ["roles"], words: [], start, quoted: false } : undefined;
  const owner = mapOwnerAbove(above, above.length, column);
  if (owner === undefined) return undefined;
  if (owner.item) {
    const keys = ITEM_KEYS[owner.key];
    return keys ? { names: [], words: keys, start, quoted: false } : undefined;
  }
  if (owner.column !== 0) return undefined;
  return { names: [], words: owner.key === "_meta" ? META_KEYS : ENTRY_KEYS[type], start, quoted: false };
}

/** The key whose (block) list holds an item whose `-` is at `dashColumn`: the nearest key above at or left of it. */
function listKeyAbove(lines: readonly string[], end: number, dashColumn: number): string | undefined {
  for (let i = end - 1; i >= 0; i--) {
    const line = readLine(lines[i]!);
    if (!line || line.key === undefined || line.keyColumn > dashColumn) continue;
    return isEmptyValue(line.rest) ? line.key : undefined;
  }
  return undefined;
}

/**
 * The key whose map holds a key at `column`: the nearest key left of it, or,
 * when the map is an item of a list (`- a: …` with `a` at that column), the
 * list's key.
 */
function mapOwnerAbove(lines: readonly string[], end: number, column: number): { key: string; column: number; item: boolean } | undefined {
  for (let i = end - 1; i >= 0; i--) {
    const line = readLine(lines[i]!);
    if (!line) continue;
    if (line.dash && line.indent < column) {
      const list = listKeyAbove(lines, i, line.indent);
      return list === undefined ? undefined : { key: list, column: line.indent, item: true };
    }
    if (line.key !== undefined && line.keyColumn < column) return { key: line.key, column: line.keyColumn, item: false };
  }
  return undefined;
}
