import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import type { Document } from "../../contracts/model.js";
import { departmentKey, nameKey } from "../../src/store/keys.js";
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from "../../src/store/migrations.js";
import {
  budgetToRow,
  goalToRow,
  indicatorToRow,
  insertSql,
  projectToRow,
  reportToRow,
  warningToRow,
  type DocContext,
} from "../../src/store/rows.js";
import { DOCUMENT_COLUMNS } from "../../src/store/statements.js";
import { openStore } from "../../src/store/store.js";
import { fakeSha, fixtureDocument, rowCounts, storeWith, tempDbPath } from "./helpers.js";

// Columns added after version 1 (version 2's keys, version 3's extra_json and project_key,
// version 4's provenance).
const V2_COLUMNS = new Set([
  "department_key",
  "name_key",
  "extra_json",
  "project_key",
  "provenance_json",
  "total_provenance_json",
]);

/** Given a connection at schema version 1, insert a document the way version 1 wrote it. */
function writeV1(db: Database.Database, doc: Document): void {
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row).filter((c) => !V2_COLUMNS.has(c));
    const values = Object.fromEntries(columns.map((c) => [c, row[c]]));
    return Number(db.prepare(insertSql(table, columns)).run(values).lastInsertRowid);
  };
  const document = {
    sha256: doc.source.sha256,
    path: doc.source.path,
    size: 1,
    model_schema: doc.schema,
    format: doc.source.format,
    text_layer: doc.source.textLayer,
    pages: doc.source.pages,
    status: "ok",
    report_count: doc.reports.length,
    imported_at: "2023-01-01T00:00:00.000Z",
    jixiao_version: "0.1.0",
  };
  expect(Object.keys(document)).toEqual([...DOCUMENT_COLUMNS]);
  const ctx: DocContext = {
    documentId: insert("documents", document),
    sha256: doc.source.sha256,
    path: doc.source.path,
  };
  doc.reports.forEach((report, ordinal) => {
    const id = insert("reports", reportToRow(report, ctx, ordinal));
    report.budget.forEach((b, i) => insert("budget_lines", budgetToRow(b, ctx, id, i)));
    report.goals.forEach((g, i) => insert("goals", goalToRow(g, ctx, id, i)));
    report.indicators.forEach((x, i) => insert("indicators", indicatorToRow(x, ctx, id, i)));
    report.projects.forEach((p, i) => insert("projects", projectToRow(p, ctx, id, i)));
  });
  doc.warnings.forEach((w, i) => insert("warnings", warningToRow(w, ctx, i)));
}

/** The tianjin fixture with a department spelled with full-width brackets and spaces. */
function tianjinSpelledApart(): Document {
  const doc = fixtureDocument("tianjin");
  doc.reports[0]!.department = "天津市民政局 （本级）";
  return doc;
}

describe("migration from schema version 1 to 2", () => {
  test("keeps every row of a version 1 database and backfills the keys and the search index", () => {
    const file = tempDbPath();
    const v1 = new Database(file);
    migrate(v1, file, MIGRATIONS.slice(0, 1));
    const tianjin = tianjinSpelledApart();
    const liuzhou = fixtureDocument("liuzhou");
    writeV1(v1, tianjin);
    writeV1(v1, liuzhou);
    const before = rowCounts(v1);
    expect(schemaVersion(v1)).toBe(1);
    v1.close();

    const store = openStore(file);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(rowCounts(store.db)).toEqual(before);
    expect(store.db.prepare("SELECT department, department_key FROM reports ORDER BY id").all()).toEqual([
      { department: "天津市民政局 （本级）", department_key: "天津市民政局(本级)" },
      { department: "柳州市民政局", department_key: "柳州市民政局" },
    ]);
    expect(store.db.prepare("SELECT count(*) FROM indicators WHERE name_key IS NULL").pluck().get()).toBe(0);
    expect(
      store.db
        .prepare("SELECT name_key FROM indicators WHERE name = ?")
        .pluck()
        .get("“三无”残疾人（智力为主）收养完成数量"),
    ).toBe("三无残疾人智力为主收养完成数量");
    const keys = store.db.prepare("SELECT name, name_key FROM indicators").all() as {
      name: string;
      name_key: string;
    }[];
    expect(keys.filter((k) => k.name_key !== nameKey(k.name))).toEqual([]);
    // 162 + 14 indicator names, 8 + 5 goals, and the deviations the two documents print.
    const texts = store.db.prepare("SELECT kind, count(*) AS n FROM search_index GROUP BY kind ORDER BY kind").all();
    expect(texts).toEqual(
      store.db.prepare("SELECT kind, count(*) AS n FROM search_texts GROUP BY kind ORDER BY kind").all(),
    );
    expect(texts).toContainEqual({ kind: "indicator", n: 176 });
    expect(texts).toContainEqual({ kind: "goal", n: 13 });
    expect(store.readDocument(tianjin.source.sha256)).toEqual(tianjin);
    expect(store.readDocument(liuzhou.source.sha256)).toEqual(liuzhou);
    store.close();
  });

  test("gives the same keys to rows written after the upgrade as to rows backfilled by it", () => {
    const doc = tianjinSpelledApart();
    const written = storeWith([doc]);
    const file = tempDbPath();
    const v1 = new Database(file);
    migrate(v1, file, MIGRATIONS.slice(0, 1));
    writeV1(v1, doc);
    v1.close();
    const upgraded = openStore(file);
    const keys =
      "SELECT r.department_key, i.name_key FROM indicators AS i JOIN reports AS r ON r.id = i.report_id ORDER BY i.ordinal";
    expect(upgraded.db.prepare(keys).all()).toEqual(written.db.prepare(keys).all());
    written.close();
    upgraded.close();
  });
});

describe("keys for history across years", () => {
  test("fold full-width and bracket variants, whitespace and, in names, punctuation", () => {
    expect(departmentKey("天津市民政局（本级）")).toBe("天津市民政局(本级)");
    expect(departmentKey(" 天津市民政局【本级】 ")).toBe("天津市民政局(本级)");
    expect(departmentKey("ＸＸ市 民政局〔本级〕")).toBe("xx市民政局(本级)");
    expect(departmentKey("  ")).toBe(null);
    expect(departmentKey(null)).toBe(null);
    expect(nameKey("群众满意度（%）")).toBe("群众满意度");
    expect(nameKey("群众 满意度。")).toBe("群众满意度");
    expect(nameKey("“三公”经费控制率；")).toBe("三公经费控制率");
    expect(nameKey("⼀般公共预算执行率")).toBe("一般公共预算执行率");
    expect(nameKey("——")).toBe("——");
  });

  test("line up the same indicator of the same department across two years despite different spellings", () => {
    const year = (fiscalYear: number, department: string, name: string, actual: string, n: number): Document => {
      const doc = fixtureDocument("tianjin");
      doc.source = { ...doc.source, sha256: fakeSha(n), path: `天津-${fiscalYear}.docx` };
      const report = doc.reports[0]!;
      report.fiscalYear = fiscalYear;
      report.department = department;
      report.indicators = [
        {
          ...report.indicators[0]!,
          name,
          actual: { raw: actual, op: null, value: Number.parseFloat(actual), unit: "万人" },
          page: 2,
        },
        { ...report.indicators[1]!, page: 2 },
      ];
      return doc;
    };
    const store = storeWith([
      year(2022, "天津市民政局(本级)", "计划完成低保对象救助人数(万人)", "14.64万人", 2),
      year(2021, "天津市民政局（本级）", "计划完成低保对象 救助人数（万人）", "15.2万人", 1),
      year(2022, "柳州市民政局", "计划完成低保对象救助人数(万人)", "3万人", 3),
    ]);
    const history = store.db
      .prepare(
        `SELECT department, fiscal_year, name, target_raw, actual_raw, actual_value, weight, score, source_path, page
       FROM indicator_history WHERE department_key = ? AND name_key = ? ORDER BY fiscal_year`,
      )
      .all(departmentKey("天津市民政局 (本级)"), nameKey("计划完成低保对象救助人数【万人】"));
    expect(history).toEqual([
      {
        department: "天津市民政局（本级）",
        fiscal_year: 2021,
        name: "计划完成低保对象 救助人数（万人）",
        target_raw: "≥15万人",
        actual_raw: "15.2万人",
        actual_value: 15.2,
        weight: 0.5,
        score: 0.4,
        source_path: "天津-2021.docx",
        page: 2,
      },
      {
        department: "天津市民政局(本级)",
        fiscal_year: 2022,
        name: "计划完成低保对象救助人数(万人)",
        target_raw: "≥15万人",
        actual_raw: "14.64万人",
        actual_value: 14.64,
        weight: 0.5,
        score: 0.4,
        source_path: "天津-2022.docx",
        page: 2,
      },
    ]);
    store.close();
  });
});
