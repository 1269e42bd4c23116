// The wuhan family (seed 003): the rendered fixtures and the seed's dump (its tables printed one cell
// per line) scored against their expected Documents, and the repairs, each on lines from the seed.
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyBudgetLine } from "../../normalizers/common/budget.js";
import { mergeTotals } from "../../normalizers/wuhan/narrative-report.js";
import { goalOfHeading } from "../../normalizers/reader/goals.js";
import { restackStrips } from "../../normalizers/wuhan/strips.js";
import { normalize } from "../../normalizers/index.js";
import { tableToRows } from "../../contracts/extraction.js";
import { SCHEMA_ID, type BudgetLine, type Indicator, type Report, type Warning } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { FIXTURES, fixturePairs, SEEDS, scoreAgainst } from "../helpers.js";
import { dumpToExtraction, seedExtraction } from "../seed-dump.js";

const SEED = "003_99ad04c7f5e868a1";

// The report's parts in a clean grid: heading, title, the 明细表 in 元, the attached 自评表 with goal 3.
const REPORT = [
  "武汉市蔡甸区民政局",
  "2022年度整体绩效自评结果",
  "收入决算明细表",
  "单位：元",
  "项目\t年初预算数\t调整预算数\t决算数",
  "一、一般公共预算财政拨款收入\t277,992,200.00\t218,492,342.07\t218,492,342.07",
  "总 计\t277,992,200.00\t218,492,342.07\t218,492,342.07",
  "",
  "2022年度蔡甸区民政局部门整体绩效自评表",
  "单位名称\t蔡甸区民政局",
  "预算执行情况（万元）\t\t预算数（A）\t执行数（B）\t执行率（B/A）",
  "\t部门整体支出总额\t21,849.23\t21,849.23\t100%",
  "年度目标3：兜牢民生底线\t",
];

const GOAL3_ROWS = [
  "\t产出效益\t数量指标\t城乡低保救助覆盖率\t100%\t100%",
  "\t\t时效指标\t各项补助按时发放\t及时发放到位\t及时发放到位",
  "\t社会效益\t社会效益指\t保障困难群众的基本生活，促进社会稳定（是否）\t是\t是",
  "偏差大或目标未完成原因分析\t无",
];

function read(lines: string[]): { report: Report; warnings: Warning[] } {
  const { value, warnings } = normalize(dumpToExtraction(lines.join("\n")));
  expect(value.map((r) => r.layout)).toEqual(["wuhan"]);
  return { report: value[0]!, warnings };
}

const pick = (i: Indicator) => ({
  goalSeq: i.goalSeq,
  level1: i.level1,
  level2: i.level2,
  level1Raw: i.level1Raw,
  name: i.name,
  target: i.target?.raw ?? null,
  actual: i.actual?.raw ?? null,
});

function line(fundSource: BudgetLine["fundSource"], amounts: Partial<BudgetLine>): BudgetLine {
  return { ...emptyBudgetLine(fundSource, null, "万元"), ...amounts };
}

describe("wuhan fixtures and seed dump", () => {
  for (const [file, expected] of fixturePairs((f) => basename(f).startsWith("wuhan."))) {
    it(`reads ${basename(file)} as exactly one wuhan report at cell F1 100%`, async () => {
      const { document } = await extractFile(file);
      expect(document.reports.map((r) => r.layout)).toEqual(["wuhan"]);
      const { cells, diffs } = scoreAgainst(expected, document);
      if (cells.f1 < 1) console.log(diffs);
      expect(cells.f1).toBe(1);
    });
  }

  it("reads the seed dump, whose tables are printed one cell per line, at cell F1 100%", () => {
    const { value: reports, warnings } = normalize(seedExtraction(join(SEEDS, `${SEED}.txt`)));
    expect(reports.map((r) => r.layout)).toEqual(["wuhan"]);
    const { cells } = scoreAgainst(join(SEEDS, "expected", `${SEED}.json`), {
      schema: SCHEMA_ID,
      source: {},
      reports,
      warnings,
    });
    expect(cells.f1).toBe(1);
  });

  it("leaves the tianjin, liuzhou and project-wide fixtures to their own families", async () => {
    for (const name of ["tianjin.docx", "liuzhou.docx", "project-wide.docx"]) {
      const { document } = await extractFile(join(FIXTURES, name));
      expect(document.reports.map((r) => r.layout)).toEqual([name.split(".")[0]]);
    }
  });
});

describe("wuhan report parts", () => {
  it("names the department from the heading above the title, not the short 单位名称 of the 自评表", () => {
    const { report } = read([
      ...REPORT,
      "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值",
      ...GOAL3_ROWS,
    ]);
    expect([report.kind, report.department, report.title, report.fiscalYear]).toEqual([
      "department",
      "武汉市蔡甸区民政局",
      "2022年度整体绩效自评结果",
      2022,
    ]);
    expect(report.goals).toEqual([{ seq: 3, text: "兜牢民生底线", actual: null, deviation: null }]);
  });

  it("divides the 明细表's 元 by 10,000 and joins its 总计 with the 自评表's 部门整体支出总额, which supplies the 执行率", () => {
    const { report, warnings } = read([
      ...REPORT,
      "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值",
      ...GOAL3_ROWS,
    ]);
    expect(
      report.budget.map((b) => [
        b.fundSource,
        b.fundSourceRaw,
        b.unitRaw,
        b.initial,
        b.adjusted,
        b.executed,
        b.rateReported,
      ]),
    ).toEqual([
      ["total", "总 计", "元", 27799.22, 21849.234207, 21849.234207, 1],
      ["general_public", "一、一般公共预算财政拨款收入", "元", 27799.22, 21849.234207, 21849.234207, null],
    ]);
    expect(warnings.filter((w) => w.code === "budget-merged")).toEqual([
      {
        code: "budget-merged",
        message:
          "the total 总 计 (元) and 部门整体支出总额 (万元) are one line; 部门整体支出总额 supplies what 总 计 lacks",
        page: null,
      },
    ]);
  });

  it("reads 产出效益 over 数量指标 as 产出指标, and 社会效益 over 社会效益指 as 效益指标 / 社会效益指标", () => {
    const { report } = read([
      ...REPORT,
      "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值",
      ...GOAL3_ROWS,
    ]);
    expect(report.indicators.map(pick)).toEqual([
      {
        goalSeq: 3,
        level1: "产出指标",
        level2: "数量指标",
        level1Raw: "产出效益",
        name: "城乡低保救助覆盖率",
        target: "100%",
        actual: "100%",
      },
      {
        goalSeq: 3,
        level1: "产出指标",
        level2: "时效指标",
        level1Raw: "产出效益",
        name: "各项补助按时发放",
        target: "及时发放到位",
        actual: "及时发放到位",
      },
      {
        goalSeq: 3,
        level1: "效益指标",
        level2: "社会效益指标",
        level1Raw: "社会效益",
        name: "保障困难群众的基本生活，促进社会稳定（是否）",
        target: "是",
        actual: "是",
      },
    ]);
  });

  it("says which printed level labels it read as others, in one label-canonicalized warning", () => {
    const { warnings } = read([
      ...REPORT,
      "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值",
      ...GOAL3_ROWS,
    ]);
    expect(warnings.filter((w) => w.code === "label-canonicalized")).toEqual([
      {
        code: "label-canonicalized",
        message:
          "goal 3: 一级 '产出效益' read as 产出指标; goal 3: 一级 '社会效益' read as 效益指标; goal 3: 二级 '社会效益指' read as 社会效益指标",
        page: null,
      },
    ]);
  });

  it("warns where a target and its actual are printed in different units", () => {
    const { warnings } = read([
      ...REPORT,
      "年度绩效目标完成情况\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值",
      "\t产出指标\t数量指标\t新增家庭养老床位\t≥100个\t122张",
    ]);
    expect(warnings.filter((w) => w.code === "source-inconsistent")).toEqual([
      {
        code: "source-inconsistent",
        message: "'新增家庭养老床位' has target '≥100个' but actual '122张' (different units as printed)",
        page: null,
      },
    ]);
  });

  it("realigns indicator rows under a header printed one column left of its data", () => {
    const { report } = read([...REPORT, "一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值", ...GOAL3_ROWS]);
    expect(report.indicators.map((i) => [i.level2, i.name, i.target?.raw])).toEqual([
      ["数量指标", "城乡低保救助覆盖率", "100%"],
      ["时效指标", "各项补助按时发放", "及时发放到位"],
      ["社会效益指标", "保障困难群众的基本生活，促进社会稳定（是否）", "是"],
    ]);
  });

  it("stacks a table printed one cell per line back into rows and rejoins a label broken over lines", () => {
    const dump = [
      "\t一级指标",
      "\t二级指标",
      "",
      "\t",
      "\t社会效益",
      "\t社会效益指",
      "",
      "标",
      "\t保障困难群众的基本生活",
      "\t是",
      "",
      "\t偏差大或",
      "",
      "目标未完成",
      "",
      "原因分析",
      "\t无",
      "",
      "备注：基于经济性考虑。",
    ];
    const { extraction, origins } = restackStrips(dumpToExtraction(dump.join("\n")));
    const [table, note] = extraction.blocks;
    expect(table?.kind === "table" && tableToRows(table.table)).toEqual([
      ["一级指标", "二级指标", "", "", ""],
      ["", "社会效益", "社会效益指标", "保障困难群众的基本生活", "是"],
      ["偏差大或目标未完成原因分析", "无", "", "", ""],
    ]);
    expect(note).toMatchObject({ kind: "text", text: "备注：基于经济性考虑。" });
    expect(origins).toEqual([[0, 1, 2, 3, 4, 5, 6, 7], [8]]);
  });

  it("reads goals labelled 年度目标 with an Arabic or a Chinese numeral", () => {
    expect(goalOfHeading("年度目标1：健全基本养老服务体系，提升养老服务质量")).toEqual({
      seq: 1,
      text: "健全基本养老服务体系，提升养老服务质量",
    });
    expect(goalOfHeading("年度目标二")).toEqual({ seq: 2, text: "" });
    expect(goalOfHeading("年度绩效目标完成情况")).toBeNull();
  });

  it("keeps two totals that disagree, with a source-inconsistent warning", () => {
    const { lines, warnings } = mergeTotals([
      line("total", { fundSourceRaw: "总计", adjusted: 23366.996412, executed: 23366.996412 }),
      line("total", { fundSourceRaw: "部门整体支出总额", adjusted: 23400, executed: 23367, rateReported: 1 }),
    ]);
    expect(lines).toHaveLength(2);
    expect(warnings).toEqual([
      {
        code: "source-inconsistent",
        message: "two totals disagree: 总计 23366.996412 / 23366.996412 and 部门整体支出总额 23400 / 23367",
        page: null,
      },
    ]);
  });
});
