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
  { field: "target", patterns: [/^年度指标值$/, /^指标值$/, /^年初目标值$/, /^年度目标值$/, /^预期目标值?$/, /^目标值$/] },
  { field: "actual", patterns: [/^实际完成值$/, /^全年实际完成值$/, /^完成值$/, /^全年完成值$/, /^实际完成$/] },
  { field: "weight", patterns: [/^分值$/, /^权重$/, /^指标权重$/, /^分值\(分\)$/] },
  { field: "score", patterns: [/^得分$/, /^指标得分$/, /^自评得分$/, /^得分\(分\)$/] },
  { field: "summary", patterns: [/^完成情况简要描述$/, /^完成情况$/, /^完成情况说明$/] },
  { field: "deviation", patterns: [/^偏差原因分析及改进措施$/, /^偏差原因及改进措施$/, /^偏差原因分析$/, /^未完成原因分析$/, /^偏差和措施$/, /^偏差原因/] },
];

export const BUDGET_HEADERS: Synonyms<BudgetField>[] = [
  { field: "fundSource", patterns: [/^资金来源$/, /^部门预算金额/, /^项目资金/, /^资金类别$/] },
  { field: "initial", patterns: [/^年初预算数/] },
  { field: "adjustment", patterns: [/^年中预算调整数/, /^预算调整数/, /^调整数$/] },
  { field: "adjusted", patterns: [/^全年预算数/, /^调整后预算数/, /^调整预算数/, /^预算数/] },
  { field: "executed", patterns: [/^全年执行数/, /^实际支出数/, /^执行数/, /^决算支出数/, /^实际执行数/] },
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

/** Given a header key, return the first field whose synonyms match it. */
export function fieldOfHeader<F extends string>(key: string, vocabulary: Synonyms<F>[]): F | null {
  for (const { field, patterns } of vocabulary) if (patterns.some((p) => p.test(key))) return field;
  return null;
}
