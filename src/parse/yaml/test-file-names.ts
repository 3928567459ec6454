/**
 * How policy test files are named: `policy-tests.yml`, `tests.json`,
 * `admin.test.yaml` — a base name ending in `test` or `tests` (after a `-`,
 * `_` or `.`, or alone) with a YAML or JSON extension. `policyc test` tells
 * them from policy files by it; it imports nothing, so the configuration
 * reader can use it to leave them alone.
 */

const TEST_FILE_NAME = /(?:^|[-_.])tests?\.(?:ya?ml|json)$/i;

/** Whether a file's base name is that of a policy test file. */
export function isTestFileName(name: string): boolean {
  return TEST_FILE_NAME.test(name);
}
