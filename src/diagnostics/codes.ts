/**
 * The one catalog of diagnostic codes. Codes are stable: tests, editors and
 * CI gates refer to them, so a code is never reused for another meaning.
 *
 * PC1xxx  DSL syntax
 * PC2xxx  YAML files: syntax, structure, schema
 * PC3xxx  names and references
 * PC4xxx  patterns
 * PC5xxx  input/output and usage
 * PC6xxx  document- and field-level security
 * PC7xxx  migration from Search Guard to OpenSearch Security
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
  PC3001: { severity: "warning", summary: "an allowed action is neither an action group nor a known action" },
  PC3002: { severity: "warning", summary: "action groups include each other in a cycle" },
  PC3003: { severity: "warning", summary: "a role mapping or user names a role that is not defined" },
  PC3004: { severity: "warning", summary: "a definition has the name of a built-in one and is ignored" },
  PC3005: { severity: "error", summary: "the same name is defined twice" },
  PC3006: { severity: "warning", summary: "a role that no role mapping and no internal user gives to anyone" },
  PC4001: { severity: "warning", summary: "a `/regex/` pattern is not valid Java regex syntax and is dropped" },
  PC4002: { severity: "warning", summary: "a blank pattern matches nothing" },
  PC4003: { severity: "error", summary: "an `ips` entry of a Search Guard role mapping is not an IP address or CIDR range" },
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
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
