/**
 * Action names OpenSearch and its plugins are known to use, for "did you
 * mean" suggestions and completion. A name missing here is still decided
 * normally; the list only makes typos visible.
 */
import { readPackageText } from "../package-files.js";

let knownActions: ReadonlySet<string> | undefined;

export function readKnownActions(): ReadonlySet<string> {
  knownActions ??= new Set(
    readPackageText("data/opensearch/known_actions.txt")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return knownActions;
}
