// Schema version 3: `Indicator.extra` stored as indicators.extra_json and read back, project keys,
// and the view `targets_vs_results`, which sets the targets a department declared with its budget
// (layout target-declaration) beside what it reported for the same project, indicator and year in
// its self-evaluation (fixtures target-declaration and project-sheet, both 江临市民政局 2023).
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import type { Document } from "../../contracts/model.js";
import { projectKey } from "../../src/store/keys.js";
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from "../../src/store/migrations.js";
import { indicatorToRow, insertSql, reportToRow, type DocContext } from "../../src/store/rows.js";
import { openStore } from "../../src/store/store.js";
import { fakeSha, fixtureDocument, storeWith, tempDbPath } from "./helpers.js";

const COLUMNS = "project, name, declared_raw, reported_target_raw, target_changed, actual_raw, declared_met";

function rowsOf(docs: Document[], where = "1"): unknown[][] {
  const store = storeWith(docs);
  const rows = store.db
    .prepare(`SELECT ${COLUMNS} FROM targets_vs_results WHERE ${where} ORDER BY declared_indicator_id`)
    .raw()
    .all() as unknown[][];
  store.close();
  return rows;
}

describe("targets_vs_results", () => {
  test("lines up each declared target with the result reported for the same project and indicator in the same year", () => {
    expect(rowsOf([fixtureDocument("project-sheet"), fixtureDocument("target-declaration")])).toEqual([
      ["城乡低保及特困人员救助供养资金", "城乡低保保障人数", "≥3.50(万人)", "≥3.5万人", 0, "3.62万人", 1],
      ["城乡低保及特困人员救助供养资金", "特困人员救助供养人数", "≥0.40(万人)", "≥0.4万人", 0, "0.41万人", 1],
      ["城乡低保及特困人员救助供养资金", "低保对象认定准确率", "≥98.00(%)", "≥98%", 0, "98.6%", 1],
      // Declared, never reported on: the result's columns stay null.
      ["城乡低保及特困人员救助供养资金", "低保动态管理覆盖率", "=100.00(%)", null, null, null, null],
      ["城乡低保及特困人员救助供养资金", "救助资金按月发放及时率", "100%", "100%", 0, "100%", null],
      ["城乡低保及特困人员救助供养资金", "人均月救助成本", "≤1100.00(元)", "≤1100元", 0, "1068元", 1],
      ["城乡低保及特困人员救助供养资金", "困难群众基本生活保障水平", "有效保障", "有效保障", 0, "有效保障", null],
      // Declared ≥92%, evaluated against ≥90%: changed, and the declared bound was met all the same.
      ["城乡低保及特困人员救助供养资金", "救助对象满意度", "≥92.00(%)", "≥90%", 1, "93.5%", 1],
      ["社区养老服务设施建设补助", "新建社区养老服务站数量", "12(个)", "12个", 0, "12个", null],
      ["社区养老服务设施建设补助", "新增社区养老服务床位数", "≥240.00(张)", "≥240张", 0, "228张", 0],
      // "=100.00(%)" declared, "100%" printed in the self-evaluation: the same bound.
      ["社区养老服务设施建设补助", "设施验收合格率", "=100.00(%)", "100%", 0, "100%", 1],
      ["社区养老服务设施建设补助", "项目完工时间", "2023年11月底前", "2023年11月底前", 0, "2023年12月", null],
      ["社区养老服务设施建设补助", "老年人就近享受养老服务覆盖率", "≥85.00(%)", "≥85%", 0, "87%", 1],
      ["社区养老服务设施建设补助", "入住老人及家属满意度", "≥90.00(%)", "≥90%", 0, "92%", 1],
    ]);
  });

  test("lines up only the self-evaluation of the declared year", () => {
    const nextYear = fixtureDocument("project-sheet");
    nextYear.source = { ...nextYear.source, sha256: fakeSha(31), path: "2024.docx" };
    for (const report of nextYear.reports) report.fiscalYear = 2024;
    const rows = rowsOf([nextYear, fixtureDocument("target-declaration")]);
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r[3] !== null)).toEqual([]);
  });

  test("lines up a project and a department spelled differently, but not another department's", () => {
    const respelled = fixtureDocument("project-sheet");
    respelled.reports[0]!.department = "江临市民政局 ";
    for (const i of respelled.reports[0]!.indicators) i.project = "城乡低保及特困人员救助供养资金 。";
    expect(
      rowsOf([respelled, fixtureDocument("target-declaration")], "project LIKE '城乡低保%' AND actual_raw IS NOT NULL"),
    ).toHaveLength(7);
    const other = fixtureDocument("project-sheet");
    for (const r of other.reports) r.department = "江临市财政局";
    expect(rowsOf([other, fixtureDocument("target-declaration")], "actual_raw IS NOT NULL")).toEqual([]);
  });

  test("does not set a declaration beside another declaration", () => {
    const again = fixtureDocument("target-declaration");
    again.source = { ...again.source, sha256: fakeSha(32), path: "again.docx" };
    expect(rowsOf([again, fixtureDocument("target-declaration")], "reported_target_raw IS NOT NULL")).toEqual([]);
  });
});

describe("indicator extras in the store", () => {
  test("store 指标性质, 调整指标值, 得分系数 and 是否核心指标 as JSON and read them back into extra", () => {
    const doc = fixtureDocument("chongqing-sheet");
    const store = storeWith([doc]);
    const json = store.db
      .prepare(
        "SELECT json_extract(extra_json, '$.调整指标值') AS adjusted, json_extract(extra_json, '$.指标性质') AS nature FROM indicators ORDER BY ordinal",
      )
      .all();
    expect(json.slice(0, 2)).toEqual([
      { adjusted: "15", nature: "正向指标" },
      { adjusted: null, nature: "正向指标" },
    ]);
    expect(store.readDocument(doc.source.sha256)).toEqual(doc);
    store.close();
  });

  test("store null for indicators without extras, and read them back without the key", () => {
    const doc = fixtureDocument("tianjin");
    const store = storeWith([doc]);
    expect(store.db.prepare("SELECT count(*) FROM indicators WHERE extra_json IS NOT NULL").pluck().get()).toBe(0);
    const back = store.readDocument(doc.source.sha256)!;
    expect(back.reports[0]!.indicators.some((i) => "extra" in i)).toBe(false);
    expect(back).toEqual(doc);
    store.close();
  });
});

describe("migration from schema version 2 to 3", () => {
  test("adds the columns and the view, and backfills the project keys of rows written before", () => {
    const file = tempDbPath();
    const v2 = new Database(file);
    migrate(v2, file, MIGRATIONS.slice(0, 2));
    const doc = fixtureDocument("project-sheet");
    const ctx: DocContext = { documentId: 1, sha256: doc.source.sha256, path: doc.source.path };
    v2.prepare(
      "INSERT INTO documents (id, sha256, path, size, model_schema, format, text_layer, pages, status, report_count, imported_at, jixiao_version) VALUES (1, ?, ?, 1, ?, 'docx', 'native', NULL, 'ok', 1, '2024-01-01T00:00:00.000Z', '0.1.0')",
    ).run(doc.source.sha256, doc.source.path, doc.schema);
    // Write the rows as version 2 did: only the columns its tables have.
    const insertV2 = (table: string, row: Record<string, unknown>) => {
      const known = new Set(v2.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
      const kept = Object.fromEntries(Object.entries(row).filter(([k]) => known.has(k)));
      return Number(v2.prepare(insertSql(table, Object.keys(kept))).run(kept).lastInsertRowid);
    };
    const reportId = insertV2("reports", reportToRow(doc.reports[0]!, ctx, 0));
    insertV2("indicators", indicatorToRow(doc.reports[0]!.indicators[0]!, ctx, reportId, 0));
    v2.close();

    const store = openStore(file);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.db.prepare("SELECT project_key, extra_json FROM indicators").all()).toEqual([
      { project_key: projectKey("城乡低保及特困人员救助供养资金"), extra_json: null },
    ]);
    expect(store.db.prepare("SELECT count(*) FROM targets_vs_results").pluck().get()).toBe(0);
    store.close();
  });
});
