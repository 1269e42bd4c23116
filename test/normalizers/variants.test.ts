// Regional column variants of the project sheet, read by the header vocabulary (docs/headers.md)
// rather than by a normalizer of their own: the Sichuan-style table (指标性质 / 指标值 / 度量单位 /
// 完成值 / 权重 / 得分 / 未完成原因分析) and the Chongqing-style one (指标名称 / 计量单位 / 指标性质 /
// 年初指标值 / 调整指标值 / 全年完成值 / 得分系数 / 指标权重 / 指标得分 / 是否核心指标).
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { patternToText, vocabularyToMarkdown, withGeneratedPart } from "../../scripts/vocabulary-doc.js";
import { completeUnit } from "../../normalizers/reader/indicator-columns.js";
import { normalize } from "../../normalizers/index.js";
import type { Indicator } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { FIXTURES, fixturePairs, REPO, scoreAgainst } from "../helpers.js";
import { dumpToExtraction } from "../seed-dump.js";

const brief = (i: Indicator) => [i.name, i.target, i.actual, i.weight, i.score, i.extra ?? null];

describe("the Sichuan- and Chongqing-style fixtures", () => {
  for (const [file, expected] of fixturePairs((f) => /^(sichuan|chongqing)-sheet\./.test(basename(f)))) {
    it(`reads ${basename(file)} as one project-sheet report at cell F1 100%`, async () => {
      const { document } = await extractFile(file);
      expect(document.reports.map((r) => r.layout)).toEqual(["project-sheet"]);
      const { cells, diffs } = scoreAgainst(expected, document);
      if (cells.f1 < 1) console.log(diffs);
      expect(cells.f1).toBe(1);
    });
  }

  it("joins the Sichuan-style 指标性质, 指标值 and 度量单位 cells into one target Value, and keeps the cells in extra", async () => {
    const { document } = await extractFile(join(FIXTURES, "sichuan-sheet.docx"));
    const rows = document.reports[0]!.indicators;
    expect(brief(rows[1]!)).toEqual([
      "新建灌排渠道长度",
      { raw: "≥38公里", op: ">=", value: 38, unit: "公里" },
      { raw: "35.6公里", op: null, value: 35.6, unit: "公里" },
      10,
      9,
      { 指标性质: "≥", 计量单位: "公里" },
    ]);
    expect(brief(rows[4]!)).toEqual([
      "亩均建设成本",
      { raw: "≤3000元/亩", op: "<=", value: 3000, unit: "元/亩" },
      { raw: "2950元/亩", op: null, value: 2950, unit: "元/亩" },
      10,
      10,
      { 指标性质: "≤", 计量单位: "元/亩" },
    ]);
    // 定性: no number, so no unit (the unit cell prints "/") and no op.
    expect(brief(rows[6]!)).toEqual([
      "建后管护机制落实",
      { raw: "落实到位", op: null, value: null, unit: null },
      { raw: "落实到位", op: null, value: null, unit: null },
      10,
      10,
      { 指标性质: "定性" },
    ]);
    expect(rows[1]!.deviation).toBe("2.4公里渠道因征地协调滞后未完工，已列入下年度计划。");
  });

  it("keeps the Chongqing-style 指标性质, 调整指标值, 得分系数 and 是否核心指标 as printed in extra, and 年初指标值 joined to its unit as the target", async () => {
    const { document } = await extractFile(join(FIXTURES, "chongqing-sheet.lo.pdf"));
    const rows = document.reports[0]!.indicators;
    expect(
      rows.map(({ extra }) => {
        const { 计量单位: _unit, ...rest } = extra ?? {};
        return rest;
      }),
    ).toEqual([
      { 指标性质: "正向指标", 调整指标值: "15", 得分系数: "1.00", 是否核心指标: "是" },
      { 指标性质: "正向指标", 得分系数: "1.00", 是否核心指标: "否" },
      { 指标性质: "正向指标", 得分系数: "1.00", 是否核心指标: "是" },
      { 指标性质: "反向指标", 得分系数: "0.80", 是否核心指标: "否" },
      { 指标性质: "反向指标", 得分系数: "1.00", 是否核心指标: "否" },
      { 指标性质: "反向指标", 得分系数: "1.00", 是否核心指标: "是" },
      { 指标性质: "定性指标", 得分系数: "1.00", 是否核心指标: "否" },
      { 指标性质: "正向指标", 得分系数: "1.00", 是否核心指标: "是" },
    ]);
    // 正向指标 says which way is better, not a bound: no op, and it is not joined.
    expect(brief(rows[0]!)).toEqual([
      "道路维修面积",
      { raw: "12万平方米", op: null, value: 12, unit: "万平方米" },
      { raw: "15.3万平方米", op: null, value: 15.3, unit: "万平方米" },
      15,
      15,
      { 指标性质: "正向指标", 调整指标值: "15", 得分系数: "1.00", 是否核心指标: "是", 计量单位: "万平方米" },
    ]);
    expect(
      document.reports[0]!.budget.map((b) => [
        b.fundSourceRaw,
        b.initial,
        b.adjusted,
        b.executed,
        b.rateReported,
        b.weight,
        b.score,
      ]),
    ).toEqual([
      ["资金总额", 3200, 3450, 3381, 0.98, 10, 9.8],
      ["其中：财政拨款", 3200, 3450, 3381, 0.98, null, null],
    ]);
  });
});

describe("columns a variant orders its own way", () => {
  const grid = (header: string, ...rows: string[]) =>
    normalize(
      dumpToExtraction(
        [
          "项目名称\t测试项目",
          "主管部门\t测试局",
          "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率",
          "\t年度资金总额\t10\t10\t10\t100%",
          header,
          ...rows,
        ].join("\n"),
      ),
    );

  it("joins the unit column only where the value cell prints a number without a unit of its own", () => {
    const { value } = grid(
      "一级指标\t二级指标\t三级指标\t计量单位\t指标值\t完成值\t权重\t得分",
      "产出指标\t数量指标\t培训人次\t人次\t500\t520人次\t50\t50",
      "\t质量指标\t合格率\t%\t≥95%\t—\t30\t0",
      "满意度指标\t服务对象满意度指标\t满意度\t—\t90\t92\t20\t20",
    );
    expect(value[0]!.indicators.map((i) => [i.target, i.actual])).toEqual([
      [
        { raw: "500人次", op: null, value: 500, unit: "人次" },
        { raw: "520人次", op: null, value: 520, unit: "人次" },
      ],
      [{ raw: "≥95%", op: ">=", value: 95, unit: "%" }, null],
      [
        { raw: "90", op: null, value: 90, unit: null },
        { raw: "92", op: null, value: 92, unit: null },
      ],
    ]);
  });

  it("never lets a blank target take the text of an extra column beside it", () => {
    const { value } = grid(
      "一级指标\t二级指标\t指标名称\t年初指标值\t调整指标值\t全年完成值\t指标权重\t指标得分",
      "产出指标\t数量指标\t维修面积\t\t15\t15.3\t100\t100",
    );
    expect(brief(value[0]!.indicators[0]!)).toEqual([
      "维修面积",
      null,
      { raw: "15.3", op: null, value: 15.3, unit: null },
      100,
      100,
      { 调整指标值: "15" },
    ]);
  });
});

describe("units printed in brackets after the number", () => {
  it("completes a Value's unit from brackets or the unit column, keeping raw as printed", () => {
    expect(completeUnit({ raw: "≥13459.00(平方米)", op: ">=", value: 13459, unit: null }, "")).toEqual({
      raw: "≥13459.00(平方米)",
      op: ">=",
      value: 13459,
      unit: "平方米",
    });
    expect(completeUnit({ raw: "=100.00（%）", op: "=", value: 100, unit: null }, "")).toEqual({
      raw: "=100.00（%）",
      op: "=",
      value: 100,
      unit: "%",
    });
    expect(completeUnit({ raw: "95", op: null, value: 95, unit: null }, "%")).toEqual({
      raw: "95",
      op: null,
      value: 95,
      unit: "%",
    });
    expect(completeUnit({ raw: "95", op: null, value: 95, unit: null }, "/")).toEqual({
      raw: "95",
      op: null,
      value: 95,
      unit: null,
    });
    expect(completeUnit({ raw: "及时", op: null, value: null, unit: null }, "%")).toEqual({
      raw: "及时",
      op: null,
      value: null,
      unit: null,
    });
    expect(completeUnit({ raw: "95%", op: null, value: 95, unit: "%" }, "个")).toEqual({
      raw: "95%",
      op: null,
      value: 95,
      unit: "%",
    });
    expect(completeUnit(null, "%")).toBe(null);
  });
});

describe("docs/headers.md, the header vocabulary in one place", () => {
  it("holds exactly the tables generated from normalizers/common/headers.ts (run scripts/headers-doc.ts after adding synonyms)", () => {
    const doc = readFileSync(join(REPO, "docs/headers.md"), "utf8");
    expect(doc).toContain(vocabularyToMarkdown());
    expect(withGeneratedPart(doc)).toBe(doc);
  });

  it("lists every synonym of the variants' columns", () => {
    const doc = readFileSync(join(REPO, "docs/headers.md"), "utf8");
    for (const header of [
      "指标性质",
      "度量单位",
      "计量单位",
      "年初指标值",
      "调整指标值",
      "全年完成值",
      "得分系数",
      "指标权重",
      "指标得分",
      "是否核心指标",
      "权重",
      "未完成原因分析",
    ]) {
      expect(doc).toMatch(new RegExp(`[|,] ${header}[ ,]`));
    }
  });

  it("writes a pattern as the header it matches, open ends as …, alternatives as the regex", () => {
    expect(patternToText(/^年度指标值\(A\)$/)).toBe("年度指标值(A)");
    expect(patternToText(/^偏差原因/)).toBe("偏差原因…");
    expect(patternToText(/执行率/)).toBe("…执行率…");
    expect(patternToText(/^年度资金(申请)?总额$/)).toBe("`/^年度资金(申请)?总额$/`");
  });
});
