import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const temporaryDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "policyc-fmt-"));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const MESSY = "# readers\nrole reader { cluster a,\n b # why b\n   users alice }\nuser alice {}\n";
const FORMATTED = "# readers\nrole reader {\n  cluster a, b # why b\n  users alice\n}\n\nuser alice\n";

function writePolicy(text: string, name = "a.policy"): string {
  const path = join(scratch(), name);
  writeFileSync(path, text);
  return path;
}

describe("policyc fmt", () => {
  it("rewrites a file in the canonical layout, keeping its comments", () => {
    const path = writePolicy(MESSY);
    expect(runCli(["fmt", path])).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(path, "utf8")).toBe(FORMATTED);
  });

  it("does not rewrite a file that is already formatted", () => {
    const path = writePolicy(FORMATTED);
    const before = statSync(path).mtimeMs;
    expect(runCli(["fmt", path]).status).toBe(0);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it("formats every file given and leaves no temporary file behind", () => {
    const first = writePolicy(MESSY);
    const second = writePolicy("tenant   t\n", "b.policy");
    expect(runCli(["fmt", first, second]).status).toBe(0);
    expect(readFileSync(second, "utf8")).toBe("tenant t\n");
    expect(readdirSync(join(second, ".."))).toEqual(["b.policy"]);
  });

  it("reports syntax errors, exits 1 and leaves the file untouched", () => {
    const path = writePolicy("role r { cluster }\n");
    const result = runCli(["fmt", path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/a\.policy:1:\d+: error PC1004/);
    expect(readFileSync(path, "utf8")).toBe("role r { cluster }\n");
  });

  it("refuses a file that is not a .policy file", () => {
    const result = runCli(["fmt", "examples/async-search/roles.yml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is not a .policy file");
  });
});

describe("policyc fmt --check", () => {
  it("lists the files that are not formatted, exits 1 and writes nothing", () => {
    const messy = writePolicy(MESSY);
    const clean = writePolicy(FORMATTED, "b.policy");
    const result = runCli(["fmt", "--check", messy, clean]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${messy}\n`);
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
  });

  it("prints nothing and exits 0 when every file is formatted", () => {
    expect(runCli(["fmt", "--check", writePolicy(FORMATTED)])).toMatchObject({ status: 0, stdout: "" });
  });

  it("passes on every example's .policy file", () => {
    // Search Guard examples have no .policy file: the DSL writes OpenSearch Security policies only.
    const files = readdirSync("examples").map((name) => join("examples", name, `${name}.policy`)).filter((file) => existsSync(file));
    expect(runCli(["fmt", "--check", ...files])).toMatchObject({ status: 0, stdout: "", stderr: "" });
  });
});

describe("policyc fmt --stdout", () => {
  it("prints the formatted text and leaves the file as it is", () => {
    const path = writePolicy(MESSY);
    expect(runCli(["fmt", "--stdout", path])).toMatchObject({ status: 0, stdout: FORMATTED });
    expect(readFileSync(path, "utf8")).toBe(MESSY);
  });

  it("takes exactly one file", () => {
    const result = runCli(["fmt", "--stdout", writePolicy(MESSY), writePolicy(MESSY, "b.policy")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("`--stdout` formats exactly one file");
  });
});
