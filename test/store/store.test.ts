import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { openStore, StoreError } from "../../src/store/store.js";
import { fakeSha, rowCounts, seedDocuments, smallDocument, smallRaw, tempDbPath } from "./helpers.js";

describe("opening", () => {
  test("creates the database and its parent folders, in WAL mode with foreign keys on", () => {
    const file = join(dirname(tempDbPath()), "a", "b", "store.db");
    const store = openStore(file);
    expect(existsSync(file)).toBe(true);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.db.pragma("busy_timeout", { simple: true })).toBe(10_000);
    store.close();
  });

  test("refuses to open a missing database read-only and creates nothing", () => {
    const file = tempDbPath();
    expect(() => openStore(file, { readonly: true })).toThrow(new StoreError(`${file}: no such database`));
    expect(existsSync(file)).toBe(false);
  });

  test("refuses a file that is not a SQLite database", () => {
    const file = tempDbPath("notes.db");
    writeFileSync(file, "这不是数据库 (not a database)".repeat(100));
    expect(() => openStore(file)).toThrow(new StoreError(`${file}: not a SQLite database`));
  });
});

describe("writing documents", () => {
  test("skips a document whose sha256 is already stored and leaves every table unchanged", () => {
    const store = openStore(tempDbPath());
    const { doc } = seedDocuments()[0]!;
    expect(store.writeDocument(doc, smallRaw(), { size: 10 })).toBe("written");
    const before = rowCounts(store.db);
    const renamed = { ...doc, source: { ...doc.source, path: "elsewhere/copy.pdf" } };
    expect(store.writeDocument(renamed, smallRaw(), { size: 10 })).toBe("skipped");
    expect(rowCounts(store.db)).toEqual(before);
    expect(store.readDocument(doc.source.sha256)?.source.path).toBe(doc.source.path);
    store.close();
  });

  test("writes nothing of a document whose insert fails halfway", () => {
    const store = openStore(tempDbPath());
    store.writeDocument(smallDocument(fakeSha(1)), smallRaw(), { size: 1 });
    const before = rowCounts(store.db);
    // The document, its report and its first indicator are inserted before this one fails.
    store.db.exec(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON indicators WHEN NEW.name = 'boom'
                   BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    const doc = smallDocument(fakeSha(2));
    const report = doc.reports[0]!;
    report.indicators.push({ ...report.indicators[0]!, name: "boom" });
    expect(() => store.writeDocument(doc, smallRaw(), { size: 1 })).toThrow("forced failure");
    expect(rowCounts(store.db)).toEqual(before);
    expect(store.hasDocument(fakeSha(2))).toBe(false);
    store.close();
  });

  test("rolls back every document of a batch whose function throws", () => {
    const store = openStore(tempDbPath());
    expect(() =>
      store.transaction(() => {
        store.writeDocument(smallDocument(fakeSha(1), "a.pdf"), smallRaw(), { size: 1 });
        store.writeDocument(smallDocument(fakeSha(2), "b.pdf"), smallRaw(), { size: 1 });
        throw new Error("batch abandoned");
      }),
    ).toThrow("batch abandoned");
    expect(store.listDocuments()).toEqual([]);
    store.close();
  });

  test("keeps the rest of a batch when the caller catches one failing document", () => {
    const store = openStore(tempDbPath());
    store.db.exec(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON warnings WHEN NEW.code = 'boom'
                   BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    const bad = smallDocument(fakeSha(2), "bad.pdf");
    bad.warnings.push({ code: "boom", message: "", page: null });
    store.transaction(() => {
      store.writeDocument(smallDocument(fakeSha(1), "a.pdf"), smallRaw(), { size: 1 });
      expect(() => store.writeDocument(bad, smallRaw(), { size: 1 })).toThrow("forced failure");
      store.writeDocument(smallDocument(fakeSha(3), "c.pdf"), smallRaw(), { size: 1 });
    });
    expect(store.listDocuments().map((d) => d.path)).toEqual(["a.pdf", "c.pdf"]);
    expect(rowCounts(store.db)).toMatchObject({ reports: 2, indicators: 2, warnings: 2, raw_tables: 2 });
    store.close();
  });

  test("records a document without a known layout with status no-layout and keeps its raw tables", () => {
    const store = openStore(tempDbPath());
    const doc = { ...smallDocument(fakeSha(5), "odd.docx"), reports: [] };
    store.writeDocument(doc, smallRaw(), { size: 77, importedAt: "2024-05-01T08:00:00.000Z", jixiaoVersion: "9.9.9" });
    expect(store.listDocuments()).toEqual([
      {
        id: 1,
        sha256: fakeSha(5),
        path: "odd.docx",
        size: 77,
        format: "pdf",
        textLayer: "native",
        pages: 2,
        status: "no-layout",
        reportCount: 0,
        importedAt: "2024-05-01T08:00:00.000Z",
        jixiaoVersion: "9.9.9",
      },
    ]);
    expect(store.rawTables(fakeSha(5))).toEqual(smallRaw().tables);
    expect(store.db.prepare("SELECT rows_json, pages, first_page FROM raw_tables").get()).toEqual({
      rows_json: '[["三级指标","指标值"],["救助人数","≥15万人"]]',
      pages: "[2]",
      first_page: 2,
    });
    expect(store.rawTables(fakeSha(6))).toBeNull();
    expect(store.readDocument(fakeSha(6))).toBeNull();
    store.close();
  });

  test("puts the document's id, file and hash on every row, and the page on indicators and warnings", () => {
    const store = openStore(tempDbPath());
    for (const { doc } of seedDocuments()) store.writeDocument(doc, smallRaw(), { size: 1 });
    for (const table of ["reports", "budget_lines", "goals", "indicators", "projects", "warnings", "raw_tables"]) {
      const orphans = store.db
        .prepare(
          `SELECT count(*) FROM ${table} t JOIN documents d ON d.id = t.document_id
                  WHERE t.source_sha256 IS NOT d.sha256 OR t.source_path IS NOT d.path`,
        )
        .pluck()
        .get();
      expect(orphans, table).toBe(0);
    }
    const small = smallDocument(fakeSha(9), "with-pages.pdf");
    store.writeDocument(small, smallRaw(), { size: 1 });
    expect(
      store.db.prepare("SELECT page, source_path FROM indicators WHERE source_sha256 = ?").all(fakeSha(9)),
    ).toEqual([{ page: 2, source_path: "with-pages.pdf" }]);
    store.close();
  });

  test("deletes every row of a document when its documents row is deleted", () => {
    const store = openStore(tempDbPath());
    for (const { doc } of seedDocuments()) store.writeDocument(doc, smallRaw(), { size: 1 });
    store.db.prepare("DELETE FROM documents").run();
    expect(Object.values(rowCounts(store.db)).every((n) => n === 0)).toBe(true);
    store.close();
  });
});

describe("import errors", () => {
  test("keeps one row per path, with the latest reason and the number of attempts", () => {
    const store = openStore(tempDbPath());
    store.recordImportError({
      path: "bad.pdf",
      sha256: null,
      reason: "missing",
      detail: "no such file",
      at: "2024-01-01T00:00:00.000Z",
    });
    store.recordImportError({
      path: "bad.pdf",
      sha256: fakeSha(1),
      reason: "encrypted",
      detail: "password required",
      at: "2024-01-02T00:00:00.000Z",
    });
    expect(store.importErrors()).toEqual([
      {
        path: "bad.pdf",
        sha256: fakeSha(1),
        reason: "encrypted",
        detail: "password required",
        at: "2024-01-02T00:00:00.000Z",
        attempts: 2,
        jixiaoVersion: expect.any(String),
      },
    ]);
    store.close();
  });

  test("clears an error when the same path is later imported", () => {
    const store = openStore(tempDbPath());
    store.recordImportError({ path: "report.pdf", sha256: null, reason: "timeout", detail: "120 s" });
    store.recordImportError({ path: "other.pdf", sha256: null, reason: "corrupt", detail: "no xref" });
    store.writeDocument(smallDocument(fakeSha(1), "report.pdf"), smallRaw(), { size: 1 });
    expect(store.importErrors().map((e) => e.path)).toEqual(["other.pdf"]);
    store.close();
  });

  test("clears an error when the same bytes are later imported from another path, even when skipped", () => {
    const store = openStore(tempDbPath());
    store.writeDocument(smallDocument(fakeSha(1), "first.pdf"), smallRaw(), { size: 1 });
    store.recordImportError({ path: "copy.pdf", sha256: fakeSha(1), reason: "crashed", detail: "worker exited" });
    expect(store.writeDocument(smallDocument(fakeSha(1), "again.pdf"), smallRaw(), { size: 1 })).toBe("skipped");
    expect(store.importErrors()).toEqual([]);
    store.close();
  });
});

describe("read-only stores", () => {
  test("read what was written and refuse every write", () => {
    const file = tempDbPath();
    const writer = openStore(file);
    writer.writeDocument(smallDocument(fakeSha(1)), smallRaw(), { size: 1 });
    writer.close();
    const reader = openStore(file, { readonly: true });
    expect(reader.readDocument(fakeSha(1))).toEqual(smallDocument(fakeSha(1)));
    const refusal = new StoreError(`${file}: store opened read-only; cannot write`);
    expect(() => reader.writeDocument(smallDocument(fakeSha(2)), smallRaw(), { size: 1 })).toThrow(refusal);
    expect(() => reader.recordImportError({ path: "x", sha256: null, reason: "missing", detail: "" })).toThrow(refusal);
    expect(() => reader.db.exec("DELETE FROM documents")).toThrow(/readonly/);
    expect(reader.transaction(() => reader.listDocuments().length)).toBe(1);
    reader.close();
  });

  test("read while another connection writes", () => {
    const file = tempDbPath();
    const writer = openStore(file);
    writer.writeDocument(smallDocument(fakeSha(1)), smallRaw(), { size: 1 });
    const reader = openStore(file, { readonly: true });
    writer.writeDocument(smallDocument(fakeSha(2), "second.pdf"), smallRaw(), { size: 1 });
    expect(reader.listDocuments().map((d) => d.path)).toEqual(["small.pdf", "second.pdf"]);
    reader.close();
    writer.close();
  });
});
