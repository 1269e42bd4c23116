// Bad input: a one-line error naming the file and the reason, a non-zero exit from `extract`, and
// a recorded import error (nothing lost) from `import`, which goes on with the other files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers.js";

const BIN = join(REPO, "bin/jixiao.js");

function jixiao(...args: string[]) {
  const run = spawnSync("node", [BIN, ...args], { cwd: REPO, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const CASES: [string, string][] = [
  ["fixtures/bad/does-not-exist.docx", "missing"],
  ["fixtures/bad/not-a-docx.docx", "unsupported-format"],
  ["fixtures/bad/empty.docx", "empty"],
  ["fixtures/bad/truncated-zip.docx", "corrupt"],
  ["fixtures/bad/inflates-past-limit.docx", "too-large"],
  ["fixtures/bad/entity-expansion.docx", "corrupt"],
];

describe("extract on bad input", () => {
  for (const [file, reason] of CASES) {
    it(`exits 1 with one line naming ${file} and the reason "${reason}"`, () => {
      const { status, stdout, stderr } = jixiao("extract", file, "--json");
      expect(status).toBe(1);
      expect(stdout).toBe("");
      const lines = stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toContain(`: ${reason}: `);
    });
  }
});

describe("import with bad files among good ones", () => {
  it("records every bad file in import_errors with its reason and still imports the rest", () => {
    const db = join(mkdtempSync(join(tmpdir(), "jixiao-bad-")), "t.db");
    const good = "fixtures/tianjin.docx";
    const { status, stdout } = jixiao("import", "fixtures/bad", good, "fixtures/bad/does-not-exist.docx", "--db", db);
    expect(status).toBe(0);
    expect(stdout).toMatch(/1 imported/);
    const conn = new Database(db, { readonly: true });
    const errors = conn.prepare("SELECT path, reason FROM import_errors ORDER BY path").all() as {
      path: string;
      reason: string;
    }[];
    const docs = conn.prepare("SELECT path, status FROM documents").all() as { path: string; status: string }[];
    conn.close();
    const reasons = Object.fromEntries(errors.map((e) => [e.path, e.reason]));
    for (const [file, reason] of CASES) expect(reasons[file]).toBe(reason);
    // Nothing is lost: every file of the folder ends as a document or an import error.
    for (const name of readdirSync(join(REPO, "fixtures/bad"))) expect(reasons).toHaveProperty(`fixtures/bad/${name}`);
    expect(docs).toEqual([{ path: good, status: "ok" }]);
  });
});
