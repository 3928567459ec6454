/**
 * Trimming ajv's error list to one error per problem. With `allErrors`, ajv
 * reports an error for every failed branch of `anyOf`/`oneOf` besides the
 * combinator's own error, an `if` error besides the failed `then`, and may
 * repeat an error; only the most useful one of each should reach the user.
 */
import type { ErrorObject } from "ajv";

const COMBINATOR = /\/(?:anyOf|oneOf)(?=\/)/g;

/** The errors worth reporting, in ajv's order. */
export function withoutCascades(errors: readonly ErrorObject[]): ErrorObject[] {
  const failedCombinators = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const combinators = new Set(failedCombinators.map((e) => `${e.instancePath} ${e.schemaPath}`));
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === "if") return false; // the failed `then` or `else` error says what is wrong
    if (combinators.size > 0 && isInFailedBranch(error, combinators)) return false;
    const id = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Whether an error comes from a branch of a combinator that failed as a whole
 * (the combinator's own error then speaks for it): some `anyOf`/`oneOf` on the
 * error's schema path failed at the error's instance or one of its ancestors.
 */
function isInFailedBranch(error: ErrorObject, combinators: ReadonlySet<string>): boolean {
  const instances = instanceAncestors(error.instancePath);
  for (const match of error.schemaPath.matchAll(COMBINATOR)) {
    const schemaPath = error.schemaPath.slice(0, match.index + match[0].length);
    if (instances.some((instance) => combinators.has(`${instance} ${schemaPath}`))) return true;
  }
  return false;
}

/** A JSON pointer and all its ancestors (`/a/b` → `/a/b`, `/a`, ``). */
function instanceAncestors(pointer: string): string[] {
  const ancestors = [pointer];
  for (let end = pointer.lastIndexOf("/"); end >= 0; end = pointer.lastIndexOf("/", end - 1)) {
    ancestors.push(pointer.slice(0, end));
    if (end === 0) break;
  }
  return ancestors;
}
