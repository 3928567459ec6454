import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitReadError, readPolicyAtRevision } from "../../../src/analyze/diff/git-revision.js";

let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, ".."), { recursive: true });
  writeFileSync(join(repo, path), text);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "policyc-git-"));
  git("init", "--quiet");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  write("config/roles.yml", "first\n");
  write("config/notes.txt", "not policy\n");
  write("dsl/main.policy", 'import "lib/groups.policy"\n');
  write("dsl/lib/groups.policy", "# first\n");
  git("add", ".");
  git("commit", "--quiet", "-m", "first");
  write("config/roles.yml", "second\n");
  write("config/roles_mapping.yml", "added\n");
  git("add", ".");
  git("commit", "--quiet", "-m", "second");
  // The working tree differs from both commits: only the revisions may be read.
  write("config/roles.yml", "uncommitted\n");
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("reading a policy at a git revision", () => {
  it("reads a directory's YAML files as the revision holds them, not the working tree", () => {
    expect(readPolicyAtRevision("HEAD~1", "config", repo)).toEqual({ kind: "sources", files: [{ path: "config/roles.yml", text: "first\n" }] });
    expect(readPolicyAtRevision("HEAD", "config/", repo)).toEqual({
      kind: "sources",
      files: [
        { path: "config/roles.yml", text: "second\n" },
        { path: "config/roles_mapping.yml", text: "added\n" },
      ],
    });
  });

  it("reads a .policy file with the files it imports", () => {
    expect(readPolicyAtRevision("HEAD", "dsl/main.policy", repo)).toEqual({
      kind: "sources",
      files: [
        { path: "dsl/main.policy", text: 'import "lib/groups.policy"\n' },
        { path: "dsl/lib/groups.policy", text: "# first\n" },
      ],
    });
  });

  it("reads paths relative to a subdirectory of the repository", () => {
    expect(readPolicyAtRevision("HEAD~1", "roles.yml", join(repo, "config"))).toEqual({ kind: "sources", files: [{ path: "roles.yml", text: "first\n" }] });
  });

  it("fails with a message naming the path and the revision", () => {
    expect(() => readPolicyAtRevision("HEAD~1", "config/roles_mapping.yml", repo)).toThrow(GitReadError);
    expect(() => readPolicyAtRevision("HEAD~1", "config/roles_mapping.yml", repo)).toThrow(/`config\/roles_mapping.yml` is not in revision `HEAD~1`/);
    expect(() => readPolicyAtRevision("no-such-rev", "config", repo)).toThrow(/revision `no-such-rev`/);
  });
});
