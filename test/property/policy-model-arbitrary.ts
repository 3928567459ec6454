/**
 * fast-check arbitraries for whole policy models, built directly (not as
 * YAML), with names drawn from ordinary words, the names every back end must
 * quote (test/emit/nasty-names.ts) and arbitrary UTF-16 text, lone
 * surrogates included. Every model is one the DSL can hold: names are
 * unique per kind, each role has at most one mapping, and every `index` and
 * `tenant` entry names a pattern (and a tenant entry an action).
 */
import fc from "fast-check";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { defaultSettings, SETTING_DEFINITIONS, type SettingDefinition, type Settings } from "../../src/model/settings.js";
import type { ActionGroup, EntityFlags, IndexPermission, InternalUser, LocatedString, PolicyModel, Role, RoleMapping, Tenant, TenantPermission } from "../../src/model/types.js";
import { NASTY_NAMES } from "../emit/nasty-names.js";

const WORDS = ["r1", "logs-*", "read", "indices:data/read/*", "kibana_all_write", ".kibana", "admin", "a.b", "~secret", "email::SHA-512", "/x.*/"];

const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 8 });
const text: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 3, arbitrary: fc.constantFrom(...NASTY_NAMES) }, { weight: 2, arbitrary: anyText });
const located = text.map((value): LocatedString => ({ value }));
const list = (maxLength = 3, minLength = 0) => fc.array(located, { minLength, maxLength });
const optionalText = fc.option(text, { nil: undefined });

/** `count` distinct names. */
const uniqueNames = (maxLength: number) => fc.uniqueArray(text, { maxLength });

function flagsArb(withStatic: boolean): fc.Arbitrary<EntityFlags> {
  return fc.record({ reserved: fc.boolean(), hidden: fc.boolean(), static: withStatic ? fc.boolean() : fc.constant(false), description: optionalText }).map(withoutUndefined);
}

/** Optional fields are absent, never `undefined`, as the front ends build them. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const indexPermission: fc.Arbitrary<IndexPermission> = fc
  .record({ indexPatterns: list(3, 1), allowedActions: list(), dls: fc.option(located, { nil: undefined }), fls: list(2), maskedFields: list(2) })
  .map(withoutUndefined);

const tenantPermission: fc.Arbitrary<TenantPermission> = fc.record({ tenantPatterns: list(2, 1), allowedActions: list(2, 1) });

function roleArb(name: string): fc.Arbitrary<Role> {
  return fc
    .tuple(flagsArb(true), list(), fc.array(indexPermission, { maxLength: 2 }), fc.array(tenantPermission, { maxLength: 2 }))
    .map(([flags, clusterPermissions, indexPermissions, tenantPermissions]) => ({ name: { value: name }, ...flags, clusterPermissions, indexPermissions, tenantPermissions }));
}

function mappingArb(role: string): fc.Arbitrary<RoleMapping> {
  return fc
    .record({ reserved: fc.boolean(), hidden: fc.boolean(), description: optionalText, users: list(), backendRoles: list(), andBackendRoles: list(), hosts: list(2) })
    .map((fields) => withoutUndefined({ role: { value: role }, ...fields }));
}

function actionGroupArb(name: string): fc.Arbitrary<ActionGroup> {
  return fc
    .tuple(flagsArb(true), list(), optionalText)
    .map(([flags, allowedActions, type]) => withoutUndefined({ name: { value: name }, ...flags, allowedActions, type }));
}

function userArb(name: string): fc.Arbitrary<InternalUser> {
  return fc
    .tuple(flagsArb(true), optionalText, list(), list(), fc.uniqueArray(fc.tuple(text, located), { maxLength: 3, selector: ([key]) => key }))
    .map(([flags, hash, backendRoles, securityRoles, pairs]) =>
      withoutUndefined({ name: { value: name }, ...flags, hash, backendRoles, securityRoles, attributes: pairs.map(([key, value]) => ({ name: { value: key }, value })) }),
    );
}

function tenantArb(name: string): fc.Arbitrary<Tenant> {
  return flagsArb(true).map((flags) => ({ name: { value: name }, ...flags }));
}

const NOWHERE = { file: new SourceFile("generated", ""), start: 0, end: 0 };

/** A value the plugin accepts for a setting. */
function settingValueArb(definition: SettingDefinition): fc.Arbitrary<Settings[SettingDefinition["key"]]> {
  switch (definition.kind) {
    case "boolean":
      return fc.boolean();
    case "string":
      return text;
    case "string-list":
      return fc.array(text, { maxLength: 3 });
    case "enum":
      return fc.constantFrom(...(definition.values ?? []));
  }
}

/** Some settings given explicitly (with an origin), the others at their defaults. */
const settingsArb: fc.Arbitrary<Settings> = fc.subarray([...SETTING_DEFINITIONS]).chain((given) =>
  fc.tuple(...given.map(settingValueArb)).map((values) => {
    const settings: Record<string, unknown> = { ...defaultSettings(), origins: {} };
    const origins: Record<string, unknown> = {};
    given.forEach((definition, i) => {
      settings[definition.key] = values[i];
      origins[definition.key] = NOWHERE;
    });
    return { ...settings, origins } as unknown as Settings;
  }),
);

/** Roles and mappings: some roles mapped, some mappings of roles defined elsewhere. */
const rolesAndMappings = fc.tuple(uniqueNames(4), uniqueNames(3)).chain(([roleNames, otherNames]) => {
  const mapped = [...new Set([...roleNames.filter((_, i) => i % 2 === 0), ...otherNames.filter((name) => !roleNames.includes(name))])];
  return fc.tuple(fc.tuple(...roleNames.map(roleArb)), fc.tuple(...mapped.map(mappingArb)));
});

export function policyModelArb(): fc.Arbitrary<PolicyModel> {
  return fc
    .record({
      rolesAndMappings,
      actionGroups: uniqueNames(3).chain((names) => fc.tuple(...names.map(actionGroupArb))),
      internalUsers: uniqueNames(3).chain((names) => fc.tuple(...names.map(userArb))),
      tenants: uniqueNames(3).chain((names) => fc.tuple(...names.map(tenantArb))),
      settings: settingsArb,
    })
    .map(({ rolesAndMappings: [roles, roleMappings], actionGroups, internalUsers, tenants, settings }) => ({
      flavor: "opensearch" as const,
      actionGroups,
      roles,
      roleMappings,
      internalUsers,
      tenants,
      settings,
      sources: [],
    }));
}
