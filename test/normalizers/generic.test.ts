// The form reader on forms no family knows (layout "generic"): columns in any order and any
// subset, values printed across columns, one level column, stacked headers, numbered goals, key
// tasks, and the warning that shows a person how each column was read.
import { describe, expect, it } from "vitest";
import { cellToGoals } from "../../normalizers/reader/goals.js";
import { parseValue, unitWordOf } from "../../normalizers/common/values.js";
import { normalize } from "../../normalizers/index.js";
import type { Indicator } from "../../contracts/model.js";
import { dumpToExtraction } from "../seed-dump.js";

const read = (...lines: string[]) => normalize(dumpToExtraction(lines.join("\n")));
const brief = (i: Indicator) => [
  i.level1,
  i.level2,
  i.name,
  i.target?.raw ?? null,
  i.actual?.raw ?? null,
  i.weight,
  i.score,
];

describe("a form no family knows", () => {
  it("reads its columns in the printed order, whatever subset it prints, as layout generic", () => {
    const { value, warnings } = read(
      "部门整体绩效自评表",
      "单位名称\t滇南县教育体育局\t\t\t",
      "指标名称\t得分\t全年实际值\t二级指标\t一级指标\t核查方式",
      "义务教育巩固率\t18\t99.2%\t质量指标\t产出指标\t抽查学籍系统",
      "校舍维修面积\t20\t1.2万平方米\t数量指标\t\t现场查看",
    );
    expect(value.map((r) => [r.layout, r.kind, r.department])).toEqual([["generic", "department", "滇南县教育体育局"]]);
    expect(value[0]!.indicators.map(brief)).toEqual([
      ["产出指标", "质量指标", "义务教育巩固率", null, "99.2%", null, 18],
      ["产出指标", "数量指标", "校舍维修面积", null, "1.2万平方米", null, 20],
    ]);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      [
        "generic-columns",
        "indicator columns read by their headers: 指标名称 → name; 得分 → score; 全年实际值 → actual; 二级指标 → level2; 一级指标 → level1; 核查方式 → unmapped",
      ],
      [
        "column-unmapped",
        'indicator column "核查方式" matches no header synonym (docs/headers.md): its cells are kept in each indicator\'s extra under that header',
      ],
    ]);
    // What the vocabulary does not know is still printed: never dropped (spec, "Reading forms never seen").
    expect(value[0]!.indicators.map((i) => i.extra?.["核查方式"])).toEqual(["抽查学籍系统", "现场查看"]);
  });

  it("reads a year-qualified header without its year, and an earlier year's column as last year's figures in extra", () => {
    const { value } = read(
      "2023年部门整体绩效目标表",
      "部门名称\t北辰市交通运输局\t\t\t\t\t",
      "一级指标\t二级指标\t三级指标\t2022年实际完成值\t2023年目标值\t计量单位",
      "产出指标\t数量指标\t农村公路养护里程\t850\t900\t公里",
      "效益指标\t社会效益指标\t群众出行满意度\t90%\t≥92%\t",
    );
    const indicators = value[0]!.indicators;
    expect(indicators.map(brief)).toEqual([
      ["产出指标", "数量指标", "农村公路养护里程", "900公里", null, null, null],
      ["效益指标", "社会效益指标", "群众出行满意度", "≥92%", null, null, null],
    ]);
    expect(indicators.map((i) => i.extra?.["2022年实际完成值"])).toEqual(["850", "90%"]);
  });

  it("reads 本年 as this year and 上年 as last year, and leaves a term that names a year (上年结转资金) whole", () => {
    const { value } = read(
      "项目绩效自评表",
      "项目名称\t农村公路养护\t\t\t",
      "一级指标\t三级指标\t上年实际完成值\t本年指标值\t本年实际完成值",
      "产出指标\t养护里程\t850公里\t900公里\t910公里",
    );
    const [indicator] = value[0]!.indicators;
    expect([indicator!.target?.raw, indicator!.actual?.raw, indicator!.extra?.["上年指标值"]]).toEqual([
      "900公里",
      "910公里",
      "850公里",
    ]);
  });

  it("joins a comparator, a number and a unit printed in three columns into one Value, and never joins a nature word", () => {
    const { value } = read(
      "项目名称\t乡村道路养护\t\t\t\t",
      "主管部门\t滇南县交通运输局\t\t\t\t",
      "指标名称\t符号\t计划值\t单位\t实际值\t指标性质",
      "养护里程\t≥\t120\t公里\t126\t定量",
      "群众满意度\t≥\t90\t%\t93\t",
      "路况改善\t\t明显\t/\t明显\t定性",
    );
    const rows = value[0]!.indicators;
    expect(rows.map((i) => [i.target, i.actual])).toEqual([
      [
        { raw: "≥120公里", op: ">=", value: 120, unit: "公里" },
        { raw: "126公里", op: null, value: 126, unit: "公里" },
      ],
      [
        { raw: "≥90%", op: ">=", value: 90, unit: "%" },
        { raw: "93%", op: null, value: 93, unit: "%" },
      ],
      [
        { raw: "明显", op: null, value: null, unit: null },
        { raw: "明显", op: null, value: null, unit: null },
      ],
    ]);
    expect(value[0]!.projects.map((p) => p.name)).toEqual(["乡村道路养护"]);
  });

  it("places the labels of a single 指标类型 column by what they say", () => {
    const { value } = read(
      "项目名称\t社区照料中心运营补贴\t\t",
      "指标类型\t指标名称\t指标值\t完成值",
      "数量指标\t服务老人人次\t≥5000人次\t5210人次",
      "效益类指标\t失能老人照护覆盖率\t≥60%\t63%",
      "管理类指标\t资金使用合规性\t合规\t合规",
    );
    expect(value[0]!.indicators.map((i) => [i.level1, i.level2, i.level1Raw, i.level2Raw])).toEqual([
      ["产出指标", "数量指标", null, "数量指标"],
      ["效益指标", null, "效益类指标", null],
      [null, null, "管理类指标", null],
    ]);
  });

  it("reads a header stacked over two rows, a level's own weight kept in extra", () => {
    const { value } = read(
      "单位名称\t滇南县卫生健康局\t\t\t\t\t\t",
      "一级指标\t\t二级指标\t\t三级指标\t\t评分标准\t得分",
      "名称\t分值\t名称\t分值\t名称\t分值\t\t",
      "决策\t20\t目标设定\t10\t绩效目标合理性\t5\t合理得5分\t5",
      "\t\t\t\t绩效指标明确性\t5\t明确得5分\t4",
      "总分\t\t\t\t\t100\t\t9",
    );
    const report = value[0]!;
    expect(
      report.indicators.map((i) => [i.level1Raw, i.level2Raw, i.level1, i.level2, i.name, i.weight, i.score, i.extra]),
    ).toEqual([
      ["决策", "目标设定", null, null, "绩效目标合理性", 5, 5, { 一级指标分值: "20", 二级指标分值: "10" }],
      ["决策", "目标设定", null, null, "绩效指标明确性", 5, 4, undefined],
    ]);
    expect([report.totalScore, report.maxScore]).toEqual([9, 100]);
  });

  it("keeps a level's own 分值 printed beside it in extra, and the 分值 after the name as the weight", () => {
    const { value } = read(
      "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分",
      "产出指标\t50\t数量指标\t30\t新建公厕\t30\t28",
    );
    expect(value[0]!.indicators.map((i) => [i.name, i.weight, i.score, i.extra])).toEqual([
      ["新建公厕", 30, 28, { 一级指标分值: "50", 二级指标分值: "30" }],
    ]);
  });

  it("places the weight after what describes the indicator (考核内容) where no name column is printed", () => {
    const { value } = read(
      "部门整体支出绩效评价指标体系及评分表",
      "单位名称：南江县卫生健康局",
      "一级指标\t分值\t二级指标\t分值\t考核内容\t评（扣）分标准\t分值\t得分\t扣分理由",
      "投入\t20\t预算编制\t10\t预算编制合理性\t编制科学得满分\t10\t9\t个别项目细化不足",
      "产出\t40\t完成数量\t20\t实际完成率\t完成率100%得满分\t20\t18\t",
    );
    const indicators = value[0]!.indicators;
    expect(indicators.map((i) => [i.name, i.criterion, i.weight, i.score, i.deviation])).toEqual([
      ["预算编制合理性", "编制科学得满分", 10, 9, "个别项目细化不足"],
      ["实际完成率", "完成率100%得满分", 20, 18, null],
    ]);
    expect(indicators.map((i) => [i.extra?.["一级指标分值"], i.extra?.["二级指标分值"]])).toEqual([
      ["20", "10"],
      ["40", "20"],
    ]);
  });

  it("joins a header row to the header words printed once above it (分值 | 得分 | 扣分理由 beside 指标值)", () => {
    const { value } = read(
      "2023年度项目支出绩效自评表",
      "项目名称\t城乡居民医保补助\t\t\t\t\t\t",
      "主管部门\t南江县医疗保障局\t\t\t实施单位\t南江县医疗保障局\t\t",
      "绩效指标\t\t\t指标值\t\t分值\t得分\t扣分理由",
      "一级指标\t二级指标\t三级指标\t目标值\t实际值\t\t\t",
      "产出指标\t数量指标\t参保人数\t≥30万人\t31.2万人\t20\t20\t",
      "\t质量指标\t报销比例\t≥70%\t68%\t20\t18\t政策调整",
      "总分\t\t\t\t\t100\t96\t",
    );
    const [report] = value;
    expect(report!.indicators.map(brief)).toEqual([
      ["产出指标", "数量指标", "参保人数", "≥30万人", "31.2万人", 20, 20],
      ["产出指标", "质量指标", "报销比例", "≥70%", "68%", 20, 18],
    ]);
    expect([report!.indicators[1]!.deviation, report!.totalScore, report!.maxScore]).toEqual(["政策调整", 96, 100]);
  });

  it("divides amounts by 10,000 under a line of its own declaring 单位：元 above a budget block whose header prints no unit", () => {
    const { value } = read(
      "2023年度部门整体支出绩效自评表",
      "单位：元",
      "部门名称\t南江县民政局\t\t\t\t\t",
      "资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分",
      "年度资金总额\t1,250,000.00\t1,300,000.00\t1,274,000.00\t98%\t10\t9.8",
      "其他资金\t50,000.00\t50,000.00\t44,000.00\t88%\t\t",
      "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
      "产出指标\t数量指标\t救助人数\t≥2000人\t2150人\t20\t20",
    );
    expect(value[0]!.budget.map((b) => [b.fundSource, b.unitRaw, b.initial, b.adjusted, b.executed])).toEqual([
      ["total", "元", 125, 130, 127.4],
      ["other", "元", 5, 5, 4.4],
    ]);
  });

  it("reads a targets table's money under 资金来源 | 年初预算数 (one amount column) in the unit a text line above declares", () => {
    const { value } = read(
      "2024年度部门整体绩效目标表",
      "单位：元",
      "部门名称\t北辰市交通运输局\t\t\t\t\t",
      "资金来源\t年初预算数\t\t\t\t\t",
      "合计\t12,500,000.00\t\t\t\t\t",
      "财政拨款\t12,000,000.00\t\t\t\t\t",
      "一级指标\t二级指标\t三级指标\t指标性质\t2023年实际完成值\t2024年目标值\t计量单位",
      "产出指标\t数量指标\t农村公路养护里程\t≥\t850\t900\t公里",
    );
    expect(value[0]!.budget.map((b) => [b.fundSource, b.unitRaw, b.initial, b.adjusted, b.executed])).toEqual([
      ["total", "元", 1250, null, null],
      ["fiscal", "元", 1200, null, null],
    ]);
  });

  it("reads the goals heading their indicators (年度目标N：…), a unit declared in a cell beside 编制单位, and the closing labels", () => {
    const { value } = read(
      "2023年度部门整体绩效自评表",
      "编制单位：临川县交通运输局			单位：元",
      "资金来源	年初预算数	全年预算数	全年执行数",
      "合计	2,400,000.00	2,500,000.00	2,450,000.00",
      "年度目标1：农村公路提档升级			",
      "一级指标	二级指标	三级指标	年初目标值	实际完成值",
      "产出指标	数量指标	农村公路改造里程	≥120公里	126公里",
      "年度目标二：客运站安全运营			",
      "一级指标	二级指标	三级指标	年初目标值	实际完成值",
      "效益指标	社会效益指标	安全事故	0起	0起",
      "偏差大或目标未完成原因分析	部分路段雨季停工		",
      "改进措施及结果应用方案	提前安排工期		",
    );
    const [report] = value;
    expect(report!.budget.map((b) => [b.fundSource, b.unitRaw, b.initial, b.adjusted, b.executed])).toEqual([
      ["total", "元", 240, 250, 245],
    ]);
    expect(report!.goals.map((g) => [g.seq, g.text])).toEqual([
      [1, "农村公路提档升级"],
      [2, "客运站安全运营"],
    ]);
    expect(report!.indicators.map((i) => [i.goalSeq, i.level1, i.name, i.target?.raw, i.actual?.raw])).toEqual([
      [1, "产出指标", "农村公路改造里程", "≥120公里", "126公里"],
      [2, "效益指标", "安全事故", "0起", "0起"],
    ]);
    expect(report!.extra).toMatchObject({ 存在问题: "部分路段雨季停工", 改进措施: "提前安排工期" });
  });

  it("names indicators by 指标内容 when no column names them, with their levels under 绩效指标 beside it", () => {
    const { value } = read(
      "2023年度项目支出绩效自评表",
      "项目名称\t边境村寨饮水安全巩固提升\t\t\t\t",
      "绩效指标\t指标内容\t年度指标值\t实际完成值\t分值\t得分",
      "产出指标\t水质检测合格率\t≥95%\t96.3%\t30\t30",
      "效益指标\t受益人口\t≥2.4万人\t2.5万人\t20\t20",
    );
    expect(value[0]!.indicators.map(brief)).toEqual([
      ["产出指标", null, "水质检测合格率", "≥95%", "96.3%", 30, 30],
      ["效益指标", null, "受益人口", "≥2.4万人", "2.5万人", 20, 20],
    ]);
  });

  it("reads a grid whose names stand under 绩效指标, and labels printed with their values in one cell", () => {
    const { value } = read(
      "项目支出绩效自评表",
      "项目名称：社区养老服务补贴\t\t主管部门：南江县民政局\t",
      "实施单位：南江县养老服务中心\t\t项目负责人：李明\t",
      "绩效指标\t指标值\t实际完成值\t得分",
      "服务老人数量\t≥500人\t520人\t30",
      "服务满意度\t≥90%\t95%\t20",
    );
    const [report] = value;
    expect([report!.kind, report!.department, report!.projects[0]?.name, report!.extra]).toEqual([
      "project",
      "南江县民政局",
      "社区养老服务补贴",
      { 项目负责人: "李明", 实施单位: "南江县养老服务中心" },
    ]);
    expect(report!.indicators.map(brief)).toEqual([
      [null, null, "服务老人数量", "≥500人", "520人", null, 30],
      [null, null, "服务满意度", "≥90%", "95%", null, 20],
    ]);
  });

  it("reads weights printed as 20% and scores and totals printed with their 分, without shifting the row", () => {
    const { value, warnings } = read(
      "部门整体绩效自评表（2023年度）",
      "部门名称\t北辰市统计局\t\t\t",
      "一级指标\t二级指标\t三级指标\t目标值\t完成值\t权重\t得分",
      "产出指标\t数量指标\t完成统计调查项目\t12项\t12项\t20%\t20分",
      "\t时效指标\t按时发布率\t100%\t100%\t10%\t10分",
      "合计\t\t\t\t\t\t95分",
    );
    const [report] = value;
    expect(report!.indicators.map(brief)).toEqual([
      ["产出指标", "数量指标", "完成统计调查项目", "12项", "12项", 20, 20],
      ["产出指标", "时效指标", "按时发布率", "100%", "100%", 10, 10],
    ]);
    expect(report!.totalScore).toBe(95);
    expect(warnings.filter((w) => w.code === "number-unparsed")).toEqual([]);
  });

  it("reads numbered goals written in one cell, key tasks with their money, and 收入来源 pairs of a targets table", () => {
    const { value } = read(
      "2025年部门整体绩效目标表",
      "部门名称\t滇南县水务局\t\t",
      "部门预算\t收入来源\t金额（万元）\t",
      "\t一般公共预算\t1200\t",
      "\t其他资金\t80\t",
      "总体绩效目标\t目标1：完成病险水库除险加固3座。目标2：农村自来水普及率达到92%。\t\t",
      "年度重点工作任务\t任务名称\t预算数（万元）\t预期目标",
      "\t水库除险加固\t600\t完成3座病险水库除险加固",
      "一级指标\t二级指标\t三级指标\t指标值",
      "产出指标\t数量指标\t除险加固水库数量\t3座",
    );
    const report = value[0]!;
    expect(report.budget.map((b) => [b.fundSource, b.initial, b.adjusted])).toEqual([
      ["general_public", 1200, null],
      ["other", 80, null],
    ]);
    expect(report.goals.map((g) => [g.seq, g.text])).toEqual([
      [1, "完成病险水库除险加固3座。"],
      [2, "农村自来水普及率达到92%。"],
    ]);
    expect(report.projects.map((p) => [p.name, p.budget, p.goal])).toEqual([
      ["水库除险加固", 600, "完成3座病险水库除险加固"],
    ]);
    expect(report.indicators.map((i) => [i.name, i.target, i.actual, i.score])).toEqual([
      ["除险加固水库数量", { raw: "3座", op: null, value: 3, unit: "座" }, null, null],
    ]);
  });

  it("reads nothing where no table holds an indicator grid, and says so", () => {
    const { value, warnings } = read("收入支出决算表", "项目\t本年收入\t本年支出", "一般公共预算\t1200\t1180");
    expect(value).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["no-layout"]);
  });
});

describe("a budget-system export of a project sheet (部门预算项目支出绩效自评表, Sichuan 2023 wording)", () => {
  const { value: reports, warnings } = read(
    "部门预算项目支出绩效自评表（2023年度）",
    "项目名称\t51000021R000000019951-工资性支出\t\t\t\t\t\t\t\t",
    "主管部门\t青神县发展和改革局本级\t\t\t实施单位（盖章）\t青神县发展和改革局\t\t\t\t",
    "项目基本情况\t1.项目年度目标完成情况\t\t\t\t\t\t\t\t",
    "\t项目年度目标\t\t\t\t年度目标完成情况\t\t\t\t",
    "\t严格执行相关政策，保障工资及时、足额发放。\t\t\t\t已按时足额发放。\t\t\t\t",
    "\t保障社保及时足额缴纳。\t\t\t\t对照年度目标，说明相关任务目标的完成情况（100字以内）\t\t\t\t",
    "预算执行情况（10分）\t年度预算数（万元）\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因\t",
    "\t总额\t238.93\t251.89\t251.89\t100.00%\t10\t10\t\t",
    "\t其中：财政资金\t238.93\t251.89\t251.89\t100.00%\t/\t/\t\t",
    "\t财政专户管理资金\t0.00\t0.00\t0.00\t0.00%\t/\t/\t\t",
    "\t单位资金\t0.00\t0.00\t0.00\t0.00%\t/\t/\t\t",
    "绩效指标（90分）\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析",
    "\t产出指标\t数量指标\t发放（缴纳）覆盖率\t=\t100\t%\t100\t60\t60\t",
    "\t效益指标\t社会效益指标\t足额保障率（参保率）\t≥\t98\t%\t99\t30\t30\t",
    "合计\t\t\t\t\t\t\t\t100\t100\t",
    "评价结论\t项目完成良好，自评得分100分。\t\t\t\t\t\t\t\t\t",
    "存在问题\t无\t\t\t\t\t\t\t\t\t",
    "其他说明\t结合自评情况，说明其他需要说明的问题。（200字以内）\t\t\t\t\t\t\t\t\t",
    "改进措施\t继续加强管理。\t\t\t\t\t\t\t\t\t",
    "项目负责人：\t张三\t\t财务负责人：\t李四\t\t\t\t\t\t",
  );
  const report = reports[0]!;

  it("takes the caption over the fund labels (年度预算数（万元）) for the label column, not for the budget", () => {
    expect(
      report.budget.map((b) => [b.fundSource, b.fundSourceRaw, b.initial, b.adjusted, b.executed, b.score]),
    ).toEqual([
      ["total", "总额", 238.93, 251.89, 251.89, 10],
      ["fiscal", "其中：财政资金", 238.93, 251.89, 251.89, null],
      ["other", "单位资金", 0, 0, 0, null],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["row-unplaced"]);
  });

  it("reads the goal, the comparator printed in 指标性质, the total and the texts under the grid", () => {
    // A template's instruction left unfilled ("…（100字以内）") is no achievement.
    expect(report.goals).toEqual([
      { seq: null, text: "严格执行相关政策，保障工资及时、足额发放。", actual: "已按时足额发放。", deviation: null },
      { seq: null, text: "保障社保及时足额缴纳。", actual: null, deviation: null },
    ]);
    expect(report.indicators.map((i) => [i.name, i.target?.raw, i.actual?.raw, i.weight, i.score])).toEqual([
      ["发放（缴纳）覆盖率", "=100%", "100%", 60, 60],
      ["足额保障率（参保率）", "≥98%", "99%", 30, 30],
    ]);
    expect([report.totalScore, report.maxScore, report.conclusion]).toEqual([
      100,
      100,
      "项目完成良好，自评得分100分。",
    ]);
    expect(report.projects.map((p) => [p.name, p.budget, p.executed, p.problems, p.remedy])).toEqual([
      ["51000021R000000019951-工资性支出", 251.89, 251.89, null, "继续加强管理。"],
    ]);
    expect(report.extra).toEqual({ 实施单位: "青神县发展和改革局", 项目负责人: "张三", 财务负责人: "李四" });
  });
});

describe("units are unit words", () => {
  it("cuts what is counted, written out, from the unit word", () => {
    expect(parseValue("开展10次团体心理治疗")).toEqual({
      raw: "开展10次团体心理治疗",
      op: null,
      value: 10,
      unit: "次",
    });
    expect(parseValue("不低于50人次的个体心理咨询辅导")).toEqual({
      raw: "不低于50人次的个体心理咨询辅导",
      op: ">=",
      value: 50,
      unit: "人次",
    });
    expect(["个小区", "个自然月", "元/人·月", "元每人每月", "万平方米"].map(unitWordOf)).toEqual([
      "个小区",
      "个自然月",
      "元/人·月",
      "元每人每月",
      "万平方米",
    ]);
  });

  it("splits goals numbered 目标N：, N. or (N) and leaves an unnumbered cell whole", () => {
    expect(cellToGoals("1.完成培训200人次；2.合格率95%以上。").map((g) => [g.seq, g.text])).toEqual([
      [1, "完成培训200人次；"],
      [2, "合格率95%以上。"],
    ]);
    expect(cellToGoals("保障2.5万人基本生活。")).toEqual([
      { seq: null, text: "保障2.5万人基本生活。", actual: null, deviation: null },
    ]);
  });
});
