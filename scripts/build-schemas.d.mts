// Types of scripts/build-schemas.mjs, for the test that checks the committed schemas are current
// (test/schemas/generated-schemas.test.ts).
import type { PolicyModel } from "../src/model/types.js";

export interface NameCatalog {
  readonly actionGroups: readonly {
    readonly name: string;
    readonly type?: string;
    readonly description?: string;
    readonly allowedActions: readonly string[];
  }[];
  readonly roles: readonly { readonly name: string; readonly description?: string }[];
  readonly tenants: readonly { readonly name: string; readonly description?: string }[];
  readonly clusterActions: readonly string[];
  readonly indexActions: readonly string[];
  readonly allActions: readonly string[];
}

/** The action rules the catalog sorts known actions with (src/rules/actions.ts). */
export interface ActionRules {
  isClusterAction(action: string): boolean;
  readonly SYSTEM_INDEX_PERMISSION: string;
}

export declare function nameCatalog(builtin: PolicyModel, knownActions: Iterable<string>, rules: ActionRules): NameCatalog;

export declare function configSchemaFiles(catalog: NameCatalog): { readonly path: string; readonly text: string }[];
