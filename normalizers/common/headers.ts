// The header vocabulary: which printed column headers mean which model field. This is the one
// place that knows the synonyms; a new regional variant is a new synonym here, not new code.
// Patterns are tried against labelKey(header) (no whitespace, NFKC, brackets unified), in order:
// the first field whose pattern matches a header takes that column.

export type IndicatorField =
  | "level1" | "level2" | "name" | "description" | "criterion" | "target" | "actual"
  | "weight" | "score" | "summary" | "deviation";

export type BudgetField = "fundSource" | "initial" | "adjustment" | "adjusted" | "executed" | "rate" | "weight" | "score";

export type GoalField = "seq" | "text" | "actual" | "deviation";

export interface Synonyms<F extends string> {
  field: F;
  patterns: RegExp[];
}

export const INDICATOR_HEADERS: Synonyms<IndicatorField>[] = [
  { field: "level1", patterns: [/^一级指标$/] },
  { field: "level2", patterns: [/^二级指标$/] },
  { field: "name", patterns: [/^三级指标$/, /^指标名称$/] },
  { field: "description", patterns: [/^指标内容$/, /^年度指标内容$/] },
  { field: "criterion", patterns: [/^评价标准$/, /^评分标准$/] },
  // 年度指标值(A) / 实际完成值(B): the national project sheet; 年度(/项目)指标值: target declarations
  // (realdocs tianbaoxitong); 年初指标值: the Chongqing-style sheet, whose 调整指标值 is an extra.
  { field: "target", patterns: [/^年度指标值$/, /^指标值$/, /^年初目标值$/, /^年度目标值$/, /^预期目标值?$/, /^目标值$/, /^年度指标值\(A\)$/, /^年度\(\/项目\)指标值$/, /^年初指标值$/] },
  { field: "actual", patterns: [/^实际完成值$/, /^全年实际完成值$/, /^完成值$/, /^全年完成值$/, /^实际完成$/, /^实际完成值\(B\)$/] },
  { field: "weight", patterns: [/^分值$/, /^权重$/, /^指标权重$/, /^分值\(分\)$/] },
  { field: "score", patterns: [/^得分$/, /^指标得分$/, /^自评得分$/, /^得分\(分\)$/] },
  { field: "summary", patterns: [/^完成情况简要描述$/, /^完成情况$/, /^完成情况说明$/] },
  { field: "deviation", patterns: [/^偏差原因分析及改进措施$/, /^偏差原因及改进措施$/, /^偏差原因分析$/, /^未完成原因分析$/, /^偏差和措施$/, /^偏差原因/] },
];

export const BUDGET_HEADERS: Synonyms<BudgetField>[] = [
  { field: "fundSource", patterns: [/^资金来源$/, /^部门预算金额/, /^项目资金/, /^资金类别$/, /^项目$/] },
  { field: "initial", patterns: [/^年初预算数/] },
  { field: "adjustment", patterns: [/^年中预算调整数/, /^预算调整数/, /^调整数$/] },
  { field: "adjusted", patterns: [/^全年预算数/, /^调整后预算数/, /^调整预算数/, /^预算数/] },
  { field: "executed", patterns: [/^全年执行数/, /^实际支出数/, /^执行数/, /^决算支出数/, /^实际执行数/, /^决算数$/] },
  { field: "rate", patterns: [/执行率/] },
  { field: "weight", patterns: [/^分值$/] },
  { field: "score", patterns: [/^得分$/] },
];

export const GOAL_HEADERS: Synonyms<GoalField>[] = [
  { field: "seq", patterns: [/^目标序号$/, /^序号$/] },
  { field: "text", patterns: [/^年度绩效目标$/, /^绩效目标$/, /^年度目标$/, /^预期目标$/] },
  { field: "actual", patterns: [/^实际完成情况$/, /^实际完成$/] },
  { field: "deviation", patterns: [/^偏差原因/] },
];

/**
 * Indicator columns the model has no field for, kept in `Indicator.extra` under the key named here
 * (the Sichuan- and Chongqing-style sheets of scripts/fixtures/expected). The key is the
 * vocabulary's own name for the column, so one concept printed two ways lands under one key.
 */
export const INDICATOR_EXTRA_HEADERS: Synonyms<string>[] = [
  { field: "指标性质", patterns: [/^指标性质$/, /^指标属性$/, /^指标类型$/] },
  { field: "调整指标值", patterns: [/^调整指标值$/, /^调整后指标值$/, /^调整目标值$/] },
  { field: "得分系数", patterns: [/^得分系数$/] },
  { field: "是否核心指标", patterns: [/^是否核心指标$/, /^核心指标$/] },
];

/**
 * A unit printed in a column of its own (度量单位, 计量单位): it becomes the `unit` of the target's
 * and the actual's Value where the value cell prints a number and no unit (docs/headers.md).
 */
export const INDICATOR_UNIT_HEADERS: Synonyms<"unit">[] = [
  { field: "unit", patterns: [/^度量单位$/, /^计量单位$/, /^指标单位$/, /^单位$/] },
];

/**
 * The labelled fields heading a project sheet or target declaration (项目名称 … 实施单位): each
 * label (a trailing colon aside) is followed in its row by the value it names. `project` names the project on every
 * indicator; `department` is the report's department; `implementer` is kept in a warning when it
 * differs from the department (normalizers/project-sheet.ts).
 */
export type SheetHeadField = "project" | "department" | "implementer";

export const SHEET_HEAD_HEADERS: Synonyms<SheetHeadField>[] = [
  { field: "project", patterns: [/^项目名称$/] },
  { field: "department", patterns: [/^主管部门$/, /^主管单位$/, /^预算部门$/] },
  { field: "implementer", patterns: [/^实施单位$/, /^项目实施单位$/, /^执行单位$/] },
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

/** Given a header key, return the first field whose synonyms match it. */
export function fieldOfHeader<F extends string>(key: string, vocabulary: Synonyms<F>[]): F | null {
  for (const { field, patterns } of vocabulary) if (patterns.some((p) => p.test(key))) return field;
  return null;
}

// ---- project-wide tables (seed 002): one row per project, indicators as (内容, 完成情况) pairs ----

export type ProjectField =
  | "seq" | "category" | "name" | "budget" | "executed" | "rate" | "goal" | "achievement"
  | "content" | "summary" | "problems" | "remedy" | "subtotal";

export const PROJECT_HEADERS: Synonyms<ProjectField>[] = [
  { field: "seq", patterns: [/^序号$/] },
  { field: "category", patterns: [/^部门名称$/, /^项目类别$/, /^项目类型$/, /^单位名称$/, /^预算单位$/] },
  { field: "name", patterns: [/^项目名称$/] },
  { field: "budget", patterns: [/^项目年度预算金额/, /^年度预算金额/, /^项目预算金额/, /^预算金额/, /^年度预算数/, /^全年预算数/, /^预算数/] },
  { field: "executed", patterns: [/^实际支出金额/, /^实际支出数?/, /^全年执行数/, /^执行数/, /^决算数/] },
  { field: "rate", patterns: [/执行率/] },
  { field: "goal", patterns: [/^年初绩效目标$/, /^年度绩效目标$/, /^绩效目标$/, /^预期绩效目标$/] },
  { field: "achievement", patterns: [/^绩效目标整体完成情况$/, /^整体完成情况$/, /^绩效目标完成情况$/, /^目标完成情况$/] },
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
