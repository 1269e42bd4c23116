// The "gaoyi-report" family (seed 004 (b), 高邑县民政局部门 2021 年度整体支出绩效自评报告): the rendered
// fixtures and the seed's OCR dump scored against their expected files, each part of the narrative
// read on its own, and the same structure written by another county with other numbers.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Document, Indicator, Report } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { splitRunOnHeadings } from "../../normalizers/common/scoring-listing.js";
import { departmentOfTitle, gaoyiReport } from "../../normalizers/gaoyi-report/index.js";
import { FIXTURES, SEEDS, scoreAgainst } from "../helpers.js";
import { dumpToExtraction } from "../seed-dump.js";

const SEED = join(SEEDS, "004_0cc43c62b0ececd6.txt");
const SEED_EXPECTED = join(SEEDS, "expected/004_0cc43c62b0ececd6.json");
const LAYOUT = "gaoyi-report";

/** Given an expected file, return the path of a copy holding only this family's report. */
function expectedOfLayout(file: string): string {
  const doc = JSON.parse(readFileSync(file, "utf8")) as Document;
  const path = join(mkdtempSync(join(tmpdir(), "jixiao-gaoyi-")), "expected.json");
  writeFileSync(path, JSON.stringify({ ...doc, reports: doc.reports.filter((r) => r.layout === LAYOUT) }));
  return path;
}

/** Given a dump's text, return the one report this family reads from it and its warnings. */
function readDump(text: string): { report: Report; warnings: string[] } {
  const extraction = dumpToExtraction(text);
  const fits = gaoyiReport.detect(extraction);
  expect(fits).toHaveLength(1);
  const { value, warnings } = gaoyiReport.normalize(extraction, fits[0]!);
  return { report: value, warnings: warnings.map((w) => `${w.code}: ${w.message}`) };
}

function indicator(report: Report, name: string): Indicator {
  const found = report.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

const seedText = readFileSync(SEED, "utf8");
const seed = readDump(seedText);

async function scoreFixture(name: string): Promise<{ f1: number; disagreements: string[] }> {
  const file = join(FIXTURES, name);
  const { document } = await extractFile(file);
  const mine = { ...document, reports: document.reports.filter((r) => r.layout === LAYOUT) };
  const { cells, diffs } = scoreAgainst(expectedOfLayout(`${file}.expected.json`), mine);
  return { f1: cells.f1, disagreements: diffs.split("\n").filter((l) => l.startsWith("expected.json ")) };
}

describe("gaoyi-report on the rendered fixtures", () => {
  it("reads fixtures/haikou-gaoyi.docx at cell F1 100% against its expected file", async () => {
    expect(await scoreFixture("haikou-gaoyi.docx")).toEqual({ f1: 1, disagreements: [] });
  });

  it("reads fixtures/haikou-gaoyi.lo.pdf at cell F1 100%, splitting off the headings the PDF ran onto paragraphs", async () => {
    expect(await scoreFixture("haikou-gaoyi.lo.pdf")).toEqual({ f1: 1, disagreements: [] });
  });
});

describe("gaoyi-report on seed 004's OCR dump", () => {
  it("reads the report at cell F1 100% against the seed's expected file", () => {
    const document = {
      schema: "jixiao/report@1",
      source: { path: "004", sha256: "0".repeat(64), format: "pdf", textLayer: "ocr", pages: null },
      reports: [seed.report],
      warnings: [],
    };
    expect(scoreAgainst(expectedOfLayout(SEED_EXPECTED), document).cells.f1).toBe(1);
  });

  it("claims the report from its 附件 line to the end, leaving the rubric above to its own family", () => {
    const fits = gaoyiReport.detect(dumpToExtraction(seedText));
    expect(fits.map((f) => [f.blocks[0], f.blocks[f.blocks.length - 1], f.score])).toEqual([[9, 156, 1]]);
  });

  it("reads the title, the unit without 部门, the year, 总得分 96 of 满分 100 and the grade 优秀", () => {
    const { title, department, fiscalYear, totalScore, maxScore, grade, conclusion } = seed.report;
    expect({ title, department, fiscalYear, totalScore, maxScore, grade, conclusion }).toEqual({
      title: "高邑县民政局部门 2021 年度整体支出绩效自评报告",
      department: "高邑县民政局",
      fiscalYear: 2021,
      totalScore: 96,
      maxScore: 100,
      grade: "优秀",
      conclusion: "根据部门职责定位和各项工作履职情况进行综合评价，总得分 96 分，满分 100 分，综合绩效评价等级为优秀。",
    });
  });

  it("reads the budget from the prose: 预算收入 and its split by fund source, 决算支出 as executed", () => {
    expect(seed.report.budget.map((b) => [b.fundSource, b.fundSourceRaw, b.initial, b.executed])).toEqual([
      ["total", "2021年度预算收入 / 2021年决算支出", 6778.59, 6696.24],
      ["general_public", "一般公共预算收入", 6223.59, null],
      ["government_fund", "基金预算收入", 555, null],
      ["state_capital", "国有资本经营预算拨款收入", 0, null],
      ["other", "其他来源收入", 0, null],
    ]);
  });

  it("reads the overall goal with its 实现情况 as actual, then one goal per 分项 heading", () => {
    const { goals } = seed.report;
    expect(goals.map((g) => g.seq)).toEqual([null, 1, 2, 3, 4, 5]);
    expect(
      goals[0]!.text.endsWith(
        "农村社区综合服务设施覆盖率进一步提升；大力发展社会组织、社会工作和慈善事业。保障全县贫困户持续有效的脱贫。",
      ),
    ).toBe(true);
    expect(goals[0]!.actual!.startsWith("聚焦脱贫攻坚、特殊群体、群众关切，做好基本民生保障")).toBe(true);
    expect(goals[4]!.text).toBe(
      "加强城乡社区建设，积极开展农村社区建设实验工作。促进全县社会组织高质量发展，加强社区社会工作专业人才队伍建设，积极推动政府购买社会组织服务和社会工作岗位。",
    );
    expect(goals.slice(1).map((g) => g.actual)).toEqual([null, null, null, null, null]);
  });

  it("reads 25 scored items whose scores add up to the total 96", () => {
    const { indicators } = seed.report;
    expect(indicators).toHaveLength(25);
    expect(indicators.reduce((s, i) => s + i.score!, 0)).toBe(96);
  });

  it("reads '名称：…自评得分7分' items under a weighted heading without a weight of their own", () => {
    const item = indicator(seed.report, "绩效目标科学性");
    expect([item.level1, item.level2, item.level1Raw, item.level2Raw, item.weight, item.score]).toEqual([
      "投入指标",
      "绩效目标指标管理",
      "投入指标（20分）",
      "绩效目标指标管理（10分）",
      null,
      7,
    ]);
  });

  it("reads a weighted heading over a paragraph as one item, nested by its numbering style", () => {
    const item = indicator(seed.report, "财务管理规范性");
    expect([item.level1, item.level2, item.level2Raw, item.weight, item.score]).toEqual([
      "过程指标",
      "预算执行",
      "预算执行（25 分）",
      5,
      5,
    ]);
    expect(
      item.summary!.endsWith(
        "银行账户数量、开户程序符合规定；库存现金没有超过规定额度，无违反规定大额支取现金。自评得分 5 分。",
      ),
    ).toBe(true);
  });

  it("reads the 二级 headings scored as wholes (数量指标, 部门整体效益) as both name and level 2", () => {
    expect([indicator(seed.report, "数量指标")].map((i) => [i.level1, i.level2, i.weight, i.score])).toEqual([
      ["产出指标", "数量指标", 10, 10],
    ]);
    expect([indicator(seed.report, "部门整体效益")].map((i) => [i.level1, i.level2, i.weight, i.score])).toEqual([
      ["效果指标", "部门整体效益", 9, 5],
    ]);
  });

  it("reads the 分项绩效项目清单's three figures as 预算数, 执行数, 得分, '-' as null", () => {
    const { projects } = seed.report;
    expect(projects).toHaveLength(17);
    expect(projects.slice(0, 3).map((p) => [p.seq, p.name, p.budget, p.executed, p.balance, p.score])).toEqual([
      [1, "百岁老人补贴", 3.64, null, null, 99],
      [2, "67周岁以上老年生活补贴", 600.74, null, null, 99],
      [3, "80-89周岁困难老人生活补贴", 11.18, 11.18, null, null],
    ]);
    expect([projects[15]!.budget, projects[15]!.executed, projects[15]!.score]).toEqual([72.29, 53.29, 94]);
    expect(projects[16]!.achievement).toBe("解决家庭困难的孤儿上学难题，保障孤儿的学业。");
  });

  it("gives the exact warnings of what it left out or found inconsistent", () => {
    expect(seed.warnings).toEqual([
      'not-represented: budget item "财政专户核拨收入 0万元" is no fund source: not recorded',
      "not-represented: 决算收入 (income, with carry-overs) is not a budget figure: not recorded",
      'not-represented: table headed "姓名 / 工作单位 / 职务 / 签字" is outside the model',
      "ambiguous-layout: project list prints 3 figures under 4 headers (budget, executed, balance, score): read without balance",
      "source-inconsistent: items scored without a weight of their own: 绩效目标科学性, 绩效指标科学性, 预算编制完整性, 项目预算功能分类等编制合规性, 预算上报及时性",
    ]);
  });
});

describe("the rules hold for another county's report of the same structure", () => {
  const other = seedText
    .slice(seedText.indexOf("#### 附件 4"))
    .replace("高邑县民政局部门 2021 年度整体支出绩效自评报告", "赞皇县财政局 2022 年度部门整体支出绩效自评报告")
    .replace(
      "2021年度预算收入6778.59万元，其中：一般公共预算收入6223.59万元，基金预算收入555万元",
      "2022年度预算收入1,500.5万元，其中：一般公共预算收入1,200.5万元，基金预算收入300万元",
    )
    .replace("2021年决算支出6696.24万元", "2022年决算支出1450万元")
    .replace("自评得分7分", "自评得分6分")
    .replace("总得分 96 分", "总得分 95 分")
    .replace("等级为优秀", "等级为良好");
  const { report, warnings } = readDump(other);

  it("reads its unit, year, total and grade", () => {
    expect([report.department, report.fiscalYear, report.totalScore, report.maxScore, report.grade]).toEqual([
      "赞皇县财政局",
      2022,
      95,
      100,
      "良好",
    ]);
  });

  it("reads its budget amounts, thousands separators included", () => {
    expect(report.budget.slice(0, 3).map((b) => [b.fundSource, b.initial, b.executed])).toEqual([
      ["total", 1500.5, 1450],
      ["general_public", 1200.5, null],
      ["government_fund", 300, null],
    ]);
  });

  it("reads its scores, which add up to its own total, so no inconsistency is noted", () => {
    expect(indicator(report, "绩效目标科学性").score).toBe(6);
    expect(report.indicators.reduce((s, i) => s + i.score!, 0)).toBe(95);
    expect(warnings.filter((w) => /add up/.test(w))).toEqual([]);
  });

  it("notes a total the listed scores do not add up to", () => {
    const { warnings: noted } = readDump(other.replace("总得分 95 分", "总得分 97 分"));
    expect(noted).toContain("source-inconsistent: the listed scores add up to 95, the printed total is 97");
  });
});

describe("headings a text layer ran onto a paragraph", () => {
  it("splits '…自评得分3分。(2)预算编制(10分)' into the paragraph and the heading", () => {
    const line = {
      text: "绩效指标科学性：能准确反映绩效目标完成情况，清晰、细化、可评价、可衡量，自评得分3分。(2)预算编制(10分)",
      page: 8,
      heading: false,
    };
    expect(splitRunOnHeadings([line]).map((l) => l.text)).toEqual([
      "绩效指标科学性：能准确反映绩效目标完成情况，清晰、细化、可评价、可衡量，自评得分3分。",
      "(2)预算编制(10分)",
    ]);
  });

  it("splits a numbered heading with a comma off the end of a paragraph, and leaves numbered sentences alone", () => {
    const line = {
      text: "按标准及时、足额发放残疾人两项补贴资金。3、聚焦群众关切，提高基本社会服务幸福线",
      page: 5,
      heading: false,
    };
    expect(splitRunOnHeadings([line]).map((l) => l.text)).toEqual([
      "按标准及时、足额发放残疾人两项补贴资金。",
      "3、聚焦群众关切，提高基本社会服务幸福线",
    ]);
    const sentences = {
      text: "（4）访谈。直接听取项目管理者、实施人员的意见。（5）问卷调查。获取对项目实施效果的满意度。",
      page: 6,
      heading: false,
    };
    expect(splitRunOnHeadings([sentences])).toEqual([sentences]);
  });

  it("splits a weighted heading off the paragraph run onto it", () => {
    const line = {
      text: "(1)数量指标（10分）特困供养人员月发放人数达到496人，自评得分10分。",
      page: 10,
      heading: false,
    };
    expect(splitRunOnHeadings([line]).map((l) => l.text)).toEqual([
      "(1)数量指标（10分）",
      "特困供养人员月发放人数达到496人，自评得分10分。",
    ]);
  });
});

describe("the unit named by a report's title", () => {
  it.each([
    ["高邑县民政局部门 2021 年度整体支出绩效自评报告", "高邑县民政局"],
    ["2022年度某某市财政局部门整体支出绩效自评报告", "某某市财政局"],
  ])("reads %s as %s", (title, unit) => {
    expect(departmentOfTitle(title)).toBe(unit);
  });
});
