// The header vocabulary: which printed column headers mean which model field. This is the one
// place that knows the synonyms; a new regional variant is a new synonym here, not new code.
// Patterns are tried against labelKey(header) (no whitespace, NFKC, brackets unified), in order:
// the first field whose pattern matches a header takes that column.

export type IndicatorField =
  | "level1"
  | "level2"
  | "name"
  | "description"
  | "criterion"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "summary"
  | "deviation";

export type BudgetField =
  "fundSource" | "initial" | "adjustment" | "adjusted" | "executed" | "rate" | "weight" | "score";

export type GoalField = "seq" | "text" | "overall" | "actual" | "deviation";

export interface Synonyms<F extends string> {
  field: F;
  patterns: RegExp[];
}

export const INDICATOR_HEADERS: Synonyms<IndicatorField>[] = [
  // A single level column (指标类型 / 指标类别 / 指标分类) holds 一级 or 二级 labels; the reader
  // places each by what it says (indicator-columns.ts, singleLevelColumn).
  {
    field: "level1",
    patterns: [/^一级指标$/, /^一级指标名称$/, /^一级指标内容$/, /^指标类[型别]$/, /^指标分类$/, /^指标层级$/],
  },
  { field: "level2", patterns: [/^二级指标$/, /^二级指标名称$/, /^二级指标内容$/] },
  {
    field: "name",
    patterns: [
      /^三级指标$/,
      /^三级指标名称$/,
      /^三级指标内容$/,
      /^指标名称$/,
      /^绩效指标名称$/,
      /^具体指标$/,
      /^指标项目?$/,
    ],
  },
  {
    field: "description",
    patterns: [/^指标内容$/, /^年度指标内容$/, /^指标说明$/, /^指标定义$/, /^考核内容$/, /^评价要点$/, /^考核要点$/],
  },
  {
    field: "criterion",
    patterns: [/^评价标准$/, /^评分标准$/, /^指标解释$/, /^评分规则$/, /^评分办法$/, /^计分方法$/, /^评分方法$/],
  },
  // 年度指标值(A) / 实际完成值(B): the national project sheet; 年度(/项目)指标值: target declarations
  // (realdocs tianbaoxitong); 年初指标值: the Chongqing-style sheet, whose 调整指标值 is an extra.
  {
    field: "target",
    patterns: [
      /^年度指标值$/,
      /^指标值$/,
      /^年初目标值$/,
      /^年度目标值$/,
      /^预期目标值?$/,
      /^目标值$/,
      /^年度指标值\(A\)$/,
      /^年度\(\/项目\)指标值$/,
      /^年初指标值$/,
      /^计划指标值$/,
      /^绩效目标值$/,
      /^本年(度)?(指标值|目标值)$/,
      /^当年(指标值|目标值)$/,
      /^年度计划值$/,
      /^计划值$/,
      /^预期指标值$/,
      /^目标值\(A\)$/,
      /^指标值\(A\)$/,
    ],
  },
  {
    field: "actual",
    patterns: [
      /^实际完成值$/,
      /^全年实际完成值$/,
      /^完成值$/,
      /^全年完成值$/,
      /^实际完成$/,
      /^实际完成值\(B\)$/,
      /^实际值$/,
      /^实际值\(B\)$/,
      /^本年(度)?(完成值|实际值|实际完成值)$/,
      /^当年(完成值|实际值)$/,
      /^完成值\(B\)$/,
      /^实际完成指标值$/,
      /^年度完成值$/,
      /^实际达成值$/,
      /^全年实际值$/,
      /^实现值$/,
      /^(实际|全年)完成情况$/,
    ],
  },
  {
    field: "weight",
    patterns: [
      /^三级指标(权重|分值)/,
      /^分值$/,
      /^权重$/,
      /^指标权重$/,
      /^分值\(分\)$/,
      /^权重\(%\)$/,
      /^权重分$/,
      /^指标分值$/,
      /^标准分值?$/,
      /^满分$/,
      /^(分值|权重)\(.*\)$/,
      /^指标权重\(.*\)$/,
    ],
  },
  {
    field: "score",
    patterns: [
      /^得分$/,
      /^指标得分$/,
      /^自评得分$/,
      /^得分\(分\)$/,
      /^评价得分$/,
      /^实际得分$/,
      /^评分$/,
      /^得分\(.*\)$/,
      /^自评分$/,
      /^考核得分$/,
    ],
  },
  { field: "summary", patterns: [/^完成情况简要描述$/, /^完成情况$/, /^完成情况说明$/, /^完成情况分析$/] },
  {
    field: "deviation",
    patterns: [
      /^偏差原因分析及改进措施$/,
      /^偏差原因及改进措施$/,
      /^偏差原因分析$/,
      /^未完成原因分析$/,
      /^偏差和措施$/,
      /^偏差原因/,
      /^未完成原因/,
      /^扣分(原因|理由|说明)/,
    ],
  },
];

export const BUDGET_HEADERS: Synonyms<BudgetField>[] = [
  { field: "fundSource", patterns: [/^资金来源$/, /^部门预算金额/, /^项目资金/, /^资金类别$/, /^项目$/] },
  { field: "initial", patterns: [/^年初预算/] },
  { field: "adjustment", patterns: [/^年中预算调整数/, /^预算调整数/, /^调整数$/] },
  {
    field: "adjusted",
    patterns: [
      /^全年预算数/,
      /^调整后预算数/,
      /^调整预算数/,
      /^预算数/,
      /^全年预算/,
      /^预算安排数/,
      /^年度预算(数|金额)/,
    ],
  },
  {
    field: "executed",
    patterns: [
      /^全年执行数/,
      /^实际支出数/,
      /^执行数/,
      /^决算支出数/,
      /^实际执行数/,
      /^决算数$/,
      /^实际支出$/,
      /^支出数/,
      /^全年执行/,
      /^预算执行数/,
      /^实际执行/,
    ],
  },
  { field: "rate", patterns: [/执行率/] },
  { field: "weight", patterns: [/^分值$/, /^权重$/] },
  { field: "score", patterns: [/^得分$/, /^评价得分$/] },
];

export const GOAL_HEADERS: Synonyms<GoalField>[] = [
  { field: "seq", patterns: [/^目标序号$/, /^序号$/] },
  {
    field: "text",
    patterns: [
      /^年度绩效目标$/,
      /^绩效目标$/,
      /^(项目)?年度目标$/,
      /^预期目标$/,
      /^全年绩效目标$/,
      /^年度总体目标$/,
      // A department's goals labelled down the first column, a note on filling in aside.
      /^部门(整体支出)?年度(绩效|总体)?目标(\(.*\))?$/,
    ],
  },
  {
    field: "actual",
    patterns: [
      /^实际完成情况$/,
      /^实际完成$/,
      /^全年目标实际完成情况$/,
      /^目标实际完成情况$/,
      /^实际完成情况说明$/,
      /^(年度)?目标完成情况$/,
    ],
  },
  { field: "deviation", patterns: [/^偏差原因/] },
  // The whole project's goal beside the year's (目标申报表): kept in the report's extra where it differs.
  { field: "overall", patterns: [/^项目总目标$/, /^总体目标$/, /^项目绩效总目标$/] },
];

/**
 * Indicator columns the model has no field for, kept in `Indicator.extra` under the key named here
 * (the Sichuan- and Chongqing-style sheets of scripts/fixtures/expected). The key is the
 * vocabulary's own name for the column, so one concept printed two ways lands under one key.
 */
export const INDICATOR_EXTRA_HEADERS: Synonyms<string>[] = [
  {
    field: "指标性质",
    patterns: [
      /^指标性质$/,
      /^指标属性$/,
      /^指标方向$/,
      /^计算符号$/,
      /^符号$/,
      /^比较符$/,
      /^运算符号?$/,
      /^指标值性质$/,
    ],
  },
  { field: "调整指标值", patterns: [/^调整指标值$/, /^调整后指标值$/, /^调整(后)?目标值$/] },
  { field: "完成率", patterns: [/^(指标|目标)?完成(比)?率$/] },
  { field: "得分系数", patterns: [/^得分系数$/] },
  { field: "是否核心指标", patterns: [/^是否核心指标$/, /^核心指标$/] },
  // A level's own weight (Guangdong's 一级指标 名称 | 权重(%)): the level's, not the indicator's.
  { field: "一级指标分值", patterns: [/^一级指标(权重|分值)/] },
  { field: "二级指标分值", patterns: [/^二级指标(权重|分值)/] },
  { field: "上年指标值", patterns: [/^上年(度)?(指标值|完成值|实际值|目标值|实际完成值)$/, /^去年(完成值|实际值)$/] },
  { field: "备注", patterns: [/^备注$/] },
];

/**
 * A unit printed in a column of its own (度量单位, 计量单位): it becomes the `unit` of the target's
 * and the actual's Value where the value cell prints a number and no unit (docs/headers.md).
 */
export const INDICATOR_UNIT_HEADERS: Synonyms<"unit">[] = [
  { field: "unit", patterns: [/^度量单位$/, /^计量单位$/, /^指标单位$/, /^单位$/, /^指标值单位$/] },
];

/**
 * The labelled fields heading a project sheet or target declaration (项目名称 … 实施单位): each
 * label (a trailing colon aside) is followed in its row by the value it names. `project` names the project on every
 * indicator; `department` is the report's department; `implementer` is kept in a warning when it
 * differs from the department (normalizers/project-sheet.ts).
 */
export type SheetHeadField =
  "project" | "department" | "implementer" | "unit" | "year" | "grade" | "total" | "budgetScore";

export const SHEET_HEAD_HEADERS: Synonyms<SheetHeadField>[] = [
  { field: "project", patterns: [/^项目名称$/] },
  {
    field: "department",
    patterns: [/^主管部门$/, /^主管单位$/, /^预算部门$/, /^项目主管部门$/, /^主管部门\(单位\)$/, /^预算主管部门$/],
  },
  { field: "implementer", patterns: [/^实施单位$/, /^项目实施单位$/, /^执行单位$/, /^项目单位$/] },
  { field: "year", patterns: [/^(预算|评价|所属|填报)?年度$/] },
  { field: "grade", patterns: [/^(评价|自评|绩效)?等级$/, /^评价结果$/, /^自评结果$/] },
  { field: "total", patterns: [/^(自评|评价|综合)?(总分|总得分)$/, /^(自评|评价)得分$/] },
  // The budget's own score printed beside the total, its weight in the label: 预算执行(10分) | 10.00.
  { field: "budgetScore", patterns: [/^预算执行(情况|率)?(得分)?$/] },
  // The department a whole-department form (or a form without 主管部门) is about.
  {
    field: "unit",
    patterns: [
      /^部门名称$/,
      /^单位名称$/,
      /^填报单位$/,
      /^部门\(单位\)名称$/,
      /^预算单位$/,
      /^评价单位$/,
      /^预算部门名称$/,
      /^单位$/,
      /^部门\(单位\)$/,
    ],
  },
];

/**
 * Labelled report fields the model has no place for, kept in the report's `extra` under the key
 * named here (spec, "Reading forms never seen": 联系人 …).
 */
export const REPORT_EXTRA_HEADERS: Synonyms<string>[] = [
  { field: "联系人", patterns: [/^(项目)?联系人$/, /^填报人$/, /^经办人$/] },
  { field: "联系电话", patterns: [/^联[系络]电话$/, /^电话$/] },
  { field: "人员编制", patterns: [/^(人员)?编制(人数|数)?$/] },
  { field: "实有人数", patterns: [/^实有人数$/, /^在职人数$/] },
  { field: "预算编码", patterns: [/^预算(单位)?编码$/, /^单位编码$/] },
  { field: "评价方式", patterns: [/^评价方式$/] },
  { field: "评价机构", patterns: [/^评价机构$/] },
  { field: "报告日期", patterns: [/^报告日期$/] },
  { field: "财政供养人员数", patterns: [/^财政供养人员数$/] },
  { field: "下属二级单位数", patterns: [/^下属二级单位数$/] },
  { field: "项目类别", patterns: [/^项目类[别型]$/] },
  { field: "项目性质", patterns: [/^项目性质$/] },
  { field: "项目负责人", patterns: [/^项目负责人$/] },
  { field: "财务负责人", patterns: [/^财务负责人$/] },
  { field: "单位负责人", patterns: [/^单位负责人$/, /^部门负责人$/] },
  { field: "计划开始日期", patterns: [/^计划开始(日期|时间)$/, /^项目开始(日期|时间)$/] },
  { field: "计划完成日期", patterns: [/^计划(完成|结束)(日期|时间)$/, /^项目(完成|结束)(日期|时间)$/] },
  { field: "填报日期", patterns: [/^填(报|表)(日期|时间)$/] },
  { field: "项目期限", patterns: [/^项目(期限|周期|起止时间|实施期限?)$/, /^实施(期限|周期)$/] },
];

export type ClosingField = "conclusion" | "problems" | "remedy";

/**
 * Labelled texts printed under a form's grids: its conclusion (Report.conclusion), and the problems
 * found and the remedies planned (a project report's Project.problems / remedy; a department's
 * report keeps them in its extra under 存在问题 / 改进措施).
 */
export const CLOSING_HEADERS: Synonyms<ClosingField>[] = [
  // 自评结论, 评价结论, and the same after what was evaluated (整体支出绩效自评结论).
  { field: "conclusion", patterns: [/^(绩效)?结论$/, /^.{0,12}(自评|评价)结论$/, /^总体评价$/] },
  // 偏差大或目标未完成原因分析: why targets were missed.
  {
    field: "problems",
    patterns: [/^(存在|主要)(的)?问题$/, /^存在问题及原因$/, /^.{0,8}(偏差|未完成).{0,8}原因分析$/],
  },
  // 改进措施及结果应用方案: the remedy and how the results will be used.
  {
    field: "remedy",
    patterns: [/^改进(措施|建议|意见)$/, /^整改措施$/, /^下一步改进措施$/, /^改进措施及结果应用(方案)?$/],
  },
];

/**
 * The rows of a targets table that name key tasks or projects with their money (年度重点工作任务 /
 * 项目名称 with 拟投入资金 / 预算数 and 期望达到的目标): each becomes a Project record (spec, Target tables).
 */
export type TaskField = "name" | "content" | "budget" | "goal";

export const TASK_HEADERS: Synonyms<TaskField>[] = [
  { field: "name", patterns: [/^名称$/, /^任务名称$/, /^重点工作任务$/, /^工作任务$/, /^项目名称$/, /^重点任务$/] },
  { field: "content", patterns: [/^主要实施内容$/, /^实施内容$/, /^主要内容$/, /^任务内容$/] },
  { field: "budget", patterns: [/^拟投入(的)?资金/, /^预算金额/, /^预算数/, /^资金(金额|数额)?\(/, /^投入资金/] },
  { field: "goal", patterns: [/^期望达到的目标/, /^预期目标/, /^绩效目标/, /^预期达到的目标/] },
];

/**
 * The label–amount pairs of a target declaration's 项目资金 block (realdocs tianbaoxitong): the
 * year's request (年度资金申请总额 and its 其中 rows) beside the project's whole-life figures
 * (项目资金总额). Only the year's figures become budget lines (normalizers/target-declaration.ts).
 */
export type DeclaredAmountField = "yearTotal" | "projectTotal" | "fiscal" | "carryOver" | "other";

export const DECLARED_AMOUNT_HEADERS: Synonyms<DeclaredAmountField>[] = [
  { field: "yearTotal", patterns: [/^年度资金(申请)?总额$/, /^年度预算(资金)?总额$/, /^本年度资金总额$/] },
  { field: "projectTotal", patterns: [/^项目资金总额$/, /^资金总额$/] },
  { field: "fiscal", patterns: [/^(其中[:]?)?(当年)?财政(资金|拨款)$/] },
  { field: "carryOver", patterns: [/^(其中[:]?)?上年结转(资金)?$/] },
  { field: "other", patterns: [/^(其中[:]?)?其他资金$/] },
];

/** Per vocabulary, the field each header key was found to mean: the readers ask about the same keys again and again. */
const fieldsFound = new WeakMap<Synonyms<string>[], Map<string, string | null>>();

/** Bracketed asides in a header key ("指标值(目标值)", "评(扣)分标准", "三级指标(具体指标)"). */
const ASIDES = /\([^()]*\)/g;

/**
 * Given a header key, return the first field whose synonyms match it; a header that none match is
 * asked again without its bracketed asides, which qualify the header rather than name it.
 */
export function fieldOfHeader<F extends string>(key: string, vocabulary: Synonyms<F>[]): F | null {
  let found = fieldsFound.get(vocabulary);
  if (!found) fieldsFound.set(vocabulary, (found = new Map()));
  const known = found.get(key);
  if (known !== undefined) return known as F | null;
  const bare = key.replace(ASIDES, "");
  const field = firstMatch(key, vocabulary) ?? (bare && bare !== key ? firstMatch(bare, vocabulary) : null);
  if (found.size > 20_000) found.clear();
  found.set(key, field);
  return field;
}

/** Given a header key, return the first field whose patterns match it as it is. */
function firstMatch<F extends string>(key: string, vocabulary: Synonyms<F>[]): F | null {
  for (const entry of vocabulary) if (entry.patterns.some((p) => p.test(key))) return entry.field;
  return null;
}

// ---- project-wide tables (seed 002): one row per project, indicators as (内容, 完成情况) pairs ----

export type ProjectField =
  | "seq"
  | "category"
  | "name"
  | "budget"
  | "executed"
  | "rate"
  | "goal"
  | "achievement"
  | "content"
  | "summary"
  | "problems"
  | "remedy"
  | "subtotal";

export const PROJECT_HEADERS: Synonyms<ProjectField>[] = [
  { field: "seq", patterns: [/^序号$/] },
  { field: "category", patterns: [/^部门名称$/, /^项目类别$/, /^项目类型$/, /^单位名称$/, /^预算单位$/] },
  { field: "name", patterns: [/^项目名称$/] },
  {
    field: "budget",
    patterns: [
      /^项目年度预算金额/,
      /^年度预算金额/,
      /^项目预算金额/,
      /^预算金额/,
      /^年度预算数/,
      /^全年预算数/,
      /^预算数/,
    ],
  },
  { field: "executed", patterns: [/^实际支出金额/, /^实际支出数?/, /^全年执行数/, /^执行数/, /^决算数/] },
  { field: "rate", patterns: [/执行率/] },
  { field: "goal", patterns: [/^年初绩效目标$/, /^年度绩效目标$/, /^绩效目标$/, /^预期绩效目标$/] },
  {
    field: "achievement",
    patterns: [/^绩效目标整体完成情况$/, /^整体完成情况$/, /^绩效目标完成情况$/, /^目标完成情况$/],
  },
  { field: "content", patterns: [/^年度指标内容$/, /^指标内容$/, /^年度绩效指标$/] },
  { field: "summary", patterns: [/^完成情况$/, /^实际完成情况$/, /^指标完成情况$/] },
  { field: "problems", patterns: [/^项目执行中存在的问题$/, /存在的问题$/, /^存在问题$/] },
  { field: "remedy", patterns: [/^整改情况$/, /^整改措施$/, /^改进措施$/] },
  { field: "subtotal", patterns: [/^合计$/, /^小计$/] },
];

// ---- project lists under a narrative report (seed 004 (b), 分项绩效项目清单): 序号, 项目名称, then
// 预算数 / 执行数 / 结余数 / 得分 and a description of what the project achieved ----

export type ProjectListField = "seq" | "name" | "budget" | "executed" | "balance" | "rate" | "score" | "achievement";

export const PROJECT_LIST_HEADERS: Synonyms<ProjectListField>[] = [
  { field: "seq", patterns: [/^序号$/] },
  { field: "name", patterns: [/^项目名称$/] },
  { field: "budget", patterns: [/^预算数/, /^年度预算/, /^预算金额/, /^全年预算数/] },
  { field: "executed", patterns: [/^执行数/, /^实际支出/, /^支出数/, /^决算数/] },
  { field: "balance", patterns: [/^结余数?/, /^结转结余/] },
  { field: "rate", patterns: [/执行率/] },
  { field: "score", patterns: [/^得分$/, /^自评得分$/, /^评分$/] },
  { field: "achievement", patterns: [/完成情况$/, /^绩效目标实现情况$/, /^项目绩效$/, /^实施效果$/] },
];

/** Every header vocabulary: what a header may be (OCR's misread headers are put right against these, misread.ts). */
export const HEADER_VOCABULARIES: Synonyms<string>[][] = [
  INDICATOR_HEADERS,
  BUDGET_HEADERS,
  GOAL_HEADERS,
  INDICATOR_EXTRA_HEADERS,
  INDICATOR_UNIT_HEADERS,
  SHEET_HEAD_HEADERS,
  REPORT_EXTRA_HEADERS,
  CLOSING_HEADERS,
  TASK_HEADERS,
  DECLARED_AMOUNT_HEADERS,
  PROJECT_HEADERS,
  PROJECT_LIST_HEADERS,
];
