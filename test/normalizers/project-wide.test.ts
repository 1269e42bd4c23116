// The project-wide family (seed 002): the rendered fixtures and the seed's dump scored against their
// expected Documents, and the repairs the dump and the form call for, each on a few rows built from
// the seed's own text.
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cellsToItems,
  itemsToSlots,
  FORM_SLOTS,
  formSlot,
  splitJoinedCell,
} from "../../normalizers/project-wide/pairs.js";
import { normalize } from "../../normalizers/index.js";
import { extractFile } from "../../src/pipeline.js";
import { SCHEMA_ID, type Indicator, type Report, type Warning } from "../../contracts/model.js";
import { FIXTURES, fixturePairs, SEEDS, scoreAgainst } from "../helpers.js";
import { dumpToExtraction, seedExtraction } from "../seed-dump.js";

const SEED = "002_e29b54d99e7d5cbf";

// A clean grid of the form: 序号, 部门名称, 项目名称, budget, spent, rate, goal, achievement, four pairs
// (数量, 质量 under 产出目标; 社会效益 under 效益目标; 服务对象满意度 under 满意度指标), 问题, 整改.
const HEAD = [
  "2021年度民政局本级部门预算项目绩效自评表",
  "单位：万元",
  "序号\t部门名称\t项目名称\t项目年度预算金额\t实际支出金额\t预算支出执行率\t年初绩效目标\t绩效目标整体完成情况\t产出目标\t\t\t\t效益目标\t\t满意度指标\t\t项目执行中存在的问题\t整改情况",
  "\t\t\t\t\t\t\t\t数量指标\t\t质量指标\t\t社会效益指标\t\t服务对象满意度指标\t\t\t",
  "\t\t\t\t\t\t\t\t年度指标内容\t完成情况\t年度指标内容\t完成情况\t年度指标内容\t完成情况\t年度指标内容\t完成情况\t\t",
];

function readRows(rows: string[]): { report: Report; warnings: Warning[] } {
  const { value, warnings } = normalize(dumpToExtraction([...HEAD, ...rows].join("\n")));
  expect(value.map((r) => r.layout)).toEqual(["project-wide"]);
  return { report: value[0]!, warnings };
}

const pick = (i: Indicator) => ({ level1: i.level1, level2: i.level2, name: i.name, summary: i.summary });

describe("project-wide fixtures and seed dump", () => {
  for (const [file, expected] of fixturePairs((f) => basename(f).startsWith("project-wide."))) {
    it(`reads ${basename(file)} as exactly one project-wide report at cell F1 100%`, async () => {
      const { document } = await extractFile(file);
      expect(document.reports.map((r) => r.layout)).toEqual(["project-wide"]);
      const { cells, diffs } = scoreAgainst(expected, document);
      if (cells.f1 < 1) console.log(diffs);
      expect(cells.f1).toBe(1);
    });
  }

  it("reads the seed dump, whose rows are shifted and whose header is garbled, at cell F1 100%", () => {
    const { value: reports, warnings } = normalize(seedExtraction(join(SEEDS, `${SEED}.txt`)));
    expect(reports.map((r) => r.layout)).toEqual(["project-wide"]);
    const { cells } = scoreAgainst(join(SEEDS, "expected", `${SEED}.json`), {
      schema: SCHEMA_ID,
      source: {},
      reports,
      warnings,
    });
    expect(cells.f1).toBe(1);
  });

  it("leaves the tianjin and liuzhou fixtures to their own families", async () => {
    for (const name of ["tianjin.docx", "liuzhou.docx"]) {
      const { document } = await extractFile(join(FIXTURES, name));
      expect(document.reports.map((r) => r.layout)).toEqual([name.split(".")[0]]);
    }
  });
});

describe("project-wide rows read by their header columns", () => {
  it("unpivots each (年度指标内容, 完成情况) pair into an indicator under the level headers that span it", () => {
    const { report } = readRows([
      "1\t\t办公设备购置\t27.28\t27.23\t100%\t配备办公设备\t达成预期目标\t购置设备不少于50件\t已完成\t设备验收合格率\t已完成\t及时更新办公设备，提升工作效率\t\t设备正常运转不低于95%\t已先成\t无\t",
    ]);
    expect(report.title).toBe("2021年度民政局本级部门预算项目绩效自评表");
    expect(report.fiscalYear).toBe(2021);
    expect(report.projects).toEqual([
      {
        seq: 1,
        name: "办公设备购置",
        category: null,
        budget: 27.28,
        executed: 27.23,
        balance: null,
        rateReported: 1,
        score: null,
        goal: "配备办公设备",
        achievement: "达成预期目标",
        problems: null,
        remedy: null,
        provenance: { page: null, table: 0, row: 3, box: null },
      },
    ]);
    expect(report.indicators.map(pick)).toEqual([
      { level1: "产出指标", level2: "数量指标", name: "购置设备不少于50件", summary: "已完成" },
      { level1: "产出指标", level2: "质量指标", name: "设备验收合格率", summary: "已完成" },
      { level1: "效益指标", level2: "社会效益指标", name: "及时更新办公设备，提升工作效率", summary: null },
      { level1: "满意度指标", level2: "服务对象满意度指标", name: "设备正常运转不低于95%", summary: "已先成" },
    ]);
    expect(report.indicators.every((i) => i.project === "办公设备购置" && i.target === null && i.actual === null)).toBe(
      true,
    );
    expect(report.indicators[0]!.level1Raw).toBe("产出目标");
  });

  it("splits a content cell that also prints its 完成情况 at the full-width semicolon", () => {
    const { report } = readRows([
      "7\t\t区人才工作专项\t4314.4\t4281.07\t99%\t打造人才队伍\t达成预期指标\t荣誉市民数50人\t已完成\t奖励及时率100%；及时完成\t\t全区社工持证率100%；有效发挥作用\t\t增强人才满意度达90%\t已先成\t无\t",
    ]);
    expect(report.indicators.map(pick).slice(1, 3)).toEqual([
      { level1: "产出指标", level2: "质量指标", name: "奖励及时率100%", summary: "及时完成" },
      { level1: "效益指标", level2: "社会效益指标", name: "全区社工持证率100%", summary: "有效发挥作用" },
    ]);
  });

  it("keeps a semicolon between two clauses of content and skips a pair printed 不适用", () => {
    const { report } = readRows([
      "2\t\t基层政权和社区建设\t35.24\t35.2\t100%\t推进社区建设\t达成预期指标\t证书不少于400本；指导换届选举工作2次以上。\t\t不适用\t\t发挥预期作用\t\t满意率大于等于95%\t已先成\t无\t",
    ]);
    expect(report.indicators.map(pick)).toEqual([
      { level1: "产出指标", level2: "数量指标", name: "证书不少于400本；指导换届选举工作2次以上。", summary: null },
      { level1: "效益指标", level2: "社会效益指标", name: "发挥预期作用", summary: null },
      { level1: "满意度指标", level2: "服务对象满意度指标", name: "满意率大于等于95%", summary: "已先成" },
    ]);
  });

  it("records the document's own inconsistencies as source-inconsistent warnings", () => {
    const { warnings } = readRows([
      "\t\t婚姻登记工作\t61.8\t63.68\t98%\t促进婚姻家庭和谐\t达成预期指标\t办理结婚10560对\t已完成\t\t\t\t\t\t\t无\t",
      "2\t\t基层政权和社区建设\t35.24\t35.2\t100%\t推进社区建设\t达成预期指标\t证书不少于400本\t已完成\t\t\t\t\t\t\t无\t",
    ]);
    expect(warnings).toEqual([
      {
        code: "source-inconsistent",
        message: "婚姻登记工作: 实际支出 63.68 / 预算 61.8 = 103% but 预算支出执行率 is printed 98%",
        page: null,
      },
      { code: "source-inconsistent", message: "project rows: 序号 1 absent; no 序号 on 婚姻登记工作", page: null },
    ]);
  });

  it("reads amounts printed in 元 as 万元", () => {
    const { value } = normalize(
      dumpToExtraction(
        [
          ...HEAD.map((line) => line.replace("单位：万元", "单位：元")),
          "1\t\t办公设备购置\t272,800.00\t272,300.00\t100%\t配备办公设备\t达成预期目标\t购置设备不少于50件\t已完成\t\t\t\t\t\t\t无\t",
        ].join("\n"),
      ),
    );
    expect(value[0]!.projects.map((p) => [p.budget, p.executed])).toEqual([[27.28, 27.23]]);
  });
});

describe("project-wide rows read cell by cell where they do not line up with the header", () => {
  it("realigns a row shifted left: the first text is the name, the first figure the budget, the middle figure the amount spent", () => {
    const { report } = readRows([
      "8\t社工助弱服务资助金\t5906.95\t5295.56\t311.39\t5985.53\t5274.37\t311.16\t100%\t确保社工队伍稳定\t达成预期指标\t完成500学时。\t已完成\t个案辅导次数达到500次\t已完成\t不适用\t社工服务机构使用单位满意率不低于90%\t已先成\t无",
    ]);
    const [project] = report.projects;
    expect([
      project!.seq,
      project!.name,
      project!.category,
      project!.budget,
      project!.executed,
      project!.rateReported,
    ]).toEqual([8, "社工助弱服务资助金", null, 5906.95, 5985.53, 1]);
    expect(report.indicators.map((i) => i.level2)).toEqual(["数量指标", "质量指标", "服务对象满意度指标"]);
  });

  it("reads a lone status where a content is due as the content, with no 完成情况", () => {
    const { items, closing } = cellsToItems([
      "提高社会救助服务水平，保证工作质量。",
      "已完成",
      "按时完成",
      "提高困难群众生活质量。",
      "已完成",
      "无",
    ]);
    expect(items).toEqual([
      { content: "提高社会救助服务水平，保证工作质量。", summary: "已完成" },
      { content: "按时完成", summary: null },
      { content: "提高困难群众生活质量。", summary: "已完成" },
    ]);
    expect(closing).toEqual(["无"]);
  });

  it("lays seven pairs onto the form's eight by leaving 可持续影响指标 empty, and eight onto all eight", () => {
    const slots = FORM_SLOTS.map((level2) => formSlot(level2, { level1Raw: null, level2Raw: null }));
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ content: `指标${i + 1}`, summary: null }));
    const levels = (n: number) => itemsToSlots(items(n), slots).placed.map(([slot]) => slot.level2);
    expect(levels(7)).toEqual([
      "数量指标",
      "质量指标",
      "时效指标",
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "服务对象满意度指标",
    ]);
    expect(levels(8)).toEqual([...FORM_SLOTS]);
  });

  it("splits only where what follows the last semicolon reads as a status", () => {
    expect(splitJoinedCell("奖励及时率100%；及时完成")).toEqual({ content: "奖励及时率100%", summary: "及时完成" });
    expect(splitJoinedCell("6月份完成当选证书订正工作；10月份完成换届选举准备工作，确保选举工作顺利进行。")).toEqual({
      content: "6月份完成当选证书订正工作；10月份完成换届选举准备工作，确保选举工作顺利进行。",
      summary: null,
    });
  });
});
