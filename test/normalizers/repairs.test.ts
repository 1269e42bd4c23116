// Repairs of extraction defects, each built from the seed text where it occurs
// (test/data/seeds/000_*.txt for tianjin, 001_*.txt for liuzhou).
import { describe, expect, it } from "vitest";
import { normalize } from "../../normalizers/index.js";
import type { Indicator, Report } from "../../contracts/model.js";
import { dumpToExtraction } from "../seed-dump.js";

const TIANJIN_HEAD = [
  "整体支出绩效自评表",
  "(2022年度)",
  "部门名称\t\t天津市民政局",
  "预算执行情况\t部门预算金额(万元)\t年初预算数\t全年预算数(A)\t全年执行数(B)\t分值\t得分\t执行率(B/A)",
  "\t\t137831.9\t114139.7\t110540.0\t10\t9.7\t96.8%",
  "年度绩效目标完成情况\t目标序号\t年度绩效目标\t实际完成情况\t\t\t偏差原因分析及改进措施\t",
  "\t3\t通过完善儿童福利及未成年人保护政策体系。\t出台4项儿童福利及未成年人保护政策。\t\t\t",
  "年度指标完成情况\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
];

function tianjinWith(rows: string[]): Report {
  const { value } = normalize(dumpToExtraction([...TIANJIN_HEAD, ...rows, "总分\t\t\t\t\t\t100\t96.5\t"].join("\n")));
  expect(value).toHaveLength(1);
  expect(value[0]!.layout).toBe("tianjin");
  return value[0]!;
}

const pick = (i: Indicator) => ({
  goalSeq: i.goalSeq,
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  target: i.target?.raw ?? null,
  weight: i.weight,
  score: i.score,
});

describe("tianjin rows with extraction defects", () => {
  it("realigns a row shifted one column right by an extra leading empty cell", () => {
    const report = tianjinWith([
      "\t绩效目标3\t产出指标\t数量指标\t计划完成养治教康孤儿数量\t≥439人/月\t477人/月\t0.5\t0.5",
    ]);
    expect(report.indicators.map(pick)).toEqual([
      {
        goalSeq: 3,
        level1: "产出指标",
        level2: "数量指标",
        name: "计划完成养治教康孤儿数量",
        target: "≥439人/月",
        weight: 0.5,
        score: 0.5,
      },
    ]);
  });

  it("moves a name printed in the first column into the 三级 column and keeps the current 二级 block", () => {
    const report = tianjinWith([
      "绩效目标3\t产出指标\t数量指标\t计划完成养治教康孤儿数量\t≥439人/月\t477人/月\t0.5\t0.5",
      "完善儿童福利及未成年人保护政策、制度、标准\t\t\t\t≥3项\t5项\t0.5\t0.5\t为健全儿童福利保障机制",
    ]);
    expect(report.indicators.map(pick)[1]).toEqual({
      goalSeq: 3,
      level1: "产出指标",
      level2: "数量指标",
      name: "完善儿童福利及未成年人保护政策、制度、标准",
      target: "≥3项",
      weight: 0.5,
      score: 0.5,
    });
    expect(report.indicators[1]!.deviation).toBe("为健全儿童福利保障机制");
  });

  it("starts a new 二级 block at a 质量指标 or 成本指标 label printed in the first column", () => {
    const report = tianjinWith([
      "绩效目标3\t产出指标\t数量指标\t计划完成养治教康孤儿数量\t≥439人/月\t477人/月\t0.5\t0.5",
      "质量指标\t\t\t养治、收治标准执行率\t=100%\t100%\t0.5\t0.5",
      "成本指标\t\t\t孤儿养治教康成本\t≤1297.3万元\t1297.3万元\t0.5\t0.5",
    ]);
    expect(report.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "计划完成养治教康孤儿数量"],
      ["产出指标", "质量指标", "养治、收治标准执行率"],
      ["产出指标", "成本指标", "孤儿养治教康成本"],
    ]);
  });

  it("reads 可持续影响指标 printed in the 一级 column as 二级 under 效益指标", () => {
    const report = tianjinWith([
      "绩效目标1\t效益指标\t社会效益指标\t持续加大救助力度，强化兜底保障\t持续加大\t持续加大救助力度，强化兜底保障\t0.5\t0.5",
      "\t可持续影响指标\t\t建立健全困难群体救助制度标准、工作开展流程\t进一步完善\t进一步完善困难群体救助制度标准、工作开展流程\t0.5\t0.5",
    ]);
    expect(report.indicators.map((i) => [i.level1, i.level2, i.level2Raw])).toEqual([
      ["效益指标", "社会效益指标", "社会效益指标"],
      ["效益指标", "可持续影响指标", "可持续影响指标"],
    ]);
  });

  it("realigns a row shifted three columns left so its weight and score land in 分值 and 得分", () => {
    const report = tianjinWith([
      "绩效目标7\t效益指标\t社会效益指标\t提升社会组织管理水平\t持续提升\t持续提升\t1\t1.0",
      "社会组织健康有序发展\t持续促进\t持续促进社会组织健康有序发展\t1\t1.0\t\t",
    ]);
    expect(report.indicators.map(pick)[1]).toEqual({
      goalSeq: 7,
      level1: "效益指标",
      level2: "社会效益指标",
      name: "社会组织健康有序发展",
      target: "持续促进",
      weight: 1,
      score: 1,
    });
  });

  it("fills merged level cells down within a goal block and starts afresh at the next goal", () => {
    const report = tianjinWith([
      "绩效目标1\t产出指标\t数量指标\t计划完成低保对象救助人数\t≥15万人\t14.64万人\t0.5\t0.4",
      "\t\t\t计划完成临时救助人数\t≥6.7万人次\t6.7万人次\t0.5\t0.5",
      "绩效目标2\t\t数量指标\t发展家庭养老床位\t≥1000张\t1208张\t0.5\t0.5",
    ]);
    expect(report.indicators.map((i) => [i.goalSeq, i.level1Raw, i.level2Raw, i.level1])).toEqual([
      [1, "产出指标", "数量指标", "产出指标"],
      [1, "产出指标", "数量指标", "产出指标"],
      [2, null, "数量指标", "产出指标"],
    ]);
  });

  it("skips the header rows repeated after a page break", () => {
    const report = tianjinWith([
      "绩效目标8\t产出指标\t数量指标\t发布民政政务信息\t≥100条\t770条\t0.5\t0.4",
      "",
      "年度指标完成情况\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
      "绩效目标8\t满意度指标\t服务对象满意度\t群众对于民政政务信息公开的满意度\t≥70%\t100%\t1\t1.0",
    ]);
    expect(report.indicators.map((i) => i.name)).toEqual(["发布民政政务信息", "群众对于民政政务信息公开的满意度"]);
    expect(report.indicators[1]!.level2).toBe("服务对象满意度指标");
  });
});

const LIUZHOU_HEAD = [
  "2022年度部门整体绩效自评表\t\t\t\t\t\t\t\t",
  "部门名称\t柳州市民政局\t\t\t\t部门编码\t202",
  "部门预算安排资金(万元)\t资金来源\t年初预算数\t\t年中预算调整数\t调整后预算数\t实际支出数\t预算执行率(%)",
  "\t合计\t16539.54\t\t-1693.77\t14845.77\t14845.77\t100.00%",
  "其他资金\t2486.51\t\t-2486.51\t0\t0",
  "自评得分(满分100分)\t97.36\t\t\t预算执行(10分)\t\t10.00",
  "部门整体支出年度绩效目标 衡量指标\t一级指标\t二级指标\t指标内容\t指标值\t分值\t实际完成值\t指标得分\t完成情况简要描述\t偏差原因及改进措施",
  "\t产出指标\t数量指标\t民办养老机构床位补助数量\t≤2300张\t5\t1700\t5\t已完成\t",
];

function liuzhouWith(rows: string[]): Report {
  const { value } = normalize(dumpToExtraction([...LIUZHOU_HEAD, ...rows].join("\n")));
  expect(value.map((r) => r.layout)).toEqual(["liuzhou"]);
  return value[0]!;
}

describe("liuzhou rows with extraction defects", () => {
  it("realigns a budget row that lost its first cell, keeping 其他资金 as its fund source", () => {
    const report = liuzhouWith([]);
    expect(
      report.budget.map((b) => [b.fundSource, b.fundSourceRaw, b.initial, b.adjustment, b.adjusted, b.executed]),
    ).toEqual([
      ["total", "合计", 16539.54, -1693.77, 14845.77, 14845.77],
      ["other", "其他资金", 2486.51, -2486.51, 0, 0],
    ]);
    expect(report.budget[0]!.weight).toBe(10);
    expect(report.budget[0]!.score).toBe(10);
    expect([report.totalScore, report.maxScore, report.fiscalYear]).toEqual([97.36, 100, 2022]);
  });

  it("realigns an indicator row shifted left and keeps it in the current 二级 block", () => {
    const report = liuzhouWith([
      "\t\t按我市实际城市社区数量安排城市社区惠民资金\t228个社区\t5\t达成预期指标\t5\t已完成\t",
    ]);
    expect(report.indicators.map(pick)[1]).toEqual({
      goalSeq: null,
      level1: "产出指标",
      level2: "数量指标",
      name: "按我市实际城市社区数量安排城市社区惠民资金",
      target: "228个社区",
      weight: 5,
      score: 5,
    });
  });

  it("reads a name that landed in the 二级 column as the name, under the 二级 block above it", () => {
    const report = liuzhouWith([
      "\t\t质量指标\t婚姻收养登记合格率；保障孤儿的福利待遇\t=100%\t5\t100\t5\t已完成\t",
      "\t开展绿色殡葬改革，做好清明祭扫保障工作\t\t实现平安清明\t5\t达成预期指标\t5\t已完成\t",
    ]);
    expect(report.indicators.map((i) => [i.level2, i.name, i.target?.raw])[2]).toEqual([
      "质量指标",
      "开展绿色殡葬改革，做好清明祭扫保障工作",
      "实现平安清明",
    ]);
  });
});
