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

// One file of each kind the extractors read natively; scans (OCR) and legacy .doc/.xls (LibreOffice)
// give the store the same kind of Documents at many times the time.
const FILES = [
  ...fixturePairs((f) => !f.includes(".scan.") && !/\.(doc|xls)$/.test(f)).map(([file]) => file),
  join(FIXTURES, "bad"),
];

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
  }, 600_000);

  afterAll(() => cluster?.stop());

  it("exports the same Documents as SQLite, file for file", async () => {
    await jixiao(["export", "--db", url, "--out", join(dir, "pg")]);
    await jixiao(["export", "--db", sqlite, "--out", join(dir, "sqlite")]);
    const fromPg = exportedDocuments(join(dir, "pg"));
    expect(Object.keys(fromPg).length).toBe(FILES.length - 1);
    expect(fromPg).toEqual(exportedDocuments(join(dir, "sqlite")));
  });

  it.each(VIEWS)("computes the view %s row for row as SQLite", async (view) => {
    const rows = await viewRows(url, view);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await viewRows(sqlite, view));
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
      "version\n5\n",
    );
  });

  it("writes the HTML report with the same findings", async () => {
    const line = async (db: string, out: string) =>
      (await jixiao(["report", "--db", db, "--html", join(dir, out)])).replace(/ to \S+:/, ":");
    expect(await line(url, "report-pg")).toBe(await line(sqlite, "report-sqlite"));
  }, 300_000);
});
