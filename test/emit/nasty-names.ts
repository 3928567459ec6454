/**
 * Names that need care in every output format: spaces, templates, quotes,
 * backslashes, line breaks, U+2028, empty text, keywords of the DSL, words
 * YAML would type as something else, and characters no file should hold raw.
 * Both back ends must write each so that it reads back unchanged.
 */
import { defaultSettings } from "../../src/model/settings.js";
import type { LocatedString, PolicyModel } from "../../src/model/types.js";

export const NASTY_NAMES: readonly string[] = [
  "with space",
  "${user.name}",
  'say "hi"',
  "it's",
  `both ' and "`,
  "back\\slash",
  "line\nbreak",
  "carriage\rreturn",
  "tab\there",
  "sep\u2028arator",
  "para\u2029graph",
  "",
  " ",
  "role",
  "users",
  "allow",
  "index",
  "true",
  "false",
  "null",
  "yes",
  "123",
  "1.5",
  "~",
  "- dash",
  "#hash",
  "a: b",
  "a,b",
  "a=b",
  "[x]",
  "{y}",
  "*",
  "&anchor",
  "!tag",
  "%percent",
  "@at",
  "`tick`",
  "\u0000nul",
  "\u0085nel",
  "\ufeffbom",
  "lone\ud800surrogate",
  "pair 😀",
  "ünïcödé",
  "/regex\\d+/",
];

const located = (value: string): LocatedString => ({ value });
const flags = { reserved: false, hidden: false, static: false };

/** A model that uses every nasty name in every place a name or value can stand. */
export function nastyModel(): PolicyModel {
  const names = NASTY_NAMES.map(located);
  return {
    flavor: "opensearch",
    actionGroups: NASTY_NAMES.map((name) => ({ name: located(name), ...flags, allowedActions: names, type: name, description: name })),
    roles: NASTY_NAMES.map((name) => ({
      name: located(name),
      ...flags,
      description: name,
      clusterPermissions: names,
      indexPermissions: [{ indexPatterns: names, allowedActions: names, dls: located(name), fls: names, maskedFields: names }],
      tenantPermissions: [{ tenantPatterns: names, allowedActions: names }],
    })),
    roleMappings: NASTY_NAMES.map((name) => ({
      role: located(name),
      reserved: false,
      hidden: false,
      users: names,
      backendRoles: names,
      andBackendRoles: names,
      hosts: names,
    })),
    internalUsers: NASTY_NAMES.map((name) => ({
      name: located(name),
      ...flags,
      description: name,
      hash: name,
      backendRoles: names,
      securityRoles: names,
      attributes: NASTY_NAMES.map((attribute) => ({ name: located(attribute), value: located(name) })),
    })),
    tenants: NASTY_NAMES.map((name) => ({ name: located(name), ...flags, description: name })),
    settings: defaultSettings(),
    sources: [],
  };
}
