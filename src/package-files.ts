/**
 * Files shipped in the package (`schemas/`, `data/`), found relative to the
 * package root. This module sits directly under `src/` and is compiled to
 * directly under `dist/`, so in both places the root is one level up; that is
 * why it must stay at this depth.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PACKAGE_ROOT = new URL("../", import.meta.url);

/** The URL of a file given by its path relative to the package root (`schemas/roles.schema.json`). */
export function packageFileUrl(relativePath: string): URL {
  return new URL(relativePath.replace(/^\/+/, ""), PACKAGE_ROOT);
}

/** The file-system path of a package file. */
export function packageFilePath(relativePath: string): string {
  return fileURLToPath(packageFileUrl(relativePath));
}

/** The UTF-8 text of a package file; throws if the package is incomplete. */
export function readPackageText(relativePath: string): string {
  return readFileSync(packageFileUrl(relativePath), "utf8");
}

/** A package JSON file, parsed. */
export function readPackageJson(relativePath: string): unknown {
  return JSON.parse(readPackageText(relativePath)) as unknown;
}
