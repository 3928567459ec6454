/**
 * The one catalog of diagnostic codes. Codes are stable: tests, editors and
 * CI gates refer to them, so a code is never reused for another meaning.
 *
 * PC1xxx  DSL syntax
 * PC2xxx  YAML files: syntax, structure, schema
 *   PC21xx REST API dumps and scripts: API dumps (roles.json & co.), Dev Tools
 *          console and curl requests, and the scripts `convert` writes
 * PC3xxx  names and references
 * PC4xxx  patterns
 * PC5xxx  input/output and usage
 * PC6xxx  document- and field-level security
 * PC7xxx  migration from Search Guard to OpenSearch Security
 * PC8xxx  lint: grants that do nothing, repeat others or reach too far
 */
import type { Severity } from "./diagnostic.js";

export interface CodeInfo {
  readonly severity: Severity;
  /** One line for `docs/diagnostics.md` and SARIF rule descriptions. */
  readonly summary: string;
}

export const DIAGNOSTIC_CODES = {
  PC1001: { severity: "error", summary: "a character that can start no token of the DSL" },
  PC1002: { severity: "error", summary: "a string is not closed before the end of its line" },
  PC1003: { severity: "error", summary: "a string holds an escape JSON does not define" },
  PC1004: { severity: "error", summary: "the text does not follow the DSL's grammar" },
  PC1005: { severity: "error", summary: "a clause or flag stands where the definition does not take it" },
  PC1006: { severity: "error", summary: "a clause, flag or attribute is given twice where it may appear once" },
  PC1007: { severity: "error", summary: "a setting policyc does not know" },
  PC1008: { severity: "error", summary: "a setting has a value the plugin does not accept" },
  PC1009: { severity: "error", summary: "an imported file is not part of the input" },
  PC1010: { severity: "error", summary: "blocks nest deeper than the parser reads" },
  PC1011: { severity: "error", summary: "a .policy file is not valid UTF-8" },
  PC1012: { severity: "error", summary: "a .policy file is larger than policyc reads" },
  PC1013: { severity: "error", summary: "the .policy files are empty: no definitions and no settings" },
  PC2001: { severity: "error", summary: "the file is not valid YAML" },
  PC2002: { severity: "error", summary: "a mapping has the same key twice (the plugin rejects duplicate keys)" },
  PC2003: { severity: "error", summary: "the file has no `_meta` block" },
  PC2004: { severity: "error", summary: "`_meta.type` does not match the file" },
  PC2005: { severity: "error", summary: "`_meta.config_version` is not 2" },
  PC2006: { severity: "error", summary: "a key the plugin does not know (it rejects unknown keys)" },
  PC2007: { severity: "error", summary: "a value has the wrong type or shape" },
  PC2008: { severity: "warning", summary: "a YAML alias is read by the plugin as the plain string of its anchor name" },
  PC2009: { severity: "warning", summary: "a number, boolean or null stands where a name belongs and is read as text" },
  PC2010: { severity: "error", summary: "the file holds more than one YAML document" },
  PC2011: { severity: "error", summary: "the YAML nests deeper than the limit" },
  PC2012: { severity: "warning", summary: "a setting policyc does not know" },
  PC2013: { severity: "error", summary: "a setting has a value the plugin does not accept" },
  PC2014: { severity: "error", summary: "a YAML tag the plugin does not support" },
  PC2015: { severity: "error", summary: "the YAML file is larger than policyc reads" },
  PC2016: { severity: "error", summary: "an attribute Search Guard FLX no longer supports" },
  PC2017: { severity: "error", summary: "a YAML file is not valid UTF-8" },
  PC2101: { severity: "error", summary: "a request of a console or curl script that cannot be read, or a script or API dump whose bytes cannot be read" },
  PC2102: { severity: "error", summary: "a request body or an API dump is not valid JSON" },
  PC2103: { severity: "info", summary: "a request to an endpoint that does not change the policy is skipped" },
  PC2104: { severity: "error", summary: "the API refuses a request body (unknown keys, wrong types, missing keys, an empty body, `null` in an array)" },
  PC2105: { severity: "error", summary: "the API refuses to change a reserved, static or hidden entry" },
  PC2106: { severity: "error", summary: "the API refuses a name or a reference (an entry that does not exist, a name it does not accept)" },
  PC2107: { severity: "error", summary: "the API refuses a JSON Patch document or cannot apply it" },
  PC2108: { severity: "warning", summary: "the API's default password rules refuse this password" },
  PC2109: { severity: "error", summary: "an API dump file is not a map of entries" },
  PC2110: { severity: "warning", summary: "an API dump's static entry is not one of policyc's built-ins and is read as a custom one" },
  PC2111: { severity: "warning", summary: "a curl body policyc cannot read (read from a file or built by shell expansion)" },
  PC2112: { severity: "error", summary: "the API does not implement the method for the endpoint, or the request lacks the name it needs" },
  PC2113: { severity: "info", summary: "a script sends requests to more than one host; policyc applies them all to one policy" },
  PC2114: { severity: "error", summary: "a script cannot be applied to the base policy it is given" },
  PC2115: { severity: "warning", summary: "a placeholder password of a generated script was not replaced" },
  PC2116: { severity: "info", summary: "a cluster setting that does not change decisions, or that the cluster settings API cannot change, is skipped" },
  PC2120: { severity: "warning", summary: "an internal user without a password hash gets a placeholder password in the generated requests" },
  PC2121: { severity: "warning", summary: "a generated request the API would refuse is left out" },
  PC2122: { severity: "info", summary: "what the API's requests cannot carry is left out (reserved and hidden flags, an action group type other than cluster or index)" },
  PC2123: { severity: "warning", summary: "a generated request that only a super admin may send (it grants the REST admin permissions)" },
  PC3001: { severity: "warning", summary: "an allowed action is neither an action group nor a known action" },
  PC3002: { severity: "warning", summary: "action groups include each other in a cycle" },
  PC3003: { severity: "warning", summary: "a role mapping or user names a role that is not defined" },
  PC3004: { severity: "warning", summary: "a definition has the name of a built-in one and is ignored" },
  PC3005: { severity: "error", summary: "the same name is defined twice" },
  PC3006: { severity: "warning", summary: "a role that no role mapping and no internal user gives to anyone" },
  PC4001: { severity: "warning", summary: "a `/regex/` pattern is not valid Java regex syntax and is dropped" },
  PC4002: { severity: "warning", summary: "a blank pattern matches nothing" },
  PC4003: { severity: "error", summary: "an `ips` entry of a Search Guard role mapping is not an IP address or CIDR range" },
  PC4004: { severity: "error", summary: "a `/regex/` pattern the plugin accepts but policyc cannot evaluate like it in bounded time" },
  PC4005: { severity: "warning", summary: "a `/regex/` pattern substitutes user attributes, which the plugin does not escape (Search Guard: unless piped through `|toRegexFragment`): a user's attributes can change what it matches" },
  PC5001: { severity: "error", summary: "a file or directory cannot be read" },
  PC5002: { severity: "error", summary: "the input holds no policy files" },
  PC5003: { severity: "warning", summary: "a file in the configuration directory is not read" },
  PC5004: { severity: "error", summary: "an output cannot be written" },
  PC5005: { severity: "error", summary: "a decision table is not valid or has an unsupported version" },
  PC5006: { severity: "error", summary: "the input mixes YAML files and .policy files" },
  PC5007: { severity: "error", summary: "the input mixes OpenSearch Security and Search Guard files, or holds files of another flavor than the one named" },
  PC6001: { severity: "error", summary: "a DLS query is not valid JSON" },
  PC6002: { severity: "error", summary: "a DLS query is JSON but not an object" },
  PC6003: { severity: "error", summary: "a DLS query is not one query `{\"<query>\": {…}}` as the plugin's query parser reads it" },
  PC6004: { severity: "warning", summary: "a DLS query keeps a `${` after substitution (`$${`), so every request it applies to fails" },
  PC6005: { severity: "error", summary: "an FLS field pattern the plugin cannot read (an invalid `/regex/`)" },
  PC6006: { severity: "error", summary: "a masked field expression the plugin refuses" },
  PC6007: { severity: "warning", summary: "a masked field names a digest algorithm the JDK does not provide" },
  PC6008: { severity: "warning", summary: "a blank FLS or masked field matches no field" },
  PC6009: { severity: "warning", summary: "text follows a DLS query, which the plugin's query parser leaves unread" },
  PC7001: { severity: "warning", summary: "a Search Guard `exclude_cluster_permissions` entry has no OpenSearch equivalent and is dropped" },
  PC7002: { severity: "warning", summary: "a Search Guard index negation (`-pattern`) that cannot be written as an OpenSearch pattern is dropped" },
  PC7003: { severity: "warning", summary: "a Search Guard `ips` range that cannot be written as an OpenSearch `hosts` pattern is dropped" },
  PC7004: { severity: "warning", summary: "Search Guard alias or data stream permissions become OpenSearch index permissions" },
  PC7005: { severity: "warning", summary: "a Search Guard attribute template that OpenSearch renders differently" },
  PC7006: { severity: "warning", summary: "a Search Guard tenant permission that OpenSearch grants differently" },
  PC7007: { severity: "warning", summary: "a Search Guard name that OpenSearch Security reserves for a built-in entry" },
  PC7008: { severity: "warning", summary: "a Search Guard cluster permission that OpenSearch checks as an index permission, or the reverse" },
  PC8001: { severity: "warning", summary: "an index action in cluster permissions, where the plugin never checks it" },
  PC8002: { severity: "warning", summary: "a cluster action in index permissions, where the plugin never checks it" },
  PC8003: { severity: "warning", summary: "an index permission that another one of the same role already grants in full" },
  PC8004: { severity: "warning", summary: "an allowed action that another one of the same list already grants" },
  PC8005: { severity: "warning", summary: "an index pattern that another one of the same permission already matches" },
  PC8006: { severity: "warning", summary: "an index pattern that can never match a valid index name" },
  PC8007: { severity: "warning", summary: "a role other than `all_access` that grants every action on every index" },
  PC8008: { severity: "warning", summary: "a tenant permission names a tenant that is not defined" },
  PC8009: { severity: "warning", summary: "`system:admin/system_index` is granted while system index permissions are off" },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
