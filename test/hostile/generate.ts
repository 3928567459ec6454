/**
 * The hostile inputs too large, too deep or too binary to keep in git: each
 * generator writes its case's files into a directory at test time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const META = (type: string): string => `_meta:\n  type: "${type}"\n  config_version: 2\n`;
const MIB = 1024 * 1024;
const LONG_ROLE = "r".repeat(MIB);
const LONG_INDEX = "i".repeat(MIB);
const LONG_TENANT = "t".repeat(MIB);
const LONG_USER = "u".repeat(MIB);
/** The long user reads the long index; a short name does not. */
const LONG_REQUESTS = [
  { user: { name: LONG_USER }, action: "indices:data/read/search", indices: [LONG_INDEX] },
  { user: { name: LONG_USER }, action: "indices:data/read/search", indices: [`${LONG_INDEX}x`] },
  { user: { name: "u" }, action: "indices:data/read/search", indices: [LONG_INDEX] },
]
  .map((request) => JSON.stringify(request))
  .join("\n");

function write(directory: string, name: string, content: string | Uint8Array): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, name), content);
}

/** Repeats `piece(i)` until the text is at least `size` characters long. */
function grow(start: string, size: number, piece: (i: number) => string): string {
  const parts = [start];
  let length = start.length;
  for (let i = 0; length < size; i++) {
    const next = piece(i);
    parts.push(next);
    length += next.length;
  }
  return parts.join("");
}

export const GENERATORS: Readonly<Record<string, (directory: string) => void>> = {
  /** 20 MB of ordinary roles. */
  "yaml-20mb": (directory) =>
    write(directory, "roles.yml", grow(META("roles"), 20 * MIB, (i) => `role_${i}:\n  cluster_permissions: ["cluster_monitor"]\n  index_permissions:\n    - index_patterns: ["logs-${i}-*"]\n      allowed_actions: ["read"]\n`)),
  /** 20 MB of ordinary roles in the DSL. */
  "dsl-20mb": (directory) =>
    write(directory, "policy.policy", grow("", 20 * MIB, (i) => `role r${i} {\n  cluster cluster_monitor\n  index logs-${i}-* allow read\n}\n`)),
  /** 100,000 nested flow sequences. */
  "yaml-deep-flow": (directory) => write(directory, "roles.yml", `${META("roles")}deep: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`),
  /** 100,000 nested block sequences on one line (`- - - …`). */
  "yaml-deep-block": (directory) => write(directory, "roles.yml", `${META("roles")}deep:\n  ${"- ".repeat(100_000)}x\n`),
  /** 100,000 nested flow mappings. */
  "yaml-deep-mappings": (directory) => write(directory, "roles.yml", `${META("roles")}deep: ${"{a: ".repeat(100_000)}1${"}".repeat(100_000)}\n`),
  /** 100,000 nested blocks, never closed (closed, they would be more tokens than the DSL's limit). */
  "dsl-deep": (directory) => write(directory, "policy.policy", `role deep ${"{ ".repeat(100_000)}\n`),
  /** 10,000 roles that each merge an anchored mapping, and one mapping with 20,000 merge keys. */
  "yaml-merge-flood": (directory) => {
    const roles = Array.from({ length: 10_000 }, (_, i) => `r${i}: {<<: *base}\n`).join("");
    const flood = `flood: {${Array.from({ length: 20_000 }, () => "<<: *base").join(", ")}}\n`;
    write(directory, "roles.yml", `${META("roles")}base: &base {cluster_permissions: ["cluster_monitor"]}\n${roles}${flood}`);
  },
  /**
   * 1 MiB names: a role, its index pattern, its mapping's user, an internal
   * user and its attribute, a tenant and an action group (each file stays
   * under the plugin's 3 MiB); the requests of the case use the long user and
   * index names.
   */
  "yaml-long-names": (directory) => {
    const role = LONG_ROLE;
    write(directory, "roles.yml", `${META("roles")}${role}:\n  index_permissions:\n    - index_patterns: ["${LONG_INDEX}"]\n      allowed_actions: ["read"]\n  tenant_permissions:\n    - tenant_patterns: ["t*"]\n      allowed_actions: ["kibana_all_read"]\n`);
    write(directory, "roles_mapping.yml", `${META("rolesmapping")}${role}:\n  users: ["${LONG_USER}"]\n`);
    write(directory, "internal_users.yml", `${META("internalusers")}${"n".repeat(MIB)}:\n  hash: "x"\n  attributes:\n    ${"a".repeat(MIB)}: "v"\n`);
    write(directory, "tenants.yml", `${META("tenants")}${LONG_TENANT}:\n  description: "a tenant"\n`);
    write(directory, "action_groups.yml", `${META("actiongroups")}${"g".repeat(MIB)}:\n  allowed_actions: ["read"]\n`);
    write(directory, "requests.jsonl", LONG_REQUESTS);
  },
  /** The same in the DSL, as words and as strings. */
  "dsl-long-names": (directory) => {
    const role = `role ${LONG_ROLE} {\n  index "${LONG_INDEX}" allow read\n  tenant ${LONG_TENANT} allow kibana_all_read\n  users ${LONG_USER}\n}\n`;
    const others = `user ${"n".repeat(MIB)} { hash x attributes "${"a".repeat(MIB)}" = v }\ntenant ${LONG_TENANT}\naction_group ${"g".repeat(MIB)} { allow read }\n`;
    write(directory, "policy.policy", role + others);
    write(directory, "requests.jsonl", LONG_REQUESTS);
  },
  /** Latin-1 bytes (0xE9 for é) inside a UTF-8 file. */
  "yaml-invalid-utf8": (directory) =>
    write(directory, "roles.yml", Buffer.concat([Buffer.from(`${META("roles")}reader:\n  description: "caf`), Buffer.from([0xe9]), Buffer.from(`"\n  cluster_permissions: ["cluster_monitor"]\n`)])),
  "dsl-invalid-utf8": (directory) =>
    write(directory, "policy.policy", Buffer.concat([Buffer.from('role reader {\n  description "caf'), Buffer.from([0xe9, 0x80]), Buffer.from('"\n  cluster cluster_monitor\n}\n')])),
  /** A small policy, and request lines that are not requests, or are enormous, deep or full of prototype keys. */
  "requests-hostile": (directory) => {
    write(directory, "roles.yml", `${META("roles")}reader:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n`);
    write(directory, "roles_mapping.yml", `${META("rolesmapping")}reader:\n  users: ["judy"]\n`);
    const search = { action: "indices:data/read/search", indices: ["logs-1"] };
    const judy = { name: "judy" };
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const lines = [
      "not json at all {",
      "[1, 2]",
      '"a request"',
      "null",
      "12",
      `{"user": {"name": "judy"}, "action": "indices:data/read/search", "indices": ["logs-1"], "extra": ${deep}}`,
      JSON.stringify({ user: judy, action: search.action, indices: Array.from({ length: 1_000_000 }, (_, i) => `logs-${i}`) }),
      JSON.stringify({ user: { name: "j".repeat(10 * MIB) }, ...search }),
      `{"__proto__": {"user": {"name": "judy"}}, "action": "indices:data/read/search", "indices": ["logs-1"]}`,
      JSON.stringify({ user: judy, action: search.action, indices: ["logs-1", 5] }),
      `{"user": {"name": "judy", "attributes": {"__proto__": "x", "constructor": "y"}, "__proto__": {"roles": ["all_access"]}}, "action": "indices:data/read/search", "indices": ["logs-1"]}`,
    ];
    write(directory, "requests.jsonl", `${lines.join("\n")}\n`);
  },
  /** A NUL byte in a value. */
  "yaml-nul": (directory) => write(directory, "roles.yml", `${META("roles")}reader:\n  description: "a\u0000b"\n`),
  "dsl-nul": (directory) => write(directory, "policy.policy", "role reader {\n  cluster cluster_monitor\u0000\n}\n"),
};
