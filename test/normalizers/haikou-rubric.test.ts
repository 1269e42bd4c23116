// The "haikou-rubric" family (seed 004 (a), 部门整体支出绩效自评表): the rendered fixture and the
// seed's OCR dump scored against their expected files, and each OCR repair the seed README lists
// checked on the seed row where it occurs.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../contracts/extraction.js";
import type { Document, Indicator, Report } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { figuresOf, nameLinesToNames, splitCell, variantName } from "../../normalizers/haikou-rubric/cells.js";
import { groupByWeights } from "../../normalizers/haikou-rubric/groups.js";
import { levelItems } from "../../normalizers/haikou-rubric/levels.js";
import type { RubricItem } from "../../normalizers/haikou-rubric/rows.js";
import { haikouRubric } from "../../normalizers/haikou-rubric/index.js";
import { normalize } from "../../normalizers/index.js";
import { FIXTURES, SEEDS, scoreAgainst } from "../helpers.js";
import { seedExtraction } from "../seed-dump.js";

const SEED = join(SEEDS, "004_0cc43c62b0ececd6.txt");
const SEED_EXPECTED = join(SEEDS, "expected/004_0cc43c62b0ececd6.json");
const FIXTURE = join(FIXTURES, "haikou-gaoyi.docx");
const LAYOUT = "haikou-rubric";

/** Given an expected file, return the path of a copy holding only this family's report. */
function expectedOfLayout(file: string): string {
  const doc = JSON.parse(readFileSync(file, "utf8")) as Document;
  const path = join(mkdtempSync(join(tmpdir(), "jixiao-haikou-")), "expected.json");
  writeFileSync(path, JSON.stringify({ ...doc, reports: doc.reports.filter((r) => r.layout === LAYOUT) }));
  return path;
}

function readSeed(): { report: Report; warnings: string[]; extraction: Extraction } {
  const extraction = seedExtraction(SEED);
  const fit = haikouRubric.detect(extraction)[0]!;
  const { value, warnings } = haikouRubric.normalize(extraction, fit);
  return { report: value, warnings: warnings.map((w) => `${w.code}: ${w.message}`), extraction };
}

function indicator(report: Report, name: string): Indicator {
  const found = report.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

const seed = readSeed();

describe("haikou-rubric on fixtures/haikou-gaoyi.docx", () => {
  it("reads the rubric at cell F1 100% against the fixture's expected file", async () => {
    const { document } = await extractFile(FIXTURE);
    const mine = { ...document, reports: document.reports.filter((r) => r.layout === LAYOUT) };
    const { cells, diffs } = scoreAgainst(expectedOfLayout(`${FIXTURE}.expected.json`), mine);
    expect({ f1: cells.f1, disagreements: diffs.split("\n").filter((l) => l.startsWith("expected.json ")) }).toEqual({
      f1: 1,
      disagreements: [],
    });
  });

  it("reads the whole document as two reports, the rubric first, at cell F1 100%", async () => {
    const { document } = await extractFile(FIXTURE);
    expect(document.reports.map((r) => r.layout)).toEqual(["haikou-rubric", "gaoyi-report"]);
    expect(scoreAgainst(`${FIXTURE}.expected.json`, document).cells.f1).toBe(1);
  });

  it("gives no warning on a rubric printed without OCR defects", async () => {
    const { document } = await extractFile(FIXTURE);
    expect(document.warnings.filter((w) => /rubric/.test(w.message))).toEqual([]);
  });
});

describe("haikou-rubric on seed 004's OCR dump", () => {
  it("reads the rubric at cell F1 100% against the seed's expected file", () => {
    const document = {
      schema: "jixiao/report@1",
      source: { path: "004", sha256: "0".repeat(64), format: "pdf", textLayer: "ocr", pages: null },
      reports: [seed.report],
      warnings: [],
    };
    expect(scoreAgainst(expectedOfLayout(SEED_EXPECTED), document).cells.f1).toBe(1);
  });

  it("finds two regions that do not overlap, the rubric with its title, 填报单位 and 偏差 text", () => {
    const fits = normalize(seed.extraction);
    expect(fits.value.map((r) => r.layout)).toEqual(["haikou-rubric", "gaoyi-report"]);
    expect(haikouRubric.detect(seed.extraction).map((f) => f.blocks)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8]]);
  });

  it("reads the title, 填报单位, no year, 总分 96 of 合计 100", () => {
    const { title, department, fiscalYear, totalScore, maxScore, grade } = seed.report;
    expect({ title, department, fiscalYear, totalScore, maxScore, grade }).toEqual({
      title: "部门整体支出绩效自评表",
      department: "海口市民政局",
      fiscalYear: null,
      totalScore: 96,
      maxScore: 100,
      grade: null,
    });
  });

  it("records the amounts printed on the 其中: 财政资金 row once, as the total, with the 偏差 text under the table", () => {
    expect(seed.report.budget).toEqual([
      {
        fundSource: "total",
        fundSourceRaw: "预算数",
        unit: "万元",
        unitRaw: null,
        initial: null,
        adjustment: null,
        adjusted: 6748.34,
        executed: 6696.24,
        rateReported: 0.9923,
        weight: null,
        score: null,
        deviation:
          "三、绩效目标执行过程中受到各类不可控因素产生变动等原因，导致个别资金剩余，有待进一步加快支出，下一步严格落实预算执行情况，增强绩效管理意识，提高预算管理水平。",
      },
    ]);
  });

  it("reads 26 indicators whose weights add up to 100 and scores to 96", () => {
    const { indicators } = seed.report;
    expect(indicators).toHaveLength(26);
    expect(indicators.reduce((s, i) => s + i.weight!, 0)).toBe(100);
    expect(indicators.reduce((s, i) => s + i.score!, 0)).toBe(96);
  });

  it("gives the exact warnings of the repairs it made", () => {
    expect(seed.warnings).toEqual([
      'budget-merged: rubric budget amounts printed on the row "其中: 财政资金" with 预算数 left empty: recorded once, as the total',
      'ocr-reconstructed: rubric row "二、工作整体完成情况 (40)" names no indicator and prints no figure: read as a heading fragment',
      'ocr-reconstructed: rubric name cell "特困供养人员月发放人数 / 困难供养人员月发放人数" holds OCR variants of one name: read as 特困供养人员月发放人数',
      'ocr-reconstructed: rubric figures printed on the row of "预算编制完整性" belong to "绩效指标科学性", whose row OCR merged with the one above (the 二级 weights add up only so)',
      'ocr-reconstructed: rubric 二级 "绩效目标指标管理(10)" covers 绩效目标科学性 … 绩效指标科学性 (2 items), as its weight requires, not the rows below where OCR printed it',
      'ocr-reconstructed: rubric 二级 "预算编制(10)" covers 预算编制完整性 … 预算上报及时性 (3 items), as its weight requires, not the rows below where OCR printed it',
      'ocr-reconstructed: rubric 二级 "预算执行 (25)" covers 收入预算完成率 … 财务管理规范性 (9 items), as its weight requires, not the rows below where OCR printed it',
      'ocr-reconstructed: rubric 二级 "预算管理(7)" covers 管理制度健全性 … 资产管理规范性 (4 items), as its weight requires, not the rows below where OCR printed it',
      'ocr-reconstructed: rubric 二级 "数量指标(10)" covers 特困供养人员月发放人数 … 低保人员月发放人数 (2 items), as its weight requires, not the rows below where OCR printed it',
      'ocr-reconstructed: rubric 二级 "质量指标(10)" covers 困难残疾人生活补贴和重度残疾人护理补贴发放达标率, as its weight requires, not the rows below where OCR printed it',
      'ocr-reconstructed: rubric "年内完成资金按时拨付": lone figure 10 is above the weight 5 of its label; read as the full score',
      'ocr-reconstructed: rubric "预算编制完整性": weight 2 restored as what its label 预算编制(10) leaves after the other items',
      'ocr-reconstructed: rubric "年内完成资金按时拨付": weight 5 taken from its label 时效指标(5), the row\'s lone figure not being it',
      "ocr-reconstructed: rubric item under 预算管理(7) has no 三级 name in the table; named 基础信息完善性 after the scoring listing of the same document",
      'ocr-reconstructed: rubric "预算编制完整性": score lost; 2 is what the printed total 96 leaves after the other scores',
    ]);
  });
});

describe("the rubric repairs, on the seed 004 cells where they occur", () => {
  it("reads '7<br>7' as weight 7 and score 7", () => {
    expect(figuresOf(splitCell("7<br>7").numbers)).toEqual([{ kind: "pair", weight: 7, score: 7 }]);
  });

  it("reads '4 4<br>4 4' as two pairs, one per name of the 绩效评价(8) row", () => {
    expect(figuresOf(splitCell("4 4<br>4 4").numbers)).toEqual([
      { kind: "pair", weight: 4, score: 4 },
      { kind: "pair", weight: 4, score: 4 },
    ]);
    const items = ["绩效自评覆盖率", "评价结果应用率"].map((name) => indicator(seed.report, name));
    expect(items.map((i) => [i.weight, i.score, i.criterion])).toEqual([
      [4, 4, "采用完成比率法计分; 得分=覆盖率*分值"],
      [4, 4, "采用完成比率法计分; 得分=应用率*分值"],
    ]);
  });

  it("splits a 评价标准 cell from the '<br><br>4 4' figures OCR appended to it", () => {
    const cell =
      "1. 是否按规定内容公开预决算信息; 2. 是否按规定时限公开预决算信息。一项不符合,扣分值2分之一。<br><br>2 2";
    expect(splitCell(cell)).toEqual({
      paragraphs: [["1. 是否按规定内容公开预决算信息; 2. 是否按规定时限公开预决算信息。一项不符合,扣分值2分之一。"]],
      numbers: [[2, 2]],
    });
  });

  it("gives 绩效指标科学性 the '3<br>3' of the next row and restores 预算编制完整性's lost 2 / 2", () => {
    const pick = (name: string) => [indicator(seed.report, name).weight, indicator(seed.report, name).score];
    expect([pick("绩效目标科学性"), pick("绩效指标科学性"), pick("预算编制完整性")]).toEqual([
      [7, 7],
      [3, 3],
      [2, 2],
    ]);
    expect(indicator(seed.report, "绩效指标科学性").criterion).toBeNull();
  });

  it("moves 收入预算完成率, printed under 预算编制(10), into 预算执行 (25) as the weights require", () => {
    const item = indicator(seed.report, "收入预算完成率");
    expect([item.level1, item.level2, item.level2Raw]).toEqual(["过程指标", "预算执行", "预算执行 (25)"]);
  });

  it("reads '效果(15)' in the 二级 column as the level 1, leaving level 2 null", () => {
    const item = indicator(seed.report, "部门整体效益");
    expect([item.level1, item.level1Raw, item.level2, item.level2Raw]).toEqual(["效果指标", "效果(15)", null, null]);
  });

  it("takes weights from the bracketed labels when one number column survives", () => {
    const rows = [
      "特困供养人员月发放人数",
      "低保人员月发放人数",
      "困难残疾人生活补贴和重度残疾人护理补贴发放达标率",
      "年内完成资金按时拨付",
      "部门整体效益",
      "社会公众满意度",
    ];
    expect(rows.map((name) => [indicator(seed.report, name).weight, indicator(seed.report, name).score])).toEqual([
      [5, 5],
      [5, 5],
      [10, 10],
      [5, 5],
      [9, 5],
      [6, 6],
    ]);
  });

  it("reads the repeated 二级 '质量指标(10)' on the 低保 row as an OCR echo: that row is 数量指标", () => {
    expect(indicator(seed.report, "低保人员月发放人数").level2).toBe("数量指标");
  });

  it("drops a wrapped line that repeats the end of the line above ('低保人员月发放人' / '员月发放人' / '数')", () => {
    expect(nameLinesToNames(["低保人员月发放人", "员月发放人", "数"])).toEqual(["低保人员月发放人数"]);
    expect(nameLinesToNames(["年内完成资金按时", "拨付"])).toEqual(["年内完成资金按时拨付"]);
    expect(nameLinesToNames(["绩效自评覆盖率", "评价结果应用率"])).toEqual(["绩效自评覆盖率", "评价结果应用率"]);
  });

  it("reads two near-identical names of one row as OCR variants, keeping the one closest to the description", () => {
    const description = "特困人员月发放人数包含分散特困供养人员和集中特困供养人员月发放人数";
    expect(variantName(["特困供养人员月发放人数", "困难供养人员月发放人数"], description)).toBe(
      "特困供养人员月发放人数",
    );
    expect(variantName(["绩效目标科学性", "绩效指标科学性"], description)).toBeNull();
  });

  it("names the item whose 三级 cell OCR left empty after the scoring listing of the same document", () => {
    const item = indicator(seed.report, "基础信息完善性");
    expect([item.level2, item.weight, item.score]).toEqual(["预算管理", 1, 1]);
  });

  it("reads no indicator from the heading fragment '二、工作整体完成情况 (40)'", () => {
    expect(seed.report.indicators.filter((i) => /工作整体/.test(i.name))).toEqual([]);
  });
});

describe("grouping rows under bracketed weights", () => {
  it("returns null when no run of rows adds up to a label's weight", () => {
    const units = [
      { weight: 3, soft: false },
      { weight: 3, soft: false },
    ];
    expect(groupByWeights(units, [{ weight: 10, anchors: [0], optional: false }])).toBeNull();
  });

  it("keeps the printed fill-down reading when it fits the weights", () => {
    const units = [5, 5, 10].map((weight) => ({ weight, soft: false }));
    const labels = [
      { weight: 10, anchors: [0], optional: false },
      { weight: 10, anchors: [2], optional: false },
    ];
    expect(groupByWeights(units, labels)?.groups).toEqual([
      { label: 0, start: 0, end: 2 },
      { label: 1, start: 2, end: 3 },
    ]);
  });
});

describe("levels of a rubric whose weights fit no grouping", () => {
  const item = (name: string, level2: string | null, weight: number, score: number): RubricItem => ({
    name,
    description: null,
    criterion: null,
    figures: { kind: "pair", weight, score },
    nameWeight: null,
    level1: level2 === "预算编制(10)" ? "投入(20)" : null,
    level2,
    page: null,
    lacksFigures: false,
  });

  it("fills the labels down as printed and says why", () => {
    const warnings: { code: string; message: string; page: number | null }[] = [];
    const items = [
      item("预算编制完整性", "预算编制(10)", 2, 2),
      item("预算上报及时性", null, 3, 3),
      item("收入预算完成率", "预算执行(25)", 2, 2),
    ];
    const levelled = levelItems(items, warnings);
    expect(levelled.map((i) => [i.name, i.level1Raw, i.level2Raw, i.weight, i.score])).toEqual([
      ["预算编制完整性", "投入(20)", "预算编制(10)", 2, 2],
      ["预算上报及时性", "投入(20)", "预算编制(10)", 3, 3],
      ["收入预算完成率", "投入(20)", "预算执行(25)", 2, 2],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["rubric-weights-unmatched"]);
  });
});

describe("the other families' fixtures", () => {
  it.each(["tianjin.docx", "liuzhou.docx"])("leaves %s to its own family, as exactly one report", async (name) => {
    const { document, extraction } = await extractFile(join(FIXTURES, name));
    expect(haikouRubric.detect(extraction)).toEqual([]);
    expect(document.reports.map((r) => r.layout)).toEqual([name.split(".")[0]]);
  });
});
