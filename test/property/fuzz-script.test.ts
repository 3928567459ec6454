/**
 * `npm run fuzz` (scripts/fuzz.mjs) at a small number of cases: it runs
 * every property on two workers, prints the seed and the command that
 * replays the run, and ends with zero disagreements.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const SCRIPT = fileURLToPath(new URL("../../scripts/fuzz.mjs", import.meta.url));

function fuzz(args: string[], timeout: number) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8", timeout });
}

describe("npm run fuzz", () => {
  // A fixed seed keeps `npm test` deterministic; fuzzing with fresh seeds is `npm run fuzz`'s job.
  // This one is a regression: its 10 whoami policies per worker list no read-only tenant, and the
  // property used to fail its coverage check on a run that small (a run checks coverage from 100
  // policies on).
  it(
    "runs 200 cases on two workers with zero disagreements, printing the seed",
    () => {
      const result = fuzz(["--runs", "200", "--workers", "2", "--seed", "1668706402"], 290_000);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const seed = /^seed (\d+): 200 cases on 2 workers$/m.exec(result.stdout)?.[1];
      expect(seed, result.stdout).toBe("1668706402");
      expect(result.stdout).toContain(`replay: npm run fuzz -- --runs 200 --seed ${seed} --workers 2`);
      expect(result.stdout).toContain(`worker 2, seed ${Number(seed) + 1}: runtime vs reference: 100 cases`);
      expect(result.stdout).toMatch(/^runtime vs reference: 200 cases, \d+ requests agreed$/m);
      expect(result.stdout).toMatch(/^DSL round trips: 20 cases agreed$/m);
      expect(result.stdout).toMatch(/^module vs runtime vs reference: 20 cases, \d+ requests agreed$/m);
      expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("disagreements: 0");
    },
    300_000,
  );

  it("refuses an option it does not know, with exit code 2", () => {
    const result = fuzz(["--run", "5"], 30_000);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("fuzz: unknown option `--run`");
  });

  it("refuses a number of runs that is not a whole number", () => {
    const result = fuzz(["--runs", "1e9x"], 30_000);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("fuzz: `--runs` takes a whole number, not `1e9x`");
  });
});
