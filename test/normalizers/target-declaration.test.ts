// The target-declaration family (项目支出绩效目标申报表 / 财政项目支出绩效目标填报表): the authored
// fixture in every rendering, the five target tables of the real WPS budget (realdocs tianbaoxitong,
// pp. 31–35) scored against what a reader recorded from its pages, the three 部门决算 realdocs that
// hold no self-evaluation, and the 项目资金 pairs read from a small grid.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../../normalizers/index.js";
import type { Document } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { fixturePairs, FIXTURES, REALDOCS, scoreAgainst } from "../helpers.js";
import { dumpToExtraction } from "../seed-dump.js";

const TIANBAO = join(REALDOCS, "zxj-tianbaoxitong__1770007475548-818404804.pdf");
const TIANBAO_EXPECTED = join(FIXTURES, "realdocs/tianbaoxitong.expected.json");
const FINAL_ACCOUNTS = [
  "zxj-GOV__上海市普陀区财政局2024年度部门决算.pdf",
  "zxj-GOV__中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
  "zxj-GOV__上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
];

describe("target-declaration fixtures", () => {
  for (const [file, expected] of fixturePairs((f) => basename(f).startsWith("target-declaration."))) {
    it(`reads ${basename(file)} as two target declarations at cell F1 100%`, async () => {
      const { document } = await extractFile(file);
      expect(document.reports.map((r) => r.layout)).toEqual(["target-declaration", "target-declaration"]);
      const { cells, diffs } = scoreAgainst(expected, document);
      if (cells.f1 < 1) console.log(diffs);
      expect(cells.f1).toBe(1);
    });
  }
});

describe("the five target tables of the WPS budget (realdocs tianbaoxitong pp. 31–35)", () => {
  const read = extractFile(TIANBAO);

  it("reads them at cell F1 100% against the reading of the pages", async () => {
    const { document } = await read;
    const { cells, diffs } = scoreAgainst(TIANBAO_EXPECTED, document);
    if (cells.f1 < 1) console.log(diffs);
    expect(cells.f1).toBe(1);
  });

  it("reads one report per table, each naming its project on every indicator", async () => {
    const { document } = await read;
    expect(document.reports.map((r) => [r.kind, r.layout, r.pages, r.department, r.fiscalYear])).toEqual(
      [31, 32, 33, 34, 35].map((page) => [
        "project",
        "target-declaration",
        [page],
        "上海市普陀区人民政府万里街道办事处",
        2023,
      ]),
    );
    expect(document.reports.map((r) => [...new Set(r.indicators.map((i) => i.project))])).toEqual([
      ["新建万里街道社区公共服务中心"],
      ["就业援助基地补贴"],
      ["社区环境整治和建设经费"],
      ["各类工作经费"],
      ["公共服务设施运行经费"],
    ]);
    expect(document.reports.map((r) => r.indicators.length)).toEqual([5, 4, 4, 43, 9]);
  });

  it("invents no actual, weight, score, total or grade: the tables print targets only", async () => {
    const { document } = await read;
    const indicators = document.reports.flatMap((r) => r.indicators);
    expect(
      indicators.filter((i) => i.actual !== null || i.weight !== null || i.score !== null || i.summary !== null),
    ).toEqual([]);
    expect(indicators.filter((i) => i.target === null)).toEqual([]);
    expect(document.reports.map((r) => [r.totalScore, r.maxScore, r.grade])).toEqual(Array(5).fill([null, null, null]));
    expect(
      document.reports
        .flatMap((r) => r.budget)
        .filter((b) => b.adjusted !== null || b.executed !== null || b.rateReported !== null),
    ).toEqual([]);
  });

  it("reads the year's amounts in 元 as 万元 and warns where 当年财政拨款 exceeds its total (p. 35)", async () => {
    const { document } = await read;
    expect(document.reports.map((r) => r.budget.map((b) => b.initial))).toEqual([
      [410, 410, 0],
      [635.1, 635.1, 0],
      [456.38, 456.38, 0],
      [759.55, 759.55, 0],
      [1090.3043, 1141.9043, 0],
    ]);
    expect(document.warnings).toEqual([
      {
        code: "source-inconsistent",
        message:
          'project "公共服务设施运行经费": the initial amounts of the 其中 lines add up to 1141.9043 万元, not the printed total 1090.3043 万元',
        page: 35,
      },
    ]);
  });

  it("takes the unit printed in brackets after the number", async () => {
    const { document } = await read;
    expect(document.reports[0]!.indicators[0]!.target).toEqual({
      raw: "≥13459.00(平方米)",
      op: ">=",
      value: 13459,
      unit: "平方米",
    });
    expect(document.reports[3]!.indicators[7]!.target).toEqual({
      raw: "≥100.00(人数)",
      op: ">=",
      value: 100,
      unit: "人数",
    });
  });

  it("matches the expected file's source", async () => {
    const { document } = await read;
    const expected = JSON.parse(readFileSync(TIANBAO_EXPECTED, "utf8")) as Document;
    expect({ ...document.source, path: basename(document.source.path) }).toEqual(expected.source);
  });
});

describe("the 部门决算 realdocs, which hold no self-evaluation table", () => {
  for (const name of FINAL_ACCOUNTS) {
    it(`yields no report from ${name}, with a no-layout warning`, async () => {
      const { document, extraction } = await extractFile(join(REALDOCS, name));
      expect(document.reports).toEqual([]);
      expect(document.warnings.filter((w) => w.code === "no-layout")).toHaveLength(1);
      expect(extraction.blocks.some((b) => b.kind === "table")).toBe(true);
    });
  }
});

describe("a declaration read from its grid", () => {
  const SHEET = [
    "项目支出绩效目标申报表",
    "（2024年度）",
    "项目名称\t\t社区助餐服务补贴\t\t项目性质\t经常性项目\t项目类别\t民生保障类",
    "主管部门\t\t江临市民政局\t\t实施单位\t江临市民政局\t\t",
    "项目资金（元）\t\t项目资金总额\t\t6,000,000.00\t年度资金申请总额\t\t3,000,000.00",
    "\t\t其中：财政资金\t\t5,000,000.00\t其中：当年财政拨款\t\t2,500,000.00",
    "\t\t\t\t\t上年结转资金\t\t200,000.00",
    "\t\t其他资金\t\t1,000,000.00\t其他资金\t\t300,000.00",
    "项目绩效目标\t项目总目标\t\t\t\t年度总体目标\t\t",
    "\t三年内建成社区助餐点60个。\t\t\t\t年内建成社区助餐点20个。\t\t",
    "\t一级指标\t二级指标\t三级指标\t\t\t年度(/项目)指标值\t",
    "绩效指标\t产出指标\t数量指标\t新建社区助餐点\t\t\t≥20.00(个)\t",
    "\t满意度指标\t服务对象满意度指标\t老年人满意度\t\t\t≥90.00(%)\t",
  ];
  const { value: reports, warnings } = normalize(dumpToExtraction(SHEET.join("\n")));
  const report = reports[0]!;

  it("reads the year's amounts (right of 年度资金申请总额) as budget lines with initial set", () => {
    expect(reports.map((r) => [r.layout, r.title, r.fiscalYear, r.department])).toEqual([
      ["target-declaration", "项目支出绩效目标申报表", 2024, "江临市民政局"],
    ]);
    expect(
      report.budget.map((b) => [b.fundSource, b.fundSourceRaw, b.unitRaw, b.initial, b.adjusted, b.executed]),
    ).toEqual([
      ["total", "年度资金申请总额", "元", 300, null, null],
      ["fiscal", "其中：当年财政拨款", "元", 250, null, null],
      ["other", "其他资金", "元", 30, null, null],
    ]);
  });

  it("reads the 年度总体目标 as the goal and the targets alone", () => {
    expect(report.goals).toEqual([{ seq: null, text: "年内建成社区助餐点20个。", actual: null, deviation: null }]);
    expect(
      report.indicators.map((i) => [i.project, i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score]),
    ).toEqual([
      [
        "社区助餐服务补贴",
        "产出指标",
        "数量指标",
        "新建社区助餐点",
        { raw: "≥20.00(个)", op: ">=", value: 20, unit: "个" },
        null,
        null,
        null,
      ],
      [
        "社区助餐服务补贴",
        "满意度指标",
        "服务对象满意度指标",
        "老年人满意度",
        { raw: "≥90.00(%)", op: ">=", value: 90, unit: "%" },
        null,
        null,
        null,
      ],
    ]);
  });

  it("leaves a table of another width without level labels after the sheet out of it", () => {
    const { value } = normalize(dumpToExtraction([...SHEET, "", "填报人\t王芳\t联系电话\t0000-0000000"].join("\n")));
    expect(value.map((r) => r.indicators.map((i) => i.name))).toEqual([["新建社区助餐点", "老年人满意度"]]);
  });

  it("keeps the labelled fields and the whole project's goal in the report's extra", () => {
    expect(report.extra).toEqual({
      项目性质: "经常性项目",
      项目类别: "民生保障类",
      项目总目标: "三年内建成社区助餐点60个。",
    });
  });

  it("keeps the carry-over and the whole-life total in warnings, in reading order", () => {
    expect(warnings).toEqual([
      {
        code: "not-represented",
        message:
          'project "社区助餐服务补贴": 上年结转资金 20 万元 has no fund source in the model: not recorded as a budget line',
        page: null,
      },
      {
        code: "not-represented",
        message:
          "project \"社区助餐服务补贴\": 项目资金总额 600 万元 (the project's whole life) differs from the year's 年度资金申请总额 300 万元; only the year's amounts are recorded",
        page: null,
      },
    ]);
  });
});
