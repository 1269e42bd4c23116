// The real workbooks of fixtures/realdocs2 (a unit's 2021 项目支出绩效自评表 without 得分, and two
// years of a bureau's 部门整体预算绩效目标表): read by the form reader as layout `generic`, scored
// against answers recorded from their cells (fixtures/realdocs2/README.md), and nothing invented.
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "../../src/pipeline.js";
import { FIXTURES, scoreAgainst } from "../helpers.js";

const DIR = join(FIXTURES, "realdocs2");
const WORKBOOKS = [
  "sstqa-72-2021-project-self-evaluation.xlsx",
  "sstqa-1-2024-department-targets.xlsx",
  "sstqa-40-2023-department-targets.xlsx",
];

describe("the real workbooks of fixtures/realdocs2", () => {
  for (const name of WORKBOOKS) {
    it(`reads ${name} at cell F1 100%`, async () => {
      const file = join(DIR, name);
      const { document } = await extractFile(file);
      const { cells, diffs } = scoreAgainst(`${file}.expected.json`, document);
      if (cells.f1 < 1) console.log(diffs);
      expect(document.reports.map((r) => r.layout)).toEqual(["generic"]);
      expect(cells.f1).toBe(1);
    });
  }

  it("invents no score and no total on the 2021 form, which prints no 得分 column and an empty 合计 row", async () => {
    const { document } = await extractFile(join(DIR, WORKBOOKS[0]!));
    const report = document.reports[0]!;
    expect([report.totalScore, report.maxScore]).toEqual([null, null]);
    expect(report.indicators.every((i) => i.score === null)).toBe(true);
    expect(report.indicators.reduce((sum, i) => sum + (i.weight ?? 0), 0)).toBe(100);
    // The benchmark's own answers: target 39500人 against 49358人; eight indicators weigh 5.
    const jobs = report.indicators.find((i) => i.name === "城镇新增就业人数")!;
    expect([jobs.target?.raw, jobs.actual?.raw]).toEqual(["≥39500人", "49358人"]);
    expect(report.indicators.filter((i) => i.weight === 5)).toHaveLength(8);
    // The cell holds 0.88 under a percent format: what the sheet shows is 88%.
    expect(report.indicators.find((i) => i.name === "预算执行率")!.actual).toEqual({
      raw: "88%",
      op: null,
      value: 88,
      unit: "%",
    });
    expect(report.projects.map((p) => [p.name, p.budget, p.executed, p.score])).toEqual([
      ["就业补助资金", 7574, 6643, null],
    ]);
  });

  it("gives targets only on the department target tables, with the money of their key tasks as projects", async () => {
    for (const name of WORKBOOKS.slice(1)) {
      const { document } = await extractFile(join(DIR, name));
      const report = document.reports[0]!;
      expect(report.kind).toBe("department");
      expect(report.indicators.every((i) => i.actual === null && i.weight === null && i.score === null)).toBe(true);
      expect(report.budget.every((b) => b.adjusted === null && b.executed === null)).toBe(true);
      expect([report.totalScore, report.maxScore]).toEqual([null, null]);
      expect(report.projects.every((p) => p.executed === null && p.score === null)).toBe(true);
    }
  });

  it("warns how each indicator column of a form no family knows was mapped", async () => {
    const { document } = await extractFile(join(DIR, WORKBOOKS[0]!));
    expect(document.warnings.find((w) => w.code === "generic-columns")?.message).toBe(
      "indicator columns read by their headers: 指标类型 → level1; 指标名称 → name; 指标性质 → extra.指标性质; 指标值 → target; 计量单位 → unit; 指标权重 → weight; 全年完成值 → actual; 评价标准 → criterion",
    );
    expect(basename(DIR)).toBe("realdocs2");
  });
});
