// Bulk import: parallel workers, nothing lost, and resumable: kill -9 in the middle of an import
// and a re-run give exactly the same database contents as one uninterrupted run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildCorpus, fixtureSources } from "../../scripts/corpus.js";
import { FIXTURES, REPO } from "../helpers.js";

const BIN = join(REPO, "bin/jixiao.js");

function importSync(corpus: string, db: string) {
  return spawnSync("node", [BIN, "import", corpus, "--db", db, "--workers", "2"], { encoding: "utf8" });
}

/** Every table's rows, in id order, without the columns that record when the import ran. */
function contents(db: string): Record<string, unknown[]> {
  const conn = new Database(db, { readonly: true });
  const all = conn
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  // Full-text indexes are derived from the base tables; their shadow tables have no rowid to order by.
  const virtual = all.filter((t) => /VIRTUAL/i.test(t.sql)).map((t) => t.name);
  const tables = all.map((t) => t.name).filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = conn.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
    out[table] = rows.map(({ imported_at: _i, at: _a, ...rest }) => rest);
  }
  conn.close();
  return out;
}

function documentCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    const n = (conn.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
    conn.close();
    return n;
  } catch {
    return 0;
  }
}

describe("bulk import", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-resume-"));
  const corpus = join(dir, "corpus");
  const files = buildCorpus(fixtureSources(FIXTURES, [".docx"]), corpus, 60);

  it("ends every input path as a document or an import error, with 2 workers", () => {
    const db = join(dir, "full.db");
    const run = importSync(corpus, db);
    expect(run.status).toBe(0);
    const conn = new Database(db, { readonly: true });
    const docs = (conn.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
    const errors = (conn.prepare("SELECT count(*) AS n FROM import_errors").get() as { n: number }).n;
    conn.close();
    expect(docs + errors).toBe(files.length);
    expect(run.stdout).toMatch(/60 file\(s\)/);
  });

  it("gives the same database after kill -9 in the middle and a re-run as after one uninterrupted run", async () => {
    const db = join(dir, "killed.db");
    const child = spawn("node", [BIN, "import", corpus, "--db", db, "--workers", "2", "--batch", "2"], {
      stdio: "ignore",
    });
    const deadline = Date.now() + 60_000;
    while (documentCount(db) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const partial = documentCount(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(files.length);
    expect(importSync(corpus, db).status).toBe(0);
    expect(contents(db)).toEqual(contents(join(dir, "full.db")));
  });
});
