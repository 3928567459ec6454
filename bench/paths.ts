/**
 * Where things are: bench sources are compiled to `.bench-build/bench/`, so
 * the repository root is two levels above this module in both places.
 */
import { fileURLToPath } from "node:url";

const REPO_ROOT = new URL("../../", import.meta.url);

/** The file-system path of a file given relative to the repository root. */
export function repoPath(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, REPO_ROOT));
}
