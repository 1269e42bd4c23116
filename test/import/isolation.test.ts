// A file that exhausts its worker's memory or passes the time limit is recorded with that reason,
// the worker is replaced, and the run goes on with the other files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers.js";

/** A DOCX whose document.xml holds 1.5 million paragraphs (51 MB of XML in 150 KB of ZIP). */
function heapBomb(file: string): void {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const xml = `<?xml version="1.0"?><w:document ${ns}><w:body>${"<w:p><w:r><w:t>a</w:t></w:r></w:p>".repeat(1_500_000)}</w:body></w:document>`;
  writeFileSync(file, zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8(xml) }));
}

function importWith(files: string[], db: string, ...options: string[]) {
  const run = spawnSync(
    "node",
    [join(REPO, "bin/jixiao.js"), "import", ...files, "--db", db, "--workers", "1", ...options],
    { encoding: "utf8" },
  );
  const conn = new Database(db, { readonly: true });
  const errors = conn.prepare("SELECT path, reason FROM import_errors").all();
  const details = conn.prepare("SELECT detail FROM import_errors").pluck().all();
  const documents = conn.prepare("SELECT path FROM documents").pluck().all();
  conn.close();
  return { status: run.status, errors, details, documents };
}

describe("worker isolation", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-isolation-"));
  const bomb = join(dir, "heap-bomb.docx");
  heapBomb(bomb);
  const good = join(REPO, "fixtures/liuzhou.docx");

  // The limits would refuse the bomb before it is parsed; raised, the bomb reaches the worker's memory and time limits.
  const unlimited = ["--limit", "maxParagraphs=100000000", "--limit", "maxElements=100000000"];

  it("records a file past the paragraph limit as too-large, naming the limit, and imports the next file", () => {
    const result = importWith([bomb, good], join(dir, "limit.db"));
    expect(result.status).toBe(0);
    expect(result.errors).toEqual([{ path: bomb, reason: "too-large" }]);
    expect(result.details[0]).toBe(
      "1,500,000 paragraphs, past the limit maxParagraphs=200000 (raise it with --limit maxParagraphs=N)",
    );
    expect(result.documents).toEqual([good]);
  });

  it("records a file that exhausts the worker's memory as out-of-memory and imports the next file", () => {
    const result = importWith([bomb, good], join(dir, "oom.db"), "--memory", "256", ...unlimited);
    expect(result.status).toBe(0);
    expect(result.errors).toEqual([{ path: bomb, reason: "out-of-memory" }]);
    expect(result.documents).toEqual([good]);
  });

  it("records a file that passes the per-file time limit as a timeout and imports the next file", () => {
    const result = importWith([bomb, good], join(dir, "timeout.db"), "--timeout", "3", ...unlimited);
    expect(result.status).toBe(0);
    expect(result.errors).toEqual([{ path: bomb, reason: "timeout" }]);
    expect(result.documents).toEqual([good]);
  });
});
