/**
 * The table runtime as the generated module embeds it: src/runtime and what
 * it imports, concatenated into one scope by scripts/bundle-runtime.mjs at
 * policyc's build and read here from the package (dist/). Two bundles: the
 * lean one decides (src/runtime/decider.ts), the explaining one also
 * explains (src/runtime/index.ts).
 */
import { readPackageText } from "../../package-files.js";

export const RUNTIME_BUNDLE_PATH = "dist/emit/module/runtime-bundle.json";

/** An interface or type alias of the runtime, as a declaration file states it. */
export interface BundledTypeDeclaration {
  /** Its JSDoc comment, or "". */
  readonly doc: string;
  /** The declaration without `export`. */
  readonly text: string;
  /** Names of the types it refers to. */
  readonly references: readonly string[];
}

export interface RuntimeBundle {
  /** The runtime's modules in the order they are concatenated. */
  readonly modules: readonly string[];
  readonly typeScript: string;
  readonly javaScript: string;
  /** Every top-level name the bundle declares. */
  readonly topLevelNames: readonly string[];
  readonly typeDeclarations: Readonly<Record<string, BundledTypeDeclaration>>;
}

/** Which runtime a module embeds: `lean` without `explain`, `explaining` with it. */
export type RuntimeBundleName = "lean" | "explaining";

type RuntimeBundles = Readonly<Record<RuntimeBundleName, RuntimeBundle>>;

let bundles: RuntimeBundles | undefined;

/** One of the bundles; both are read once. @throws Error when policyc was not built (`npm run build`) */
export function readRuntimeBundle(name: RuntimeBundleName): RuntimeBundle {
  bundles ??= parseBundles(readBundleText());
  return bundles[name];
}

function readBundleText(): string {
  try {
    return readPackageText(RUNTIME_BUNDLE_PATH);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`policyc's runtime bundle \`${RUNTIME_BUNDLE_PATH}\` cannot be read (run \`npm run build\`): ${reason}`);
  }
}

function parseBundles(text: string): RuntimeBundles {
  const value = JSON.parse(text) as Partial<Record<RuntimeBundleName, unknown>>;
  return { lean: parseBundle(value.lean), explaining: parseBundle(value.explaining) };
}

function parseBundle(parsed: unknown): RuntimeBundle {
  const value = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Partial<RuntimeBundle>;
  const complete =
    typeof value.typeScript === "string" &&
    typeof value.javaScript === "string" &&
    Array.isArray(value.modules) &&
    Array.isArray(value.topLevelNames) &&
    typeof value.typeDeclarations === "object" &&
    value.typeDeclarations !== null;
  if (!complete) throw new Error(`policyc's runtime bundle \`${RUNTIME_BUNDLE_PATH}\` is incomplete (run \`npm run build\`)`);
  return value as RuntimeBundle;
}

/**
 * The declarations of `names` and of every runtime type they refer to,
 * sorted by name. @throws Error when one of them is not a type of the bundle
 * (a class or a function cannot be stated in a declaration file this way).
 */
export function typeDeclarationsOf(runtime: RuntimeBundle, names: readonly string[]): BundledTypeDeclaration[] {
  const declared = new Set(runtime.topLevelNames);
  const needed = new Map<string, BundledTypeDeclaration>();
  const pending = [...names];
  while (pending.length) {
    const name = pending.pop()!;
    if (needed.has(name)) continue;
    const declaration = Object.hasOwn(runtime.typeDeclarations, name) ? runtime.typeDeclarations[name] : undefined;
    if (!declaration) throw new Error(`the runtime's \`${name}\` is not an interface or type alias; the module's declarations cannot state it`);
    needed.set(name, declaration);
    pending.push(...declaration.references.filter((reference) => declared.has(reference)));
  }
  return [...needed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, declaration]) => declaration);
}
