// Layout family "tianjin" (seed 000, 天津市民政局 整体支出绩效自评表): one form whose sections
// follow each other in a single (possibly page-split) table: 部门名称; 预算执行情况 (header, values,
// 偏差原因分析及改进措施); 年度绩效目标完成情况 (目标序号 / 年度绩效目标 / 实际完成情况 / 偏差); 年度指标完成情况
// (绩效目标N blocks of 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差); 总分; 自评结论.
// What is distinctive is only detection: the form reader (reader/index.ts) reads every section.
import { formFits } from "./common/detect.js";
import { readForm } from "./reader/index.js";
import type { Normalizer } from "./types.js";

const FAMILY = "tianjin";

/** Printed labels that only this family's form carries, with their weight in the fit score. */
const VOCABULARY: [RegExp, number][] = [
  [/预算执行情况/, 1],
  [/年度绩效目标完成情况/, 1],
  [/年度指标完成情况/, 2],
  [/全年预算数\(A\)/, 1],
  [/全年执行数\(B\)/, 1],
  [/^目标序号$/, 1],
  [/^绩效目标\d+$/, 1],
  [/^三级指标$/, 0.5],
  [/整体支出绩效自评结论/, 1],
];

export const tianjin: Normalizer = {
  family: FAMILY,
  detect: (extraction) => formFits(extraction, FAMILY, VOCABULARY, /^(部门名称|单位名称)$/),
  normalize: (extraction, fit) => readForm(extraction, fit.blocks, { family: FAMILY, describeColumns: false }),
};
