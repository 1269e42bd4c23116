// The project-sheet family (项目支出绩效自评表): the authored fixtures (three national sheets in one
// file, scripts/fixtures/expected/project-sheet.json) in every rendering, and the sheet's parts read
// from small grids: head, 项目资金 rows by fund, goal, indicators, 总分, and what the model cannot hold.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalize } from "../../normalizers/index.js";
import type { Document, Report, Warning } from "../../contracts/model.js";
import { extractFile } from "../../src/pipeline.js";
import { FIXTURES, fixturePairs, REPO, scoreAgainst } from "../helpers.js";
import { dumpToExtraction } from "../seed-dump.js";

const HEAD = [
  "项目支出绩效自评表",
  "（2023年度）",
  "项目名称\t\t困难残疾人生活补贴和重度残疾人护理补贴\t\t\t\t\t\t",
  "主管部门\t\t江临市民政局\t\t\t实施单位\t\t江临市民政局\t",
  "项目资金（万元）\t\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
  "\t年度资金总额\t\t2380.00\t2456.80\t2456.80\t10\t100.00%\t10",
  "\t其中：当年财政拨款\t\t2380.00\t2456.80\t2456.80\t—\t100.00%\t—",
  "\t上年结转资金\t\t—\t—\t—\t—\t—\t—",
  "\t其他资金\t\t—\t—\t—\t—\t—\t—",
  "年度总体目标\t预期目标\t\t\t\t实际完成情况\t\t\t",
  "\t按月足额发放两项补贴。\t\t\t\t两项补贴按月足额发放到位。\t\t\t",
];
const INDICATORS = [
  "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
  "\t产出指标\t数量指标\t生活补贴发放人数\t≥1.8万人\t1.86万人\t45\t45\t",
  "\t\t质量指标\t补贴发放准确率\t100%\t99.8%\t25\t24\t个别对象信息变更未及时更新。",
  "\t满意度指标\t服务对象满意度指标\t补贴对象满意度\t≥90%\t95%\t20\t20\t",
  "总分\t\t\t\t\t\t100\t99\t",
];

function read(lines: string[]): { reports: Report[]; warnings: Warning[] } {
  const { value, warnings } = normalize(dumpToExtraction(lines.join("\n")));
  return { reports: value, warnings };
}

describe("project-sheet fixtures", () => {
  for (const [file, expected] of fixturePairs((f) => basename(f).startsWith("project-sheet."))) {
    it(`reads ${basename(file)} as three project sheets at cell F1 100%`, async () => {
      const { document } = await extractFile(file);
      expect(document.reports.map((r) => r.layout)).toEqual(["project-sheet", "project-sheet", "project-sheet"]);
      const { cells, diffs } = scoreAgainst(expected, document);
      if (cells.f1 < 1) console.log(diffs);
      expect(cells.f1).toBe(1);
    });
  }

  it("names the project on every indicator and keeps the warnings the careful reader wrote, in reading order", async () => {
    const { document } = await extractFile(join(FIXTURES, "project-sheet.lo.pdf"));
    const expected = JSON.parse(
      readFileSync(join(REPO, "scripts/fixtures/expected/project-sheet.json"), "utf8"),
    ) as Document;
    expect(document.reports.map((r) => [...new Set(r.indicators.map((i) => i.project))])).toEqual([
      ["城乡低保及特困人员救助供养资金"],
      ["社区养老服务设施建设补助"],
      ["困难残疾人生活补贴和重度残疾人护理补贴"],
    ]);
    expect(document.reports.map((r) => r.department)).toEqual(["江临市民政局", "江临市民政局", "江临市民政局"]);
    // The expected file gives no pages (it is shared by the DOCX and the PDFs); the PDF's warnings name page 1.
    expect(document.warnings.map(({ code, message }) => ({ code, message }))).toEqual(
      expected.warnings.map(({ code, message }) => ({ code, message })),
    );
    expect(document.warnings.map((w) => w.page)).toEqual([1]);
  });

  it("reads the second sheet, which LibreOffice splits over a page break, as one report", async () => {
    const { document } = await extractFile(join(FIXTURES, "project-sheet.lo.pdf"));
    expect(document.reports[1]!.pages).toEqual([1, 2]);
    expect(document.reports[1]!.indicators).toHaveLength(7);
    expect(document.reports[1]!.totalScore).toBe(96.25);
  });

  it("leaves the seed fixtures to their own families", async () => {
    for (const name of ["tianjin.docx", "liuzhou.docx", "project-wide.docx", "wuhan.docx"]) {
      const { document } = await extractFile(join(FIXTURES, name));
      expect(document.reports.map((r) => r.layout)).not.toContain("project-sheet");
    }
  });
});

describe("a project sheet read from its grid", () => {
  const { reports, warnings } = read([...HEAD, ...INDICATORS]);
  const report = reports[0]!;

  it("reads title, year, department (主管部门) and totals", () => {
    expect(reports.map((r) => [r.kind, r.layout])).toEqual([["project", "project-sheet"]]);
    expect([report.title, report.fiscalYear, report.department, report.totalScore, report.maxScore]).toEqual([
      "项目支出绩效自评表",
      2023,
      "江临市民政局",
      99,
      100,
    ]);
  });

  it("reads one budget line per fund that prints amounts, 当年财政拨款 as fiscal", () => {
    expect(
      report.budget.map((b) => [
        b.fundSource,
        b.fundSourceRaw,
        b.initial,
        b.adjusted,
        b.executed,
        b.rateReported,
        b.weight,
        b.score,
      ]),
    ).toEqual([
      ["total", "年度资金总额", 2380, 2456.8, 2456.8, 1, 10, 10],
      ["fiscal", "其中：当年财政拨款", 2380, 2456.8, 2456.8, 1, null, null],
    ]);
  });

  it("reads the 年度总体目标 as one goal with its 实际完成情况", () => {
    expect(report.goals).toEqual([
      { seq: null, text: "按月足额发放两项补贴。", actual: "两项补贴按月足额发放到位。", deviation: null },
    ]);
  });

  it("fills the merged 一级 cell down, leaves the 绩效指标 block label out and names the project on each row", () => {
    expect(
      report.indicators.map((i) => [
        i.project,
        i.level1,
        i.level2,
        i.name,
        i.target?.raw,
        i.actual?.raw,
        i.weight,
        i.score,
        i.deviation,
      ]),
    ).toEqual([
      [
        "困难残疾人生活补贴和重度残疾人护理补贴",
        "产出指标",
        "数量指标",
        "生活补贴发放人数",
        "≥1.8万人",
        "1.86万人",
        45,
        45,
        null,
      ],
      [
        "困难残疾人生活补贴和重度残疾人护理补贴",
        "产出指标",
        "质量指标",
        "补贴发放准确率",
        "100%",
        "99.8%",
        25,
        24,
        "个别对象信息变更未及时更新。",
      ],
      [
        "困难残疾人生活补贴和重度残疾人护理补贴",
        "满意度指标",
        "服务对象满意度指标",
        "补贴对象满意度",
        "≥90%",
        "95%",
        20,
        20,
        null,
      ],
    ]);
    expect(report.indicators.every((i) => i.extra === undefined)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("keeps an 实施单位 that is not the 主管部门, and the 联系人 and 联系电话, in the report's extra", () => {
    const lines = [...HEAD, ...INDICATORS];
    lines[3] = "主管部门\t\t江临市民政局\t\t\t实施单位\t\t江临市残疾人服务中心\t";
    lines.splice(4, 0, "项目负责人\t\t王明\t\t\t联系电话\t\t0771-5551234\t");
    const { reports, warnings } = read(lines);
    expect(reports[0]!.department).toBe("江临市民政局");
    expect(reports[0]!.extra).toEqual({
      实施单位: "江临市残疾人服务中心",
      项目负责人: "王明",
      联系电话: "0771-5551234",
    });
    expect(warnings).toEqual([]);
  });

  it("reads the national template as departments fill it: 指标N： slots left empty or ……, 本年财政拨款, levels with (N分)", () => {
    const lines = [
      ...HEAD.slice(0, 5),
      "\t年度资金总额：\t\t880\t880\t880\t10\t100%\t10",
      "\t其中：本年财政拨款\t\t880\t880\t880\t-\t\t-",
      INDICATORS[0]!,
    ];
    lines.push(
      "\t产出指标（50分）\t数量指标\t指标1：新建站点数量\t≥24个\t24个\t25\t25\t",
      "\t\t\t指标2：\t\t\t\t\t",
      "\t\t\t……\t\t\t\t\t",
      "\t\t生态效益指标\t指标1：/\t/\t/\t\t\t",
      "\t满意度指标（10分）\t服务对象满意度指标\t指标1：服务对象满意度\t≥90%\t96%\t10\t10\t",
    );
    const { reports, warnings } = read(lines);
    expect(reports[0]!.budget.map((b) => [b.fundSource, b.executed])).toEqual([
      ["total", 880],
      ["fiscal", 880],
    ]);
    expect(reports[0]!.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "指标1：新建站点数量"],
      ["满意度指标", "服务对象满意度指标", "指标1：服务对象满意度"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("gives a report no extra when the 实施单位 is the 主管部门 and nothing else is labelled", () => {
    expect(read([...HEAD, ...INDICATORS]).reports[0]!.extra).toBeUndefined();
  });

  it("keeps a carry-over (上年结转资金) out of the budget lines, in a warning and in the sum check", () => {
    const lines = [...HEAD, ...INDICATORS];
    lines[5] = "\t年度资金总额\t\t2380.00\t2500.00\t2456.80\t10\t98.27%\t9.83";
    lines[7] = "\t上年结转资金\t\t0.00\t43.20\t0.00\t—\t0.00%\t—";
    const {
      reports: [sheet],
      warnings: notes,
    } = read(lines);
    expect(sheet!.budget.map((b) => b.fundSource)).toEqual(["total", "fiscal"]);
    expect(notes).toEqual([
      {
        code: "not-represented",
        message:
          'project "困难残疾人生活补贴和重度残疾人护理补贴": 上年结转资金 (initial 0, adjusted 43.2, executed 0 万元) has no fund source in the model: not recorded as a budget line',
        page: null,
      },
    ]);
  });

  it("warns source-inconsistent when the 其中 lines do not add up to the total", () => {
    const lines = [...HEAD, ...INDICATORS];
    lines[6] = "\t其中：当年财政拨款\t\t2380.00\t2456.80\t2400.00\t—\t97.69%\t—";
    expect(read(lines).warnings).toEqual([
      {
        code: "source-inconsistent",
        message:
          'project "困难残疾人生活补贴和重度残疾人护理补贴": the executed amounts of the 其中 lines add up to 2400 万元, not the printed total 2456.8 万元',
        page: null,
      },
    ]);
  });

  it("reads a sheet continued in a second table (a page break) as one report", () => {
    const { reports: split } = read([...HEAD, ...INDICATORS.slice(0, 3), "", ...INDICATORS.slice(3)]);
    expect(split).toHaveLength(1);
    expect(split[0]!.indicators.map((i) => [i.level1, i.name])).toEqual([
      ["产出指标", "生活补贴发放人数"],
      ["产出指标", "补贴发放准确率"],
      ["满意度指标", "补贴对象满意度"],
    ]);
    expect(split[0]!.totalScore).toBe(99);
  });

  it("reads two sheets in a row as two reports, each with its own project", () => {
    const second = [...HEAD, ...INDICATORS].map((l) =>
      l.replace("困难残疾人生活补贴和重度残疾人护理补贴", "重度残疾人护理补贴"),
    );
    const { reports: two } = read([...HEAD, ...INDICATORS, "", ...second]);
    expect(two.map((r) => r.indicators[0]!.project)).toEqual([
      "困难残疾人生活补贴和重度残疾人护理补贴",
      "重度残疾人护理补贴",
    ]);
  });

  it("warns about an indicator column no header synonym names, quoting it", () => {
    const lines = [...HEAD, ...INDICATORS];
    lines[11] = "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t佐证材料";
    expect(read(lines).warnings).toEqual([
      {
        code: "column-unmapped",
        message:
          'indicator column "佐证材料" matches no header synonym (docs/headers.md): its cells are kept in each indicator\'s extra under that header',
        page: null,
      },
    ]);
  });

  it("leaves a sheet without actual or score columns to target-declaration", () => {
    const lines = [
      ...HEAD,
      "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值",
      "\t产出指标\t数量指标\t生活补贴发放人数\t≥1.8万人",
    ];
    expect(read(lines).reports.map((r) => r.layout)).toEqual(["target-declaration"]);
  });
});
