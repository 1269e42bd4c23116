// PostgreSQL as a second store: the same fixtures imported into a SQLite file and into a real
// PostgreSQL server (started here, on loopback) give the same Documents, views, findings, search
// hits and listings, and `query` cannot write.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePairs, FIXTURES } from "../helpers.js";
import { startCluster, type Cluster } from "../../scripts/pg-cluster.js";
import { exportedDocuments, jixiao, VIEWS, viewRows } from "./compare.js";
import type { Document } from "../../contracts/model.js";
import { openStore } from "../../src/store/store.js";
import { openPgStore } from "../../src/store/pg/store.js";
import { fakeSha } from "../store/helpers.js";

// Every fixture the extractors read natively, and one scan (OCR) and one .doc and .xls (LibreOffice)
// of the same form: the rest of those give the store the same kind of Documents at many times the time.
const FILES = [
  ...fixturePairs((f) => !f.includes(".scan.") && !/\.(doc|xls)$/.test(f)).map(([file]) => file),
  ...["liuzhou.scan.pdf", "liuzhou.doc", "liuzhou.xls"].map((f) => join(FIXTURES, f)),
  join(FIXTURES, "bad"),
];

/**
 * Given the Document read from the scan, return copies in which OCR findings must fire, every
 * score and weight among the figures read and every confidence set to the copy's: a total 3 below the sum read with high confidence (an
 * error), the same read with low confidence ("verify"), and with a score left unread (a total that
 * disagrees over unread rows).
 */
function plantedScans(scan: Document): Document[] {
  const copy = (n: number, confidence: number) => {
    const doc = structuredClone(scan);
    doc.source = { ...doc.source, sha256: fakeSha(n), path: `planted/${n}.pdf` };
    const report = doc.reports[0]!;
    for (const record of [...report.indicators, ...report.budget]) {
      const ocr = record.provenance?.ocr;
      if (!ocr) continue;
      const read = [record.weight, record.score].flatMap((v) => (v === null ? [] : [{ text: String(v), confidence }]));
      ocr.figures = [...ocr.figures.map((f) => ({ ...f, confidence })), ...read];
      ocr.confidence = confidence;
    }
    report.totalScore = (report.totalScore ?? 0) - 3;
    const text = String(report.totalScore);
    report.totalScoreProvenance = {
      page: 1,
      table: 0,
      row: 1,
      box: { x0: 50, y0: 700, x1: 500, y1: 720 },
      ocr: { confidence, figures: [{ text, confidence }] },
    };
    return doc;
  };
  const unread = copy(3, 0.99);
  const scored = unread.reports[0]!.indicators.find((i) => i.score !== null)!;
  scored.score = null;
  return [copy(1, 0.99), copy(2, 0.6), unread];
}

describe("the PostgreSQL store", () => {
  let cluster: Cluster;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), "jixiao-pg-store-"));
  const sqlite = join(dir, "fixtures.db");

  beforeAll(async () => {
    cluster = await startCluster();
    url = await cluster.createDatabase("fixtures");
    await jixiao(["import", ...FILES, "--db", sqlite, "--workers", "2"]);
    await jixiao(["import", ...FILES, "--db", url, "--workers", "2"]);
    const local = openStore(sqlite);
    const shared = await openPgStore(url);
    try {
      const scan = local.listDocuments().find((d) => d.path.endsWith("liuzhou.scan.pdf"))!;
      for (const doc of plantedScans(local.readDocument(scan.sha256)!)) {
        local.writeDocument(doc, { tables: [] }, { size: 1 });
        await shared.writeDocument(doc, { tables: [] }, { size: 1 });
      }
    } finally {
      local.close();
      await shared.close();
    }
  }, 600_000);

  afterAll(() => cluster?.stop());

  it("exports the same Documents as SQLite, file for file", async () => {
    await jixiao(["export", "--db", url, "--out", join(dir, "pg")]);
    await jixiao(["export", "--db", sqlite, "--out", join(dir, "sqlite")]);
    const fromPg = exportedDocuments(join(dir, "pg"));
    expect(Object.keys(fromPg).length).toBe(FILES.length - 1 + 3);
    expect(fromPg).toEqual(exportedDocuments(join(dir, "sqlite")));
  });

  it.each(VIEWS)("computes the view %s row for row as SQLite", async (view) => {
    const rows = await viewRows(url, view);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await viewRows(sqlite, view));
  });

  it("judges figures read by OCR as SQLite does: error, verify, and a total over unread rows", async () => {
    const findings = async (db: string) =>
      (JSON.parse(await jixiao(["check", "--db", db, "--format", "json"])) as Record<string, unknown>[]).filter((f) =>
        String(f.sourcePath).startsWith("planted/"),
      );
    const fromPg = await findings(url);
    expect(fromPg.map((f) => f.severity).sort()).toEqual(["error", "verify", "warning"]);
    expect(fromPg.map((f) => f.kind).sort()).toEqual(["total-mismatch", "total-mismatch", "total-unread"]);
    expect(fromPg).toEqual(await findings(sqlite));
  });

  it("finds the same findings, search hits and listing", async () => {
    expect(await jixiao(["check", "--db", url, "--format", "json"])).toBe(
      await jixiao(["check", "--db", sqlite, "--format", "json"]),
    );
    expect(await jixiao(["list", "--db", url, "--format", "json"])).toBe(
      await jixiao(["list", "--db", sqlite, "--format", "json"]),
    );
    for (const text of ["满意度", "预算", "孤儿 满意度", "资金使用"]) {
      const hits = async (db: string) =>
        (JSON.parse(await jixiao(["search", text, "--db", db, "--format", "json", "--limit", "10000"])) as unknown[])
          .map((h) => JSON.stringify(h))
          .sort();
      const fromPg = await hits(url);
      expect(fromPg.length).toBeGreaterThan(0);
      expect(fromPg).toEqual(await hits(sqlite));
    }
  });

  it("runs query in a read-only transaction", async () => {
    const count = () => jixiao(["query", "SELECT count(*) AS n FROM documents", "--db", url, "--format", "csv"]);
    const before = await count();
    await expect(jixiao(["query", "DELETE FROM documents RETURNING id", "--db", url])).rejects.toThrow(
      /read-only transaction/,
    );
    expect(await count()).toBe(before);
    expect(await jixiao(["query", "SELECT version FROM jixiao_schema", "--db", url, "--format", "csv"])).toBe(
      "version\n6\n",
    );
  });

  it("writes the HTML report with the same findings", async () => {
    const line = async (db: string, out: string) =>
      (await jixiao(["report", "--db", db, "--html", join(dir, out)])).replace(/ to \S+:/, ":");
    expect(await line(url, "report-pg")).toBe(await line(sqlite, "report-sqlite"));
  }, 300_000);
});
