// Types of scripts/bundle-runtime.mjs, for the tests that call it (test/emit/module/runtime-bundle.test.ts).
import type { RuntimeBundle, RuntimeBundleName } from "../src/emit/module/runtime-bundle.js";

export declare class BundleError extends Error {}

export interface BundleOptions {
  /** The repository root; the default is the one this script lives in. */
  readonly root?: string;
  /** The entry module, relative to `root`; the default is `src/runtime/index.ts`. */
  readonly entry?: string;
  /** Names no bundled module may declare at top level. */
  readonly reservedNames?: ReadonlySet<string>;
}

export declare function bundleRuntime(options?: BundleOptions): RuntimeBundle & { readonly entry: string };

/** Both bundles, `lean` (src/runtime/decider.ts) and `explaining` (src/runtime/index.ts), as dist/ holds them. */
export declare function bundleRuntimes(options?: Omit<BundleOptions, "entry">): Record<RuntimeBundleName, RuntimeBundle & { readonly entry: string }>;
